// Until stored credentials exist: inline secrets only.
import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/domain-errors';
import { SecretResolver, type SecretRef } from './secret-resolver';

@Injectable()
export class InlineSecretResolver extends SecretResolver {
  resolve(ref: SecretRef): Promise<string> {
    if (typeof ref === 'string') return Promise.resolve(ref);
    return Promise.reject(new InvalidInputError([{ path: 'credentialId', message: `unknown credential "${ref.credentialId}"` }]));
  }
}
