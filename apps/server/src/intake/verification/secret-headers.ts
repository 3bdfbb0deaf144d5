// Headers that carry a caller's secret (a Basic password, a shared token) are checked and then
// replaced by "[redacted]" before the request is stored or handed to the flow, so no API answer,
// step or replay ever shows them. Signature headers stay: they prove the body, they reveal nothing.
import { REDACTED, SECRET_HEADER_NAMES } from '@hookflow/engine';
import type { WebhookAuthParams } from '@hookflow/nodes';

export function withoutSecretHeaders(headers: Record<string, string>, auth: WebhookAuthParams | undefined): Record<string, string> {
  const secret = new Set(SECRET_HEADER_NAMES);
  if (auth?.type === 'header' && auth.name) secret.add(auth.name.toLowerCase());
  if (auth?.type === 'hmac') {
    for (const name of [auth.header, auth.timestampHeader]) if (name) secret.delete(name.toLowerCase());
  }
  if (!Object.keys(headers).some((name) => secret.has(name))) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, secret.has(name) ? REDACTED : value]));
}
