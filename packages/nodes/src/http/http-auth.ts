// Outbound authentication for the http node, from a saved credential only: the header is built
// inside run, after the step's input was recorded, so the secret never reaches step data; the
// values are also handed back as secrets to cut out of any request details a failure keeps.
import { z } from 'zod';
import { NodeConfigError, type NodeContext } from '@hookflow/engine';

export const AUTH_TYPES = ['none', 'bearer', 'basic', 'header'] as const;

/** The credential types that fit each auth type (a "generic" one with the same fields fits too). */
const FITTING_CREDENTIALS: Record<(typeof AUTH_TYPES)[number], string> = { none: '', bearer: 'httpBearer', basic: 'httpBasic', header: 'httpHeader' };

export const authParams = z
  .object({
    type: z.enum(AUTH_TYPES).default('none').meta({
      title: 'Type',
      description: '"bearer": Authorization: Bearer <token>. "basic": user and password. "header": any header, e.g. X-Api-Key.',
      examples: ['bearer'],
    }),
    credentialId: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({
        title: 'Credential',
        description: 'A saved credential: "HTTP bearer" for bearer, "HTTP basic" for basic, "HTTP header" for header.',
        'x-credential-types': ['httpBearer', 'httpBasic', 'httpHeader', 'generic'],
      }),
  })
  .superRefine((auth, issue) => {
    if (auth.type !== 'none' && !auth.credentialId) {
      issue.addIssue({ code: 'custom', path: ['credentialId'], message: `Pick the saved credential for ${auth.type} authentication` });
    }
  })
  .default({ type: 'none' })
  .meta({ title: 'Authentication', description: 'Sign in to the API with a saved credential; the secret never shows in executions.' });

export type HttpAuthParams = z.output<typeof authParams>;

export interface AuthHeaders {
  headers: Record<string, string>;
  /** Values to keep out of anything stored. */
  secrets: string[];
}

export async function authHeaders({ ctx, auth }: { ctx: NodeContext; auth: HttpAuthParams }): Promise<AuthHeaders> {
  if (auth.type === 'none' || !auth.credentialId) return { headers: {}, secrets: [] };
  const data = await ctx.credentials.get(auth.credentialId);
  const need = (field: string): string => {
    const value = data[field];
    if (typeof value === 'string' && value !== '') return value;
    throw new NodeConfigError(`The credential has no "${field}": ${auth.type} authentication needs an "${FITTING_CREDENTIALS[auth.type]}" credential`, {
      param: 'auth',
    });
  };
  if (auth.type === 'bearer') {
    const token = need('token');
    return { headers: { authorization: `Bearer ${token}` }, secrets: [token] };
  }
  if (auth.type === 'basic') {
    const password = need('password');
    const encoded = Buffer.from(`${need('user')}:${password}`, 'utf8').toString('base64');
    return { headers: { authorization: `Basic ${encoded}` }, secrets: [password, encoded] };
  }
  const value = need('value');
  return { headers: { [need('name')]: value }, secrets: [value] };
}
