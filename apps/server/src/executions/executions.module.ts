// The executions capability: running jobs (executor, on-error notifications) where this process
// runs executions, and the API over what ran (lists, failed list, retries and replays) where it
// serves the API.
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ErrorFlowService } from './error-flow.service';
import { ExecutionWorker } from './execution-worker';
import { ExecutionsController } from './executions.controller';
import { ExecutionsService } from './executions.service';
import { ExecutorService } from './executor.service';
import { FailedExecutionsController } from './failed-executions.controller';
import { FailedExecutionsService } from './failed-executions.service';
import { ReplayService } from './replay.service';

@Module({})
export class ExecutionsModule {
  static register({ api, runs }: { api: boolean; runs: boolean }): DynamicModule {
    const providers: Provider[] = [];
    if (runs) providers.push(ExecutorService, ErrorFlowService, ExecutionWorker);
    if (api) providers.push(ExecutionsService, FailedExecutionsService, ReplayService);
    return {
      module: ExecutionsModule,
      controllers: api ? [ExecutionsController, FailedExecutionsController] : [],
      providers,
    };
  }
}
