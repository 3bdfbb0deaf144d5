// A secret in webhook params: inline text, or a reference to a stored credential. Both forms are
// marked writeOnly so the editor masks them and the API never answers them back.
import { z } from 'zod';

export const credentialRefParams = z
  .object({
    credentialId: z.string().trim().min(1).max(200).meta({ title: 'Credential id', description: 'Id of a saved credential.' }),
    field: z.string().trim().min(1).max(100).optional().meta({
      title: 'Field',
      description: 'Key inside the credential’s data holding the secret; defaults to the usual one (e.g. "secret").',
    }),
  })
  .meta({ title: 'Saved credential', writeOnly: true });

export function secretRefParams(meta: { title: string; description: string }) {
  return z
    .union([z.string().min(1, 'the secret is empty').max(2_000).meta({ title: 'Inline value', writeOnly: true }), credentialRefParams])
    .meta({ ...meta, writeOnly: true });
}

export type WebhookSecretRef = string | { credentialId: string; field?: string };
