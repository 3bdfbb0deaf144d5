// How an encryption key may be written (ENCRYPTION_KEY or the key file): 32 bytes as hex or base64.
export const KEY_BYTES = 32;

/** The 32-byte key spelled as 64 hex characters or as base64 (padded or not), else undefined. */
export function decodeEncryptionKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) return undefined;
  const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

export const ENCRYPTION_KEY_HINT = 'must be 32 bytes written as 64 hex characters or base64 (e.g. the output of `openssl rand -base64 32`)';
