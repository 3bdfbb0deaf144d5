// What each credential type holds. The API validates `data` against its type, and the default
// field is the one a `{ credentialId }` reference without `field` resolves to.
import { z } from 'zod';

const secretText = (what: string) => z.string().min(1, `enter the ${what}`).max(10_000);
const headerName = z
  .string()
  .min(1, 'enter the header name')
  .max(200)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a header name has letters, digits and - only');
const webhookUrl = z
  .string()
  .max(2_000)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'enter the full https:// webhook URL');

export const CREDENTIAL_TYPES = ['slack', 'httpBearer', 'httpBasic', 'httpHeader', 'hmac', 'generic'] as const;

export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const credentialDataSchemas: Record<CredentialType, z.ZodType<Record<string, string | undefined>>> = {
  slack: z
    .object({ token: secretText('bot token').optional(), webhookUrl: webhookUrl.optional() })
    .strict()
    .refine((data) => Boolean(data.token || data.webhookUrl), { message: 'enter a bot token or an incoming webhook URL', path: ['token'] }),
  httpBearer: z.object({ token: secretText('token') }).strict(),
  httpBasic: z.object({ user: z.string().min(1, 'enter the user name').max(1_000), password: secretText('password') }).strict(),
  httpHeader: z.object({ name: headerName, value: secretText('header value') }).strict(),
  hmac: z.object({ secret: secretText('secret') }).strict(),
  generic: z
    .record(z.string().min(1).max(100), z.string().max(10_000))
    .refine((data) => Object.keys(data).length > 0 && Object.keys(data).length <= 50, 'enter between 1 and 50 fields'),
};

export function isCredentialType(value: unknown): value is CredentialType {
  return CREDENTIAL_TYPES.some((type) => type === value);
}

/** The field a reference without `field` means, in order of preference. */
export const DEFAULT_FIELDS: Record<CredentialType, string[]> = {
  slack: ['token', 'webhookUrl'],
  httpBearer: ['token'],
  httpBasic: ['password'],
  httpHeader: ['value'],
  hmac: ['secret'],
  generic: ['secret', 'token', 'value', 'password'],
};
