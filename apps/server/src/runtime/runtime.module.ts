// The engine's pieces as Nest providers: the node registry, the outbound HTTP client and the
// cache of compiled flow versions and live triggers.
import { Global, Module } from '@nestjs/common';
import { createHttpClient, NodeRegistry } from '@hookflow/engine';
import { SETTINGS, type Settings } from '../config/settings';
import { createBuiltInRegistry } from '@hookflow/nodes';
import { SandboxModule } from '../sandbox/sandbox.module';
import { EngineServicesFactory } from './engine-services';
import { FlowChangesService } from './flow-changes.service';
import { FlowRuntimeService } from './flow-runtime.service';
import { HTTP_CLIENT } from './tokens';

@Global()
@Module({
  imports: [SandboxModule],
  providers: [
    { provide: NodeRegistry, useFactory: () => createBuiltInRegistry() },
    {
      provide: HTTP_CLIENT,
      inject: [SETTINGS],
      // The outbound guard sits in the client's connector: every node's calls and redirects pass it.
      useFactory: (settings: Settings) => createHttpClient({ outbound: { denyPrivate: settings.OUTBOUND_DENY_PRIVATE, allow: settings.OUTBOUND_ALLOWLIST } }),
    },
    FlowRuntimeService,
    FlowChangesService,
    EngineServicesFactory,
  ],
  exports: [NodeRegistry, HTTP_CLIENT, FlowRuntimeService, FlowChangesService, EngineServicesFactory],
})
export class RuntimeModule {}
