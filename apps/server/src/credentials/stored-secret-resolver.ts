// Resolves secrets in node params for the server (webhook signature checks and the like): inline
// text as is, `{ credentialId, field? }` through the stored, encrypted credentials.
import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/domain-errors';
import { CredentialsService, type DecryptedCredential } from './credentials.service';
import { DEFAULT_FIELDS } from './credential-types';
import { SecretResolver, type SecretRef } from './secret-resolver';

@Injectable()
export class StoredSecretResolver extends SecretResolver {
  constructor(private readonly credentials: CredentialsService) {
    super();
  }

  async resolve(ref: SecretRef, field?: string): Promise<string> {
    if (typeof ref === 'string') return ref;
    const credential = await this.credentials.decrypted(ref.credentialId);
    if (!credential) throw new InvalidInputError([{ path: 'credentialId', message: `unknown credential "${ref.credentialId}"` }]);
    const value = ref.field ? credential.data[ref.field] : pickField(credential, [field, ...DEFAULT_FIELDS[credential.type]]);
    if (value === undefined) {
      const wanted = ref.field ?? field ?? DEFAULT_FIELDS[credential.type][0];
      throw new InvalidInputError([{ path: 'field', message: `the credential "${ref.credentialId}" has no field "${wanted}"` }]);
    }
    return value;
  }
}

/** The first named field present; a credential with a single field answers that one. Only for refs without `field`. */
export function pickField(credential: DecryptedCredential, fields: Array<string | undefined>): string | undefined {
  for (const name of fields) {
    if (name !== undefined && typeof credential.data[name] === 'string') return credential.data[name];
  }
  const values = Object.values(credential.data);
  return values.length === 1 ? values[0] : undefined;
}
