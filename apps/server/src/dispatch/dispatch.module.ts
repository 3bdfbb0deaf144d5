// The dispatch capability: the Dispatcher this process hands work to, and the sweeper that hands
// out again what was accepted but never finished. In-process in the embedded mode; in queue mode
// (REDIS_URL) a Bull queue on Redis (@nestjs/bull). Global and registered once by the application.
import { BullModule } from '@nestjs/bull';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { servesApi, type Settings } from '../config/settings';
import { redisOptions } from '../redis/redis-options';
import { BullDispatcher, EXECUTIONS_QUEUE } from './bull.dispatcher';
import { Dispatcher, LocalDrain } from './dispatcher';
import { InProcessDispatcher } from './in-process.dispatcher';
import { RedispatchService } from './redispatch.service';

@Module({})
export class DispatchModule {
  static register(settings: Settings): DynamicModule {
    // Mains recover and sweep; workers only run what they are given.
    const sweeper: Provider[] = servesApi(settings) ? [RedispatchService] : [];
    if (settings.REDIS_URL) {
      const lockMs = settings.STALLED_JOB_SECONDS * 1000;
      return {
        module: DispatchModule,
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
        providers: [BullDispatcher, { provide: Dispatcher, useExisting: BullDispatcher }, ...sweeper],
        exports: [Dispatcher],
      };
    }
    const inProcess: Provider[] = [InProcessDispatcher, { provide: Dispatcher, useExisting: InProcessDispatcher }, { provide: LocalDrain, useExisting: InProcessDispatcher }];
    return { module: DispatchModule, global: true, providers: [...inProcess, ...sweeper], exports: [Dispatcher, LocalDrain] };
  }
}
