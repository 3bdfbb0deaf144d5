// The dispatch capability: the Dispatcher this process hands work to, and the sweeper that hands
// out again what was accepted but never finished. In-process in the embedded mode; in queue mode
// (REDIS_URL) a Bull queue on Redis, loaded only then. Global and registered once by the application.
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { servesApi, type Settings } from '../config/settings';
import { Dispatcher, LocalDrain } from './dispatcher';
import { InProcessDispatcher } from './in-process.dispatcher';
import { RedispatchService } from './redispatch.service';

@Module({})
export class DispatchModule {
  static register(settings: Settings): DynamicModule | Promise<DynamicModule> {
    // Mains recover and sweep; workers only run what they are given.
    const sweeper: Provider[] = servesApi(settings) ? [RedispatchService] : [];
    const redisUrl = settings.REDIS_URL;
    if (redisUrl) return import('./queue-dispatch.module.js').then(({ queueDispatch }) => queueDispatch({ ...settings, REDIS_URL: redisUrl }, DispatchModule, sweeper));
    const inProcess: Provider[] = [InProcessDispatcher, { provide: Dispatcher, useExisting: InProcessDispatcher }, { provide: LocalDrain, useExisting: InProcessDispatcher }];
    return { module: DispatchModule, global: true, providers: [...inProcess, ...sweeper], exports: [Dispatcher, LocalDrain] };
  }
}
