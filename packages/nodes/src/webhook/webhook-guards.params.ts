// What intake does before a request becomes an event: answer providers' URL handshakes, limit
// callers by address and rate, and recognise repeats and stale events. Each is optional.
import { isIP } from 'node:net';
import { z } from 'zod';
import { compileTemplate } from '@hookflow/flow-model';
import { secretRefParams } from './secret-ref.params';

export const webhookChallengeParams = z
  .object({
    slack: z.boolean().default(false).meta({ title: 'Slack url_verification', description: 'Echo Slack’s "challenge" when the Events API checks the URL.' }),
    microsoftGraph: z.boolean().default(false).meta({
      title: 'Microsoft Graph validationToken',
      description: 'Echo ?validationToken= as text/plain when a Graph subscription is created.',
    }),
    hub: z.boolean().default(false).meta({ title: 'Meta / WebSub hub.challenge', description: 'Echo ?hub.challenge= for hub.mode=subscribe (Facebook, Instagram, WhatsApp, WebSub).' }),
    hubVerifyToken: secretRefParams({
      title: 'hub.verify_token',
      description: 'The verify token entered at Meta; a handshake carrying another token gets 403. Kept secret.',
    }).optional(),
    zoom: z.boolean().default(false).meta({
      title: 'Zoom endpoint.url_validation',
      description: 'Answer Zoom’s check with the HMAC-SHA256 of plainToken, keyed with the Zoom secret token.',
    }),
    zoomSecret: secretRefParams({
      title: 'Zoom secret token',
      description: 'The Zoom app’s secret token. Zoom’s own signature on the validation request (x-zm-signature) is checked with it before answering. Kept secret.',
    }).optional(),
    asana: z.boolean().default(false).meta({ title: 'Asana X-Hook-Secret', description: 'Echo the X-Hook-Secret header of Asana’s handshake.' }),
    echoQueryParam: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._~-]{1,100}$/, 'use a query parameter name')
      .optional()
      .meta({ title: 'Echo query parameter', description: 'Any other sender: when this query parameter is present, answer its value as text/plain.', examples: ['challenge'] }),
  })
  .meta({ title: 'Handshakes', description: 'URL checks some senders make before sending events; answered without running the flow.' });

const cidr = z
  .string()
  .trim()
  .refine(isCidr, 'use an IP address or a CIDR range such as 192.30.252.0/22 or 2001:db8::/32');

export const webhookRateLimitParams = z
  .object({
    requests: z.number().int().min(1).max(1_000_000).meta({ title: 'Requests', description: 'Requests allowed per window.' }),
    perSeconds: z.number().int().min(1).max(86_400).meta({ title: 'Per seconds', description: 'Length of the window in seconds.' }),
  })
  .meta({ title: 'Rate limit', description: 'Requests over the limit get 429 with Retry-After and are not recorded (counted per server process).' });

export const DEDUPE_PRESETS = ['auto', 'off', 'github', 'stripe', 'standard-webhooks', 'shopify', 'idempotency-key', 'custom'] as const;
const DAY = 86_400;

const DEDUPE_PRESET_LABELS: Record<(typeof DEDUPE_PRESETS)[number], string> = {
  auto: 'auto: the sender’s delivery id',
  off: 'off: run every request, repeats too',
  github: 'GitHub (X-GitHub-Delivery)',
  stripe: 'Stripe (event id)',
  'standard-webhooks': 'Standard Webhooks (webhook-id)',
  shopify: 'Shopify (X-Shopify-Webhook-Id)',
  'idempotency-key': 'Idempotency-Key header',
  custom: 'custom: a header or body field',
};

