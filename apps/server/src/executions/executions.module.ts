// The executions capability: running jobs (executor, on-error notifications) where this process
// runs executions, and the API over what ran (lists, failed list, retries and replays) where it
// serves the API.
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { SETTINGS, type Settings } from '../config/settings';
import { FlowsModule } from '../flows/flows.module';
import { SHARED_REDIS, type SharedRedis } from '../redis/shared-redis';
import { ErrorFlowService } from './error-flow.service';
import { ExecutionWorker } from './execution-worker';
import { ExecutionsController } from './executions.controller';
import { ExecutionsService } from './executions.service';
import { ExecutorService } from './executor.service';
import { FailedExecutionsController } from './failed-executions.controller';
import { FailedExecutionsService } from './failed-executions.service';
import { KeyLocks, MemoryKeyLocks, RedisKeyLocks } from './key-locks';
import { OrderedRuns } from './ordered-runs';
import { ParkedRuns } from './parked-runs';
import { ReplayService } from './replay.service';
import { WaitingRunsService } from './waiting-runs.service';

/**
 * Ordering-key locks: in memory for one process; in Redis when several workers share the keys.
 * A dead holder's key lock must be gone before Bull runs its stalled job again, or that job finds
 * the key still taken, ends, and the key's events wait for the redispatch sweep. Bull's job lock
 * lasts STALLED_JOB_SECONDS and is renewed every half of it, so it outlives its holder by more than
 * half; a key lock of half that length (renewed every third of it) is always gone first.
 */
const keyLocks: Provider = {
  provide: KeyLocks,
  inject: [SETTINGS, { token: SHARED_REDIS, optional: true }],
  useFactory: (settings: Settings, redis?: SharedRedis) =>
    redis ? new RedisKeyLocks(redis.commands, settings.QUEUE_PREFIX, (settings.STALLED_JOB_SECONDS * 1000) / 2) : new MemoryKeyLocks(),
};

@Module({})
export class ExecutionsModule {
  static register({ api, runs }: { api: boolean; runs: boolean }): DynamicModule {
    const providers: Provider[] = [];
    if (runs || api) providers.push(ParkedRuns);
    if (runs) providers.push(ExecutorService, ErrorFlowService, ExecutionWorker, OrderedRuns, keyLocks);
    // Mains hand out parked runs when their time comes (a claim is once, whatever the number of mains).
    if (api) providers.push(ExecutionsService, FailedExecutionsService, ReplayService, WaitingRunsService);
    return {
      module: ExecutionsModule,
      // The API names flows in audit entries about their runs.
      imports: api ? [FlowsModule] : [],
      controllers: api ? [ExecutionsController, FailedExecutionsController] : [],
      providers,
    };
  }
}
