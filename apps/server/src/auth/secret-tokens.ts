// Random secrets handed to clients (session tokens, API keys) and the hashes stored for them.
// They carry 256 bits of entropy, so a plain SHA-256 is enough: unlike passwords they cannot be
// guessed from a dictionary, and a fast hash keeps every API call cheap to check.
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'hf_';
const API_KEY_PATTERN = /^hf_[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/** What a list may show of a key: enough to tell keys apart, far too little to guess one. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
