// The dispatch capability: the Dispatcher this process hands work to, and the sweeper that hands
// out again what was accepted but never finished. In-process in the embedded mode; queue mode
// (REDIS_URL) plugs the Bull dispatcher in here. Global and registered once by the application.
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { servesApi, type Settings } from '../config/settings';
import { Dispatcher, LocalDrain } from './dispatcher';
import { InProcessDispatcher } from './in-process.dispatcher';
import { RedispatchService } from './redispatch.service';

@Module({})
export class DispatchModule {
  static register(settings: Settings): DynamicModule {
    const providers: Provider[] = [InProcessDispatcher, { provide: Dispatcher, useExisting: InProcessDispatcher }, { provide: LocalDrain, useExisting: InProcessDispatcher }];
    // Mains recover and sweep; workers only run what they are given.
    if (servesApi(settings)) providers.push(RedispatchService);
    return { module: DispatchModule, global: true, providers, exports: [Dispatcher, LocalDrain] };
  }
}
