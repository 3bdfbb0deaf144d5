// Outbound signing, so Hookflow can feed other webhook consumers that check who is calling:
// Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature "v1,<base64>") or GitHub's
// X-Hub-Signature-256 ("sha256=<hex>"), both HMAC-SHA256 over the exact body bytes sent.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { NodeConfigError, type NodeContext } from '@hookflow/engine';

export const SIGNING_TYPES = ['none', 'standard-webhooks', 'github'] as const;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const secretRef = z
  .union([
    z.string().min(1, 'enter the signing secret').max(1_000).meta({ title: 'Secret value', writeOnly: true }),
    z
      .object({
        credentialId: z.string().min(1).max(200).meta({ title: 'Credential', description: 'A saved credential; its "secret" field is used.' }),
        field: z.string().min(1).max(100).optional().meta({ title: 'Field', description: 'Another field of the credential to use instead of "secret".' }),
      })
      .meta({ title: 'Saved credential' }),
  ])
  .meta({
    title: 'Secret',
    description: 'The shared secret, pasted or (better) a saved credential. Standard Webhooks secrets look like "whsec_" followed by base64. Kept secret.',
    writeOnly: true,
  });

export const signingParams = z
  .object({
    type: z.enum(SIGNING_TYPES).default('none').meta({
      title: 'Signature',
      description: '"standard-webhooks": webhook-id, webhook-timestamp and webhook-signature headers. "github": an X-Hub-Signature-256 header. Both sign the exact body sent.',
      examples: ['standard-webhooks', 'github'],
    }),
    secret: secretRef.optional(),
  })
  .superRefine((signing, issue) => {
    if (signing.type !== 'none' && signing.secret === undefined) {
      issue.addIssue({ code: 'custom', path: ['secret'], message: `A ${signing.type} signature needs a secret` });
    }
  })
  .optional()
  .meta({ title: 'Sign requests', description: 'Sign each request so the receiver can check it came from this flow.' });

export type SigningParams = z.output<typeof signingParams>;
export type SecretRefParam = z.output<typeof secretRef>;

/** Headers that sign `body`, and the secret used (so callers can keep it out of errors). */
export async function signRequest(args: { ctx: NodeContext; signing: SigningParams; body: string }): Promise<{ headers: Record<string, string>; secret?: string }> {
  const { ctx, signing, body } = args;
  if (!signing || signing.type === 'none' || signing.secret === undefined) return { headers: {} };
  const secret = await resolveSecret(ctx, signing.secret);
  if (signing.type === 'github') return { headers: { 'x-hub-signature-256': githubSignature({ secret, body }) }, secret };
  const id = `msg_${ctx.trigger.eventId}_${ctx.nodeId}`;
  const timestamp = Math.floor(ctx.now().getTime() / 1000);
  const signature = standardWebhooksSignature({ secret, id, timestamp, body });
  return { headers: { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature }, secret };
}

/** "sha256=<hex HMAC-SHA256 of the body>", keyed with the secret's UTF-8 bytes. */
export function githubSignature({ secret, body }: { secret: string; body: string }): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** "v1,<base64 HMAC-SHA256 of id.timestamp.body>", keyed with the base64-decoded secret. */
export function standardWebhooksSignature(args: { secret: string; id: string; timestamp: number; body: string }): string {
  const key = standardWebhooksKey(args.secret);
  const mac = createHmac('sha256', key).update(`${args.id}.${args.timestamp}.${args.body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}

function standardWebhooksKey(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!BASE64.test(encoded)) {
    throw new NodeConfigError('A Standard Webhooks secret is "whsec_" followed by base64 text', { param: 'signing' });
  }
  return Buffer.from(encoded, 'base64');
}

async function resolveSecret(ctx: NodeContext, ref: SecretRefParam): Promise<string> {
  if (typeof ref === 'string') return ref;
  const field = ref.field ?? 'secret';
  const data = await ctx.credentials.get(ref.credentialId);
  const value = data[field];
  if (!value) throw new NodeConfigError(`The credential has no "${field}" field to sign with`, { param: 'signing' });
  return value;
}
