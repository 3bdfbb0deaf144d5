// The engine's view of stored credentials (ctx.credentials.get): decrypted data by id, or a
// NodeConfigError the step shows when the id is unknown.
import { Injectable } from '@nestjs/common';
import { NodeConfigError, type CredentialStore } from '@hookflow/engine';
import { CredentialsService } from './credentials.service';

@Injectable()
export class EngineCredentialStore implements CredentialStore {
  constructor(private readonly credentials: CredentialsService) {}

  async get(id: string): Promise<Record<string, string>> {
    const credential = await this.credentials.decrypted(id);
    if (!credential) throw new NodeConfigError(`No saved credential has the id "${id}"; pick one on the Credentials page.`);
    return { ...credential.data };
  }
}
