// The code sandbox as a Nest provider: one pool of worker threads per process, sized and capped by
// settings, handed to the engine through EngineServicesFactory.
import { Module } from '@nestjs/common';
import { SETTINGS, type Settings } from '../config/settings';
import { CodeSandboxPool } from './code-sandbox-pool';
import { CODE_SANDBOX } from './sandbox.tokens';

@Module({
  providers: [
    {
      provide: CODE_SANDBOX,
      inject: [SETTINGS],
      useFactory: (settings: Settings) =>
        new CodeSandboxPool({ size: settings.CODE_WORKERS, maxTimeoutMs: settings.CODE_MAX_TIMEOUT_MS, maxMemoryBytes: settings.CODE_MAX_MEMORY_MB * 1024 * 1024 }),
    },
  ],
  exports: [CODE_SANDBOX],
})
export class SandboxModule {}