export const webhookDedupeParams = z
  .object({
    preset: z.enum(DEDUPE_PRESETS).default('auto').meta({
      title: 'Delivery id from',
      'x-enum-labels': DEDUPE_PRESET_LABELS,
      description:
        'auto: the signature scheme’s delivery id, else the first of X-GitHub-Delivery, webhook-id, X-Shopify-Webhook-Id or Idempotency-Key that the request carries (a request with none always runs); off: run every request, repeats too; custom: the source and path below.',
    }),
    source: z.enum(['header', 'body']).optional().meta({ title: 'Source (custom)', description: 'Read the key from a header or from the body.' }),
    path: z.string().trim().min(1).max(200).optional().meta({ title: 'Header or body path (custom)', description: 'Header name, or dotted body path such as "data.id".', examples: ['X-Delivery-Id', 'event.id'] }),
    retentionSeconds: z.number().int().min(60).max(90 * DAY).default(7 * DAY).meta({ title: 'Remember keys for (seconds)', description: 'A repeat within this window is answered 200 without running; default 7 days.' }),
  })
  .superRefine((dedupe, ctx) => {
    if (dedupe.preset !== 'custom') return;
    if (!dedupe.source) ctx.addIssue({ code: 'custom', path: ['source'], message: 'required for a custom key' });
    if (!dedupe.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'required for a custom key' });
  })
  .meta({
    title: 'Run each event once',
    description: 'On unless set to off: repeats of a delivery id answer 200 with the first event’s id and run nothing.',
  });

/**
 * Applied when a webhook's params have no `dedupe`: the same "auto" the editor's form shows. On by
 * default because every at-least-once sender that stamps a delivery id (GitHub, Stripe, Shopify,
 * Standard Webhooks) redelivers with the same id and asks receivers to drop the repeat, and "auto"
 * acts only on such ids, so distinct events are never merged.
 */
export const DEDUPE_DEFAULT = { preset: 'auto', retentionSeconds: 7 * DAY } as const satisfies z.output<typeof webhookDedupeParams>;

export const webhookDropOlderThanParams = z
  .object({
    source: z.enum(['header', 'body']).default('body').meta({ title: 'Source', description: 'Read the event time from a header or from the body.' }),
    path: z.string().trim().min(1).max(200).meta({ title: 'Header or body path', description: 'Where the event time is: Unix seconds, milliseconds or an ISO date.', examples: ['created', 'X-Event-Time'] }),
    maxAgeSeconds: z.number().int().min(1).max(365 * DAY).meta({ title: 'Maximum age (seconds)', description: 'Older events are answered 200 { dropped: true } and not run.' }),
  })
  .meta({ title: 'Drop stale events', description: 'Out-of-order protection: skip events whose own time is older than this.' });

export const webhookOrderingParams = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, 'give the template of the key, e.g. {{trigger.body.customer.id}}')
      .max(500)
      .refine(compiles, 'not a valid template: check the {{ }} braces')
      .meta({
        title: 'Order key',
        description: 'Events with the same key run one at a time, in the order they arrived; other keys run in parallel. An event whose key is empty runs unordered.',
        examples: ['{{trigger.body.customer.id}}', '{{trigger.headers.x-shopify-shop-domain}}'],
      }),
  })
  .meta({ title: 'Run in order', description: 'For senders whose events must not overtake each other (updates of one order, one customer).' });

export const webhookIpAllowlistParams = z
  .array(cidr)
  .max(200)
  .meta({
    title: 'Allowed addresses',
    description: 'Only these addresses or CIDR ranges may call (403 otherwise). Behind a proxy, set TRUSTED_PROXIES on the server.',
    examples: [['192.30.252.0/22', '2001:db8::/32']],
  });

function compiles(source: string): boolean {
  try {
    compileTemplate(source);
    return true;
  } catch {
    return false;
  }
}

function isCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export type WebhookChallengeParams = z.output<typeof webhookChallengeParams>;
export type WebhookRateLimitParams = z.output<typeof webhookRateLimitParams>;
export type WebhookDedupeParams = z.output<typeof webhookDedupeParams>;
export type WebhookDropOlderThanParams = z.output<typeof webhookDropOlderThanParams>;
export type WebhookOrderingParams = z.output<typeof webhookOrderingParams>;
