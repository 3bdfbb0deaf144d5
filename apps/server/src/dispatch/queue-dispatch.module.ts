// Queue mode's dispatch: the Bull queue on Redis (@nestjs/bull) and the Bull dispatcher. In a file
// of its own so that the embedded mode never loads Bull (dispatch.module.ts imports it on demand).
import { BullModule } from '@nestjs/bull';
import type { DynamicModule, Provider } from '@nestjs/common';
import type { Settings } from '../config/settings';
import { redisOptions } from '../redis/redis-options';
import { BullDispatcher, EXECUTIONS_QUEUE } from './bull.dispatcher';
import { Dispatcher } from './dispatcher';

export function queueDispatch(settings: Settings & { REDIS_URL: string }, module: DynamicModule['module'], extra: Provider[]): DynamicModule {
  const lockMs = settings.STALLED_JOB_SECONDS * 1000;
  return {
    module,
    global: true,
    imports: [
      BullModule.registerQueue({
        name: EXECUTIONS_QUEUE,
        prefix: settings.QUEUE_PREFIX,
        redis: redisOptions(settings.REDIS_URL),
        // A worker that stops renewing its jobs' locks (it died) has them run again elsewhere.
        settings: { lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 3 },
      }),
    ],
    providers: [BullDispatcher, { provide: Dispatcher, useExisting: BullDispatcher }, ...extra],
    exports: [Dispatcher],
  };
}
