// Removes secrets (tokens, webhook URLs) from text before it reaches an error, a log or a step.
// Very short values are left alone: replacing every "x" in a message would destroy it and such a
// value protects nothing anyway.
const MIN_SECRET_LENGTH = 8;
export const REDACTED = '[redacted]';

export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    result = result.split(secret).join(REDACTED);
  }
  return result;
}
