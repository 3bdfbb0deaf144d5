// A secret given in node params is either inline text or a reference to a stored credential:
// { "credentialId": "<id>", "field"?: "<key in the credential's data>" }. Everything that needs
// a secret value (webhook signatures, outbound auth, Slack) resolves it through SecretResolver.
export type SecretRef = string | { credentialId: string; field?: string };

export abstract class SecretResolver {
  /** The secret's value; `field` picks a key of the credential's data when the ref names none. */
  abstract resolve(ref: SecretRef, field?: string): Promise<string>;
}

export function isCredentialRef(value: unknown): value is { credentialId: string; field?: string } {
  return typeof value === 'object' && value !== null && 'credentialId' in value && typeof value.credentialId === 'string';
}
