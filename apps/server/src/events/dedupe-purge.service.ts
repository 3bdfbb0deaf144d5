// Expired delivery ids are dead weight: a claim can already reuse an expired row, so purging is
// only housekeeping and runs rarely, under the write lock like every other write.
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger';
import { DedupeKeyEntity } from './event.entity';
import { StoreService } from '../storage/store.service';

const PURGE_EVERY_MS = 60 * 60 * 1000;

@Injectable()
export class DedupePurgeService implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: StoreService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.purgeExpired().catch((err: unknown) => this.logger.warn({ err }, 'could not purge expired dedupe keys'));
    }, PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Deletes keys whose retention ended; answers how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.store.transaction((manager) =>
      manager.createQueryBuilder().delete().from(DedupeKeyEntity).where('"expiresAt" <= :now', { now: now.toISOString() }).execute(),
    );
    return result.affected ?? 0;
  }
}
