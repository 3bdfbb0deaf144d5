// Runs jobs in this process with bounded concurrency (EXECUTION_CONCURRENCY), in the order they
// were handed over. Waiting jobs are only ids; the events themselves are safe in the store, and
// the trigger outputs intake kept are in the events module's bounded cache.
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { LOGGER } from '../logging/logger';
import { Dispatcher, JobHandler, jobKey, LocalDrain, type DispatchCounts, type ExecutionJob } from './dispatcher';
import { JobRunner } from './job-runner';

/** dispatchAll waits while this many jobs wait, so paging through a large backlog stays small in memory. */
const HIGH_WATER = 10_000;

@Injectable()
export class InProcessDispatcher extends Dispatcher implements LocalDrain, BeforeApplicationShutdown {
  /** Taken jobs are cleared from their slot, so a finished job is not kept alive. */
  private readonly waiting: (ExecutionJob | undefined)[] = [];
  /** Execution ids waiting or running: a second hand-over of the same one is dropped. */
  private readonly underWay = new Set<string>();
  private head = 0;
  private running = 0;
  private readonly concurrency: number;
  /** SHUTDOWN_GRACE_SECONDS: how long running executions get to finish on shutdown. */
  private readonly graceMs: number;
  private runner: JobRunner | undefined;
  private listeners: Array<() => void> = [];
  private closing = false;

  constructor(
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
    this.concurrency = settings.EXECUTION_CONCURRENCY;
    this.graceMs = settings.SHUTDOWN_GRACE_SECONDS * 1000;
  }

  dispatch(job: ExecutionJob): void {
    const key = jobKey(job);
    if (this.underWay.has(key)) return;
    this.underWay.add(key);
    this.waiting.push(job);
    this.pump();
  }

  async dispatchAll(jobs: ExecutionJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.backlog >= HIGH_WATER) await this.waitForBacklogBelow(HIGH_WATER / 2);
      this.dispatch(job);
    }
  }

  consume(handler: JobHandler): void {
    this.runner = new JobRunner(handler, this, this.logger);
    this.pump();
  }

  counts(): Promise<DispatchCounts> {
    return Promise.resolve({ waiting: this.waiting.length - this.head, running: this.running });
  }

  reachable(): Promise<boolean> {
    return Promise.resolve(!this.closing);
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
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.graceMs).unref());
    const outcome = await Promise.race([drained, timeout]);
    this.logger.info({ waiting, gaveUp: outcome === 'timeout' }, 'dispatcher stopped; unfinished events run at the next start');
  }

  private pump(): void {
    const runner = this.runner;
    if (this.closing || !runner) return;
    while (this.running < this.concurrency && this.head < this.waiting.length) {
      const job = this.waiting[this.head];
      this.waiting[this.head] = undefined;
      this.head += 1;
      if (!job) continue;
      this.running += 1;
      void this.run(runner, job);
    }
    // Compact the queue now and then instead of shifting on every job.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
  }

  private async run(runner: JobRunner, job: ExecutionJob): Promise<void> {
    try {
      // A job that fails to record stays accepted in the store: the sweeper runs it again.
      await runner.runLogged(job);
    } finally {
      this.underWay.delete(jobKey(job));
      this.running -= 1;
      this.pump();
      for (const listener of [...this.listeners]) listener();
    }
  }
}
