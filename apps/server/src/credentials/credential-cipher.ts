// AES-256-GCM for credential data at rest. Each value gets a fresh 96-bit IV; the credential's
// id is authenticated data, so a ciphertext copied onto another row does not decrypt. Stored as
// "v1.<iv>.<tag>.<ciphertext>" in base64url, so a later scheme or key rotation can be told apart.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const VERSION = 'v1';

export class CredentialDecryptError extends Error {
  override readonly name = 'CredentialDecryptError';
}

export class CredentialCipher {
  constructor(private readonly key: Buffer) {}

  encrypt({ id, data }: { id: string; data: Record<string, string> }): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt({ id, sealed }: { id: string; sealed: string }): Record<string, string> {
    const [version, iv, tag, text] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || text === undefined) throw new CredentialDecryptError(`credential ${id} is stored in an unknown format`);
    try {
      // A full 16-byte tag only: GCM accepts shorter ones, which make forgeries far easier.
      const authTag = Buffer.from(tag, 'base64url');
      if (authTag.length !== 16) throw new Error('truncated tag');
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(Buffer.from(id, 'utf8'));
      decipher.setAuthTag(authTag);
      const plain = Buffer.concat([decipher.update(Buffer.from(text, 'base64url')), decipher.final()]).toString('utf8');
      return toStringRecord(JSON.parse(plain));
    } catch {
      // Never the cause: it could quote decrypted bytes.
      throw new CredentialDecryptError(`credential ${id} cannot be decrypted: ENCRYPTION_KEY (or DATA_DIR/encryption.key) is not the key it was saved with`);
    }
  }
}

function toStringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CredentialDecryptError('credential data is not an object');
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
