// The credential types the server stores and the fields each one asks for. Secret fields are
// typed into password inputs and never shown again once saved.
export const CREDENTIAL_TYPES = ['httpBearer', 'httpBasic', 'httpHeader', 'hmac', 'slack', 'generic'] as const;

export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export interface CredentialFieldSpec {
  key: string;
  label: string;
  secret: boolean;
  optional?: boolean;
  placeholder?: string;
}

export interface CredentialKind {
  label: string;
  help: string;
  fields: CredentialFieldSpec[];
}

export const CREDENTIAL_KINDS: Record<CredentialType, CredentialKind> = {
  httpBearer: { label: 'HTTP bearer token', help: 'Sent as "Authorization: Bearer <token>".', fields: [{ key: 'token', label: 'Token', secret: true }] },
  httpBasic: {
    label: 'HTTP basic auth',
    help: 'A user name and password (HTTP Basic).',
    fields: [
      { key: 'user', label: 'User', secret: false },
      { key: 'password', label: 'Password', secret: true },
    ],
  },
  httpHeader: {
    label: 'HTTP header',
    help: 'Any header carrying a secret, such as X-Api-Key.',
    fields: [
      { key: 'name', label: 'Header name', secret: false, placeholder: 'X-Api-Key' },
      { key: 'value', label: 'Header value', secret: true },
    ],
  },
  hmac: { label: 'HMAC signing secret', help: 'A shared secret for webhook signatures (GitHub, Stripe whsec_..., Standard Webhooks).', fields: [{ key: 'secret', label: 'Secret', secret: true }] },
  slack: {
    label: 'Slack',
    help: 'A bot token (xoxb-...) or an incoming webhook URL; one of the two is enough.',
    fields: [
      { key: 'token', label: 'Bot token', secret: true, optional: true, placeholder: 'xoxb-...' },
      { key: 'webhookUrl', label: 'Incoming webhook URL', secret: true, optional: true, placeholder: 'https://hooks.slack.com/services/...' },
    ],
  },
  generic: { label: 'Other (name → value)', help: 'Any named secret values; a reference picks one with "field".', fields: [] },
};

export function isCredentialType(value: unknown): value is CredentialType {
  return CREDENTIAL_TYPES.some((type) => type === value);
}

export function credentialTypeLabel(type: string): string {
  return isCredentialType(type) ? CREDENTIAL_KINDS[type].label : type;
}
