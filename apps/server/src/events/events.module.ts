// The events capability: event rows and delivery-id claims, the trigger outputs built from them,
// the cache of fresh ones, and every query about events. `api: false` (a worker) leaves out the
// HTTP routes. Global, registered once by the application: intake, executions and dispatch all
// read events through it.
import { Module, type DynamicModule } from '@nestjs/common';
import { DedupePurgeService } from './dedupe-purge.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { TriggerOutputCache } from './trigger-output.cache';

@Module({})
export class EventsModule {
  static register({ api }: { api: boolean }): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      controllers: api ? [EventsController] : [],
      providers: [EventsService, { provide: TriggerOutputCache, useFactory: () => new TriggerOutputCache() }, ...(api ? [DedupePurgeService] : [])],
      exports: [EventsService],
    };
  }
}
