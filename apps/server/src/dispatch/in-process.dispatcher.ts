// Runs jobs in this process with bounded concurrency (EXECUTION_CONCURRENCY). Waiting jobs are
// only ids and small hints; the events themselves are safe in the store.
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { LOGGER } from '../logging/logger';
import { Dispatcher, JobHandler, type ExecutionJob } from './dispatcher';

const SHUTDOWN_GRACE_MS = 10_000;
/** Waiting jobs keep their parsed payload only while fewer than this many do... */
const KEEP_PAYLOAD_WHILE_BELOW = 1_000;
/** ...and while their bodies add up to less than this (a parsed JSON body takes ~3x its bytes). */
const KEEP_PAYLOAD_BYTES = 16 * 1024 * 1024;

@Injectable()
export class InProcessDispatcher extends Dispatcher implements BeforeApplicationShutdown {
  /** Taken jobs are cleared from their slot, so a finished job's payload is not kept alive. */
  private readonly waiting: (ExecutionJob | undefined)[] = [];
  private keptBytes = 0;
  private head = 0;
  private running = 0;
  private readonly concurrency: number;
  private listeners: Array<() => void> = [];
  private closing = false;

  constructor(
    private readonly handler: JobHandler,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
    this.concurrency = settings.EXECUTION_CONCURRENCY;
  }

  dispatch(job: ExecutionJob): void {
    // Past the high-water marks a waiting job keeps only its ids: the executor reads the event back
    // from the store, so a long backlog (or one of large bodies) costs a few bytes per event
    // instead of its whole body, and stays far below the heap ceiling.
    const bytes = job.trigger ? (job.payloadBytes ?? 0) : 0;
    const light = this.waiting.length - this.head >= KEEP_PAYLOAD_WHILE_BELOW || this.keptBytes + bytes > KEEP_PAYLOAD_BYTES;
    if (light) this.waiting.push({ eventId: job.eventId, executionId: job.executionId, flowVersionId: job.flowVersionId, retryOf: job.retryOf });
    else {
      this.keptBytes += bytes;
      this.waiting.push(job);
    }
    this.pump();
  }

  get backlog(): number {
    return this.waiting.length - this.head + this.running;
  }

  waitForBacklogBelow(size: number): Promise<void> {
    return this.waitUntil(() => this.backlog <= size);
  }

  whenIdle(): Promise<void> {
    return this.waitUntil(() => this.backlog === 0);
  }

  private waitUntil(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (!condition()) return;
        this.listeners = this.listeners.filter((listener) => listener !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  /**
   * On shutdown, start nothing new and let running executions finish (bounded): waiting jobs stay
   * accepted in the store and run at the next start.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    const waiting = this.waiting.length - this.head;
    const drained = this.waitUntil(() => this.running === 0);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS).unref());
    const outcome = await Promise.race([drained, timeout]);
    this.logger.info({ waiting, gaveUp: outcome === 'timeout' }, 'dispatcher stopped; unfinished events run at the next start');
  }

  private pump(): void {
    if (this.closing) return;
    while (this.running < this.concurrency && this.head < this.waiting.length) {
      const job = this.waiting[this.head];
      this.waiting[this.head] = undefined;
      this.head += 1;
      if (!job) continue;
      if (job.trigger) this.keptBytes -= job.payloadBytes ?? 0;
      this.running += 1;
      void this.run(job);
    }
    // Compact the queue now and then instead of shifting on every job.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
  }

  private async run(job: ExecutionJob): Promise<void> {
    try {
      await this.handler.handle(job);
    } catch (err) {
      // The event stays 'accepted' in the store and runs again at the next start-up.
      this.logger.error({ err, eventId: job.eventId, executionId: job.executionId }, 'execution could not be recorded');
    } finally {
      this.running -= 1;
      this.pump();
      for (const listener of [...this.listeners]) listener();
    }
  }
}
