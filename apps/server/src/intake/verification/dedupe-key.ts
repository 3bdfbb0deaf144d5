// The delivery id that makes a request a repeat. Presets name where each provider puts it; "auto"
// follows the trigger's signature scheme, else takes the first delivery-id header the request has:
// those headers are set only by senders that keep them across redeliveries, so a repeat is a repeat.
import { createHash } from 'node:crypto';
import type { WebhookAuthParams, WebhookDedupeParams } from '@hookflow/nodes';
import { headerValue, valueAt } from './request-values';

type KeySource = { source: 'header' | 'body'; path: string };

const PRESETS: Record<string, KeySource> = {
  github: { source: 'header', path: 'x-github-delivery' },
  stripe: { source: 'body', path: 'id' },
  'standard-webhooks': { source: 'header', path: 'webhook-id' },
  shopify: { source: 'header', path: 'x-shopify-webhook-id' },
  'idempotency-key': { source: 'header', path: 'idempotency-key' },
};

/** Where "auto" looks without a signature scheme, in this order. Body ids (Stripe's) need the scheme: any body may have an `id`. */
const AUTO_HEADERS = ['x-github-delivery', 'webhook-id', 'x-shopify-webhook-id', 'idempotency-key'];

const MAX_KEY_LENGTH = 200;

export function dedupeKeyOf(args: {
  dedupe: WebhookDedupeParams | undefined;
  auth: WebhookAuthParams | undefined;
  headers: Record<string, string>;
  body: unknown;
}): string | undefined {
  const where = keySource(args.dedupe, args.auth, args.headers);
  if (!where) return undefined;
  const value = valueAt(where.source, where.path, args);
  if (value === undefined) return undefined;
  // Keys fit the column; long ones are hashed so two different long keys never collide by truncation.
  return value.length > MAX_KEY_LENGTH ? `sha256:${createHash('sha256').update(value).digest('hex')}` : value;
}

function keySource(dedupe: WebhookDedupeParams | undefined, auth: WebhookAuthParams | undefined, headers: Record<string, string>): KeySource | undefined {
  if (!dedupe || dedupe.preset === 'off') return undefined;
  if (dedupe.preset === 'custom') return dedupe.source && dedupe.path ? { source: dedupe.source, path: dedupe.path } : undefined;
  if (dedupe.preset !== 'auto') return PRESETS[dedupe.preset];
  const byScheme = auth?.type === 'hmac' && auth.preset ? PRESETS[auth.preset] : undefined;
  if (byScheme) return byScheme;
  const header = AUTO_HEADERS.find((name) => headerValue(headers, name) !== undefined);
  return header ? { source: 'header', path: header } : undefined;
}
