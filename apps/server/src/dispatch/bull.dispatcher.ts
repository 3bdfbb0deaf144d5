// Queue mode: jobs go through a Bull queue on Redis, so any main can hand work over and any worker
// can run it. A job's id is its execution id (adding the same one twice is one job), its data is
// ids only (the event is read from the store), finished jobs are removed, and a job whose worker
// died (its lock was not renewed for STALLED_JOB_SECONDS) runs again on another worker.
// Redis never makes an event safe: intake has committed it before dispatch, and while Redis is
// away dispatch hands nothing over (it does not queue in memory); the sweeper hands those events
// out once Redis is back.
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import type { Logger } from 'pino';
import { ServiceUnavailableError } from '../common/domain-errors';
import { SETTINGS, type Settings } from '../config/settings';
import { LOGGER } from '../logging/logger';
import { Dispatcher, JobHandler, jobKey, type DispatchCounts, type ExecutionJob } from './dispatcher';
import { JobRunner } from './job-runner';

export const EXECUTIONS_QUEUE = 'executions';
/** How long start-up waits for Redis; a main starts without it (intake keeps accepting). */
const CONNECT_WAIT_MS = 5_000;

/** Raised when work cannot be handed over because Redis does not answer. */
export class QueueUnavailableError extends ServiceUnavailableError {
  override readonly name = 'QueueUnavailableError';
}

@Injectable()
export class BullDispatcher extends Dispatcher implements OnModuleInit, BeforeApplicationShutdown {
  private readonly concurrency: number;
  /** SHUTDOWN_GRACE_SECONDS: how long running executions get to finish on shutdown. */
  private readonly graceMs: number;
  private notHandedOver = 0;

  constructor(
    @InjectQueue(EXECUTIONS_QUEUE) private readonly queue: Queue,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
    this.concurrency = settings.WORKER_CONCURRENCY;
    this.graceMs = settings.SHUTDOWN_GRACE_SECONDS * 1000;
    // Bull reports Redis errors as events; without a listener they would end the process.
    this.queue.on('error', (err: Error) => this.logger.debug({ err: err.message }, 'queue error'));
  }

  /** Waits (bounded) for Redis, so the first events after start-up are handed over at once. */
  async onModuleInit(): Promise<void> {
    if (await this.whenConnected(CONNECT_WAIT_MS)) return;
    this.logger.warn({ waitedMs: CONNECT_WAIT_MS }, 'Redis does not answer yet; starting anyway, accepted events wait in the store until it does');
  }

  /** Resolves true once connected to Redis, false after timeoutMs. */
  private whenConnected(timeoutMs: number): Promise<boolean> {
    const client = this.queue.client;
    if (this.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (connected: boolean): void => {
        clearTimeout(timer);
        client.off('ready', onReady);
        resolve(connected);
      };
      const onReady = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      client.on('ready', onReady);
    });
  }

  dispatch(job: ExecutionJob): void {
    if (!this.connected) {
      this.notHandedOver += 1;
      if (this.notHandedOver === 1) this.logger.warn('Redis is away: accepted events wait in the store and are handed out once it is back');
      return;
    }
    this.queue.add(dataOf(job), optionsOf(job)).catch((err: unknown) => {
      this.logger.warn({ err, eventId: job.eventId }, 'could not hand an event over to the queue; the sweeper will');
    });
  }

  async dispatchAll(jobs: ExecutionJob[]): Promise<void> {
    if (!this.connected) throw new QueueUnavailableError('The job queue (Redis) does not answer; try again in a moment.');
    await this.queue.addBulk(jobs.map((job) => ({ data: dataOf(job), opts: optionsOf(job) })));
    if (this.notHandedOver > 0) {
      this.logger.info({ events: this.notHandedOver }, 'Redis is back: events accepted meanwhile are being handed out');
      this.notHandedOver = 0;
    }
  }

  consume(handler: JobHandler): void {
    const runner = new JobRunner(handler, this, this.logger);
    this.queue
      .process(this.concurrency, (job: Job<unknown>) => {
        if (!isExecutionJob(job.data)) {
          this.logger.error({ jobId: job.id }, 'a queued job carries no execution ids; dropped');
          return Promise.resolve();
        }
        return runner.run(job.data);
      })
      .catch((err: unknown) => this.logger.error({ err }, 'the queue stopped taking jobs'));
  }

  async counts(): Promise<DispatchCounts> {
    const counts = await this.queue.getJobCounts();
    return { waiting: counts.waiting + counts.delayed, running: counts.active };
  }

  async reachable(): Promise<boolean> {
    if (!this.connected) return false;
    return (await this.queue.client.ping()) === 'PONG';
  }

  /** Before the store closes: running jobs finish (bounded), nothing new is taken. */
  async beforeApplicationShutdown(): Promise<void> {
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.graceMs).unref());
    const outcome = await Promise.race([this.queue.close(), timeout]);
    if (outcome === 'timeout') this.logger.warn('running executions did not finish in time; another worker runs them again');
  }

  private get connected(): boolean {
    return this.queue.client.status === 'ready';
  }
}

/** Only ids travel through Redis; undefined fields are left out. */
function dataOf(job: ExecutionJob): ExecutionJob {
  const data: ExecutionJob = { eventId: job.eventId, executionId: job.executionId };
  if (job.flowVersionId !== undefined) data.flowVersionId = job.flowVersionId;
  if (job.retryOf !== undefined) data.retryOf = job.retryOf;
  if (job.resume !== undefined) data.resume = job.resume;
  return data;
}

function optionsOf(job: ExecutionJob): JobOptions {
  return {
    jobId: jobKey(job),
    removeOnComplete: true,
    removeOnFail: true,
    // A run that could not be recorded (the store was away) is tried again; past that, the sweeper.
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
  };
}

function isExecutionJob(data: unknown): data is ExecutionJob {
  if (typeof data !== 'object' || data === null) return false;
  const fields: Record<string, unknown> = { ...data };
  const optional = (value: unknown) => value === undefined || typeof value === 'string';
  return typeof fields.eventId === 'string' && typeof fields.executionId === 'string' && optional(fields.flowVersionId) && optional(fields.retryOf) && optional(fields.resume);
}
