// The key credentials are encrypted with: ENCRYPTION_KEY when set (32 bytes, hex or base64),
// else a key generated once into DATA_DIR/encryption.key. Losing the key loses every stored
// credential, so a generated key is announced with a warning telling where it lives.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { SettingsError, type Settings } from '../config/settings';
import { decodeEncryptionKey, ENCRYPTION_KEY_HINT, KEY_BYTES } from './encryption-key-format';

export const KEY_FILE_NAME = 'encryption.key';

export function loadEncryptionKey({ settings, logger }: { settings: Settings; logger: Logger }): Buffer {
  if (settings.ENCRYPTION_KEY) {
    const key = decodeEncryptionKey(settings.ENCRYPTION_KEY);
    if (!key) throw new SettingsError(`Invalid settings:\n  ENCRYPTION_KEY: ${ENCRYPTION_KEY_HINT}`);
    return key;
  }
  const file = join(settings.dataDir, KEY_FILE_NAME);
  if (existsSync(file)) return readKeyFile(file);
  mkdirSync(settings.dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // wx: two processes starting together on one DATA_DIR must not both write a key.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if (isAlreadyThere(err)) return readKeyFile(file);
    throw err;
  }
  chmodSync(file, 0o600);
  logger.warn(
    { file },
    'ENCRYPTION_KEY is not set: generated a key for stored credentials in DATA_DIR. Back it up, or set ENCRYPTION_KEY; without it stored credentials cannot be read.',
  );
  return key;
}

function readKeyFile(file: string): Buffer {
  const key = decodeEncryptionKey(readFileSync(file, 'utf8'));
  if (!key) throw new SettingsError(`The encryption key file ${file} is damaged: it ${ENCRYPTION_KEY_HINT}.`);
  return key;
}

function isAlreadyThere(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'EEXIST';
}
