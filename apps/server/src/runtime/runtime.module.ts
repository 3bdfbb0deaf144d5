// The engine's pieces as Nest providers: the node registry, the outbound HTTP client and the
// cache of compiled flow versions and live triggers.
import { Global, Module } from '@nestjs/common';
import { createHttpClient, NodeRegistry } from '@hookflow/engine';
import { createBuiltInRegistry } from '@hookflow/nodes';
import { EngineServicesFactory } from './engine-services';
import { FlowRuntimeService } from './flow-runtime.service';
import { HTTP_CLIENT } from './tokens';

@Global()
@Module({
  providers: [
    { provide: NodeRegistry, useFactory: () => createBuiltInRegistry() },
    { provide: HTTP_CLIENT, useFactory: () => createHttpClient() },
    FlowRuntimeService,
    EngineServicesFactory,
  ],
  exports: [NodeRegistry, HTTP_CLIENT, FlowRuntimeService, EngineServicesFactory],
})
export class RuntimeModule {}
