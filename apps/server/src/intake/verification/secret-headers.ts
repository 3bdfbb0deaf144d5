// Headers that carry a caller's secret (a Basic password, a shared token) are checked and then
// replaced by "[redacted]" before the request is stored or handed to the flow, so no API answer,
// step or replay ever shows them. Signature headers stay: they prove the body, they reveal nothing.
import { REDACTED } from '@hookflow/engine';
import type { WebhookAuthParams } from '@hookflow/nodes';

const ALWAYS_SECRET = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token'];

export function withoutSecretHeaders(headers: Record<string, string>, auth: WebhookAuthParams | undefined): Record<string, string> {
  const secret = new Set(ALWAYS_SECRET);
  if (auth?.type === 'header' && auth.name) secret.add(auth.name.toLowerCase());
  if (auth?.type === 'hmac') {
    for (const name of [auth.header, auth.timestampHeader]) if (name) secret.delete(name.toLowerCase());
  }
  if (!Object.keys(headers).some((name) => secret.has(name))) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, secret.has(name) ? REDACTED : value]));
}
