// Stored credentials as one capability: the API, the encrypted store, the two ways the rest of
// the server uses them (the SecretResolver for intake, the engine's CredentialStore), and the
// check that a flow's author may use its credentials (CredentialUseCheck, for flows/). Global,
// so the runtime's engine services can reach the store without importing this module.
import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { LOGGER } from '../logging/logger';
import { CredentialCipher } from './credential-cipher';
import { CredentialUseCheck } from './credential-use-check.service';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { loadEncryptionKey } from './encryption-key';
import { EngineCredentialStore } from './engine-credential-store';
import { SecretResolver } from './secret-resolver';
import { StoredSecretResolver } from './stored-secret-resolver';

@Module({})
export class CredentialsModule {
  /** `api: false` (a worker): only the store the engine reads credentials through. */
  static register({ api }: { api: boolean }): DynamicModule {
    return {
      module: CredentialsModule,
      global: true,
      controllers: api ? [CredentialsController] : [],
      providers: [
        {
          provide: CredentialCipher,
          inject: [SETTINGS, LOGGER],
          // Loaded while the app is assembled: a bad key stops the start, not the first flow run.
          useFactory: (settings: Settings, logger: Logger) => new CredentialCipher(loadEncryptionKey({ settings, logger })),
        },
        CredentialsService,
        CredentialUseCheck,
        EngineCredentialStore,
        { provide: SecretResolver, useClass: StoredSecretResolver },
      ],
      exports: [CredentialsService, CredentialUseCheck, EngineCredentialStore, SecretResolver],
    };
  }
}
