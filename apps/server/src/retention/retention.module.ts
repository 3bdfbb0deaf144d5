// The retention capability: prunes old executions and events in the background. Loaded where the
// process serves the API (main and all roles), never on a worker: pruning is the store's
// housekeeping, and one main at a time does it (StoreService.alone).
import { Module } from '@nestjs/common';
import { RetentionService } from './retention.service';

@Module({ providers: [RetentionService], exports: [RetentionService] })
export class RetentionModule {}
