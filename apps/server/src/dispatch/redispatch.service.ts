// Hands out again the events that were accepted but never finished: at start-up (a crash between
// the 202 and the end of a run loses nothing) and, every little while, those still waiting after
// REDISPATCH_AFTER_SECONDS (a lost hand-over, a flushed or restarted Redis, a run that could not be
// recorded). One process at a time sweeps. Handing out an event whose job is still waiting or
// running changes nothing (its job id is its execution id), and a job for an event that has
// finished since is skipped by the executor, so a sweep never runs an event twice by itself.
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { EventsService, type EventPosition } from '../events/events.service';
import { LOGGER } from '../logging/logger';
import { StoreService } from '../storage/store.service';
import { Dispatcher, firstRunOf } from './dispatcher';

const PAGE = 500;

@Injectable()
export class RedispatchService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;
  private readonly afterMs: number;

  constructor(
    private readonly events: EventsService,
    private readonly dispatcher: Dispatcher,
    private readonly store: StoreService,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.afterMs = settings.REDISPATCH_AFTER_SECONDS * 1000;
  }

  onApplicationBootstrap(): void {
    const startedAt = new Date().toISOString();
    this.sweeping = this.sweepAlone(startedAt, 'unfinished events dispatched again after start-up');
    this.timer = setInterval(() => this.tick(), Math.max(1000, Math.round(this.afterMs / 2)));
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Hands out every event still accepted that was received before `before`; answers how many. */
  async sweep(before: string): Promise<number> {
    let after: EventPosition | undefined;
    let total = 0;
    for (;;) {
      const page = await this.events.acceptedPage({ before, after, limit: PAGE });
      if (page.length > 0) await this.dispatcher.dispatchAll(page.map((event) => firstRunOf(event.id)));
      total += page.length;
      if (page.length < PAGE) return total;
      after = page[page.length - 1];
    }
  }

  private tick(): void {
    if (this.sweeping) return;
    const before = new Date(Date.now() - this.afterMs).toISOString();
    const message = `events waiting longer than REDISPATCH_AFTER_SECONDS handed out again (those still queued are left as they are)`;
    this.sweeping = this.sweepAlone(before, message);
  }

  private sweepAlone(before: string, message: string): Promise<void> {
    return this.store
      .alone('redispatch', () => this.sweep(before))
      .then((count) => {
        if (count) this.logger.info({ events: count }, message);
      })
      .catch((err: unknown) => this.logger.warn({ err }, 'could not hand out waiting events again; trying at the next sweep'))
      .finally(() => (this.sweeping = undefined));
  }
}
