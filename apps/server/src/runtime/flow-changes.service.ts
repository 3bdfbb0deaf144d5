// Keeps every main's cache of live triggers true to the store. A flow saved, activated,
// deactivated or deleted on one main is forgotten there at once and, in queue mode, announced on
// Redis so every other main forgets it within moments. A lost announcement (Redis was away) is
// caught by a backstop: every few seconds each main compares the flows table's count and latest
// change with what it saw last, and forgets every trigger when they moved.
import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { FlowEntity } from '../flows/flow.entities';
import { LOGGER } from '../logging/logger';
import { SHARED_REDIS, type SharedRedis } from '../redis/shared-redis';
import { FlowRuntimeService } from './flow-runtime.service';

const CHANNEL = 'flow-changes';
const BACKSTOP_EVERY_MS = 5_000;

@Injectable()
export class FlowChangesService implements OnApplicationBootstrap, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private seen: string | undefined;

  constructor(
    private readonly runtime: FlowRuntimeService,
    private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(SHARED_REDIS) private readonly redis?: SharedRedis,
  ) {}

  /** A flow changed here: forget its trigger in this process and tell the other mains. */
  changed(triggerKey: string | null): void {
    this.runtime.forgetTrigger(triggerKey);
    if (this.redis && triggerKey) void this.redis.publish(CHANNEL, triggerKey);
  }

  onApplicationBootstrap(): void {
    if (!this.redis || !this.settings.queueMode) return;
    this.unsubscribe = this.redis.subscribe(CHANNEL, (key) => this.runtime.forgetTrigger(key)).unsubscribe;
    this.timer = setInterval(() => void this.backstop(), BACKSTOP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    clearInterval(this.timer);
  }

  private async backstop(): Promise<void> {
    try {
      const row: { count: string | number; latest: string | null } | undefined = await this.dataSource
        .getRepository(FlowEntity)
        .createQueryBuilder('f')
        .select('COUNT(*)', 'count')
        .addSelect('MAX(f.updatedAt)', 'latest')
        .getRawOne();
      const version = `${String(row?.count ?? 0)}/${row?.latest ?? ''}`;
      if (this.seen !== undefined && this.seen !== version) this.runtime.forgetAllTriggers();
      this.seen = version;
    } catch (err) {
      this.logger.debug({ err }, 'flow version check failed; trying again shortly');
    }
  }
}
