// The metrics capability: one prom-client Registry per application (tests run several servers in
// one process, so never prom-client's global one), the MetricsService every capability records
// through, and GET /metrics. Global and loaded in every role: workers run the executions.
import { Global, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: Registry, useFactory: () => new Registry() }, MetricsService],
  exports: [MetricsService],
})
export class MetricsModule {}
