// Passwords are hashed with argon2id (OWASP's first choice) through @node-rs/argon2, whose
// prebuilt binaries need no compiler. Its defaults (19 MiB, 2 passes) follow OWASP's minimum.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  return verify(stored, password).catch(() => false);
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of a real check when the email is unknown, so the answer's timing does not tell
 * whether an account exists.
 */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hash('hookflow-decoy-password');
  await verifyPassword({ hash: await decoy, password });
}
