// Hands out parked runs whose time came. Every main looks once a second for due runs (an indexed
// read of waiting runs only) and claims them for a lease; the claimed ones go to the dispatcher as
// resume jobs, which any process that runs executions takes. A waiting run so costs nothing in
// memory anywhere: it is a row until it is due. A claim whose job is lost (Redis flushed, the main
// died) falls due again when its lease ends.
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { Dispatcher, resumeOf } from '../dispatch/dispatcher';
import { LOGGER } from '../logging/logger';
import { ParkedRuns } from './parked-runs';

const LOOK_EVERY_MS = 1_000;
/** Longer than a resumed run's hand-over takes; a run still going when it ends is deduplicated by the dispatcher. */
export const RESUME_LEASE_MS = 5 * 60_000;
const CLAIM_PAGE = 200;

@Injectable()
export class WaitingRunsService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<void> | undefined;

  constructor(
    private readonly parked: ParkedRuns,
    private readonly dispatcher: Dispatcher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.resumeDue(), LOOK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Claims and hands out every run due now (page by page); answers when done. */
  resumeDue(): Promise<void> {
    this.looking ??= this.claimAll()
      .catch((err: unknown) => this.logger.warn({ err }, 'could not resume waiting runs; trying again in a moment'))
      .finally(() => (this.looking = undefined));
    return this.looking;
  }

  private async claimAll(): Promise<void> {
    for (;;) {
      const due = await this.parked.claimDue(new Date(), RESUME_LEASE_MS, CLAIM_PAGE);
      if (due.length > 0) await this.dispatcher.dispatchAll(due.map(resumeOf));
      if (due.length < CLAIM_PAGE) return;
    }
  }
}
