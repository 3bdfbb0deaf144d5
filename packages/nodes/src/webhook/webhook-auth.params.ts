// Who may call a trigger: nobody checked, a shared header, HTTP Basic, or an HMAC signature in one
// of the providers' schemes. One flat object keyed by `type` (rather than a union of objects) so
// the editor's generated form shows one group of fields with a type switch.
import { z } from 'zod';
import { secretRefParams } from './secret-ref.params';

export const WEBHOOK_AUTH_TYPES = ['none', 'header', 'basic', 'hmac'] as const;
export const HMAC_PRESETS = ['github', 'stripe', 'slack', 'shopify', 'standard-webhooks', 'custom'] as const;
export const HMAC_ALGORITHMS = ['sha1', 'sha256', 'sha512'] as const;
export const HMAC_ENCODINGS = ['hex', 'base64'] as const;
export const HMAC_SIGNED_PAYLOADS = ['body', 'timestamp.body'] as const;

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const headerName = (meta: { title: string; description: string; examples: string[] }) =>
  z.string().trim().regex(HEADER_NAME, 'use a valid HTTP header name').optional().meta(meta);

const REQUIRED_BY_TYPE = {
  none: [],
  header: ['name', 'value'],
  basic: ['user', 'password'],
  hmac: ['preset', 'secret'],
} as const satisfies Record<(typeof WEBHOOK_AUTH_TYPES)[number], readonly string[]>;

export const webhookAuthParams = z
  .object({
    type: z.enum(WEBHOOK_AUTH_TYPES).default('none').meta({
      title: 'Check callers with',
      description: 'none: anyone with the URL; header: a shared secret header; basic: user and password; hmac: a signature of the body.',
    }),
    name: headerName({ title: 'Header name (header)', description: 'The header carrying the shared secret.', examples: ['X-Webhook-Token'] }),
    value: secretRefParams({ title: 'Header value (header)', description: 'The secret the header must carry. Kept secret.' }).optional(),
    user: z.string().min(1).max(200).optional().meta({ title: 'User (basic)', description: 'The HTTP Basic user name.' }),
    password: secretRefParams({ title: 'Password (basic)', description: 'The HTTP Basic password. Kept secret.' }).optional(),
    preset: z.enum(HMAC_PRESETS).optional().meta({
      title: 'Signature scheme (hmac)',
      description: 'The sender’s scheme: github, stripe, slack, shopify, standard-webhooks (Svix, Clerk, ...) or custom.',
    }),
    secret: secretRefParams({
      title: 'Signing secret (hmac)',
      description: 'The webhook secret the sender signs with (Stripe whsec_..., Standard Webhooks whsec_<base64>). Kept secret.',
    }).optional(),
    header: headerName({ title: 'Signature header (custom)', description: 'Header carrying the signature.', examples: ['X-Signature'] }),
    algorithm: z.enum(HMAC_ALGORITHMS).optional().meta({ title: 'Algorithm (custom)', description: 'HMAC hash; default sha256.' }),
    encoding: z.enum(HMAC_ENCODINGS).optional().meta({ title: 'Encoding (custom)', description: 'How the signature is written; default hex.' }),
    prefix: z.string().max(50).optional().meta({ title: 'Prefix (custom)', description: 'Text before the signature, e.g. "sha256=".', examples: ['sha256='] }),
    signedPayload: z.enum(HMAC_SIGNED_PAYLOADS).optional().meta({
      title: 'What is signed (custom)',
      description: 'body: the raw body; timestamp.body: "<timestamp>.<raw body>" with the timestamp from a header (checked within 300 s).',
    }),
    timestampHeader: headerName({ title: 'Timestamp header (custom)', description: 'Header carrying the Unix timestamp that is signed.', examples: ['X-Timestamp'] }),
  })
  .superRefine((auth, ctx) => {
    const required: Array<keyof typeof auth> = [...REQUIRED_BY_TYPE[auth.type]];
    if (auth.type === 'hmac' && auth.preset === 'custom') required.push('header');
    if (auth.type === 'hmac' && auth.preset === 'custom' && auth.signedPayload === 'timestamp.body') required.push('timestampHeader');
    for (const key of required) {
      if (auth[key] === undefined || auth[key] === '') ctx.addIssue({ code: 'custom', path: [key], message: `required when the check is "${auth.type}"` });
    }
  })
  .meta({ title: 'Caller check', description: 'How a request proves it comes from the expected sender. Failures answer 401 and run nothing.' });

export type WebhookAuthParams = z.output<typeof webhookAuthParams>;
