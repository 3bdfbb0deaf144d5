// The contract every Dispatcher keeps, run against each implementation (in-process.dispatcher.test.ts,
// bull.dispatcher.test.ts): what intake, the sweeper and the executor rely on, whatever carries
// the jobs.
import { describe, expect, it } from 'vitest';
import { Dispatcher, JobHandler, type ExecutionJob } from './dispatcher';

export interface DispatcherUnderTest {
  dispatcher: Dispatcher;
  /** Stops the dispatcher: running jobs may finish, nothing new starts. */
  close(): Promise<void>;
}

export type DispatcherFactory = (options: { concurrency: number }) => Promise<DispatcherUnderTest>;

/** A handler whose jobs run until the test releases them. */
class HeldHandler extends JobHandler {
  readonly started: ExecutionJob[] = [];
  readonly finished: string[] = [];
  private readonly releases = new Map<string, () => void>();
  private waiters: Array<() => void> = [];
  followUps = new Map<string, ExecutionJob[]>();
  failing = new Set<string>();
  held = true;

  handle(job: ExecutionJob): Promise<ExecutionJob[]> {
    this.started.push(job);
    const running = new Promise<ExecutionJob[]>((resolve, reject) => {
      const finish = (): void => {
        this.finished.push(job.executionId);
        this.notify();
        if (this.failing.has(job.executionId)) reject(new Error(`job ${job.executionId} failed`));
        else resolve(this.followUps.get(job.executionId) ?? []);
      };
      if (this.held) this.releases.set(job.executionId, finish);
      else finish();
    });
    this.notify();
    return running;
  }

  release(executionId?: string): void {
    for (const [id, finish] of [...this.releases]) {
      if (executionId !== undefined && id !== executionId) continue;
      this.releases.delete(id);
      finish();
    }
  }

  get running(): number {
    return this.releases.size;
  }

  /** Resolves once `done` holds, re-checked on every start and finish (bounded). */
  until(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting until ${what}`)), timeoutMs);
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.waiters.push(check);
      check();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

const job = (n: number): ExecutionJob => ({ eventId: `event-${n}`, executionId: `exec-${n}` });

/** Settles after the dispatcher had time to start jobs it should not (Bull polls Redis). */
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

export function dispatcherContract(name: string, make: DispatcherFactory): void {
  describe(`${name}: the Dispatcher contract`, () => {
    const withDispatcher = async (concurrency: number, test: (under: DispatcherUnderTest, handler: HeldHandler) => Promise<void>): Promise<void> => {
      const under = await make({ concurrency });
      const handler = new HeldHandler();
      try {
        await test(under, handler);
      } finally {
        handler.held = false;
        handler.release();
        await under.close();
      }
    };

    it('hands jobs over in the order they were dispatched', async () => {
      await withDispatcher(1, async ({ dispatcher }, handler) => {
        handler.held = false;
        dispatcher.consume(handler);
        for (let n = 0; n < 20; n += 1) dispatcher.dispatch(job(n));
        await handler.until(() => handler.finished.length === 20, 'all 20 ran');
        expect(handler.started.map((started) => started.executionId)).toEqual(Array.from({ length: 20 }, (_, n) => `exec-${n}`));
      });
    });

    it('runs no more jobs at once than its concurrency, and counts what waits and runs', async () => {
      await withDispatcher(2, async ({ dispatcher }, handler) => {
        dispatcher.consume(handler);
        await dispatcher.dispatchAll(Array.from({ length: 6 }, (_, n) => job(n)));
        await handler.until(() => handler.running === 2, 'two run');
        await settle();
        expect(handler.running).toBe(2);
        expect(await dispatcher.counts()).toEqual({ waiting: 4, running: 2 });
        handler.release();
        await handler.until(() => handler.running === 2 && handler.started.length === 4, 'the next two run');
        handler.held = false;
        handler.release();
        await handler.until(() => handler.finished.length === 6, 'all six ran');
        await expect.poll(() => dispatcher.counts(), { timeout: 5_000 }).toEqual({ waiting: 0, running: 0 });
      });
    });

    it('runs a job once when the same execution is handed over again while it waits or runs', async () => {
      await withDispatcher(1, async ({ dispatcher }, handler) => {
        dispatcher.consume(handler);
        dispatcher.dispatch(job(1));
        dispatcher.dispatch(job(2));
        await handler.until(() => handler.running === 1, 'the first runs');
        dispatcher.dispatch(job(1));
        dispatcher.dispatch(job(2));
        await dispatcher.dispatchAll([job(1), job(2)]);
        handler.held = false;
        handler.release();
        await handler.until(() => handler.finished.length === 2, 'both ran');
        await settle();
        expect(handler.started.map((started) => started.executionId)).toEqual(['exec-1', 'exec-2']);
      });
    });

    it('keeps running other jobs after one throws', async () => {
      await withDispatcher(1, async ({ dispatcher }, handler) => {
        handler.held = false;
        handler.failing.add('exec-1');
        dispatcher.consume(handler);
        for (let n = 0; n < 3; n += 1) dispatcher.dispatch(job(n));
        await handler.until(() => handler.finished.length >= 3, 'all three ran');
        expect(handler.finished.slice(0, 3)).toEqual(['exec-0', 'exec-1', 'exec-2']);
      });
    });

    it('hands out the follow-up jobs a job answers', async () => {
      await withDispatcher(2, async ({ dispatcher }, handler) => {
        handler.held = false;
        handler.followUps.set('exec-1', [job(10), job(11)]);
        dispatcher.consume(handler);
        dispatcher.dispatch(job(1));
        await handler.until(() => handler.finished.length === 3, 'the job and its two follow-ups ran');
        expect(handler.started.map((started) => started.executionId).sort()).toEqual(['exec-1', 'exec-10', 'exec-11']);
      });
    });

    it('keeps jobs waiting until this process consumes', async () => {
      await withDispatcher(2, async ({ dispatcher }, handler) => {
        handler.held = false;
        dispatcher.dispatch(job(1));
        await settle();
        expect(handler.started).toHaveLength(0);
        dispatcher.consume(handler);
        await handler.until(() => handler.finished.length === 1, 'the job ran once consumed');
      });
    });

    it('on close, lets running jobs finish and starts no waiting one', async () => {
      const under = await make({ concurrency: 1 });
      const handler = new HeldHandler();
      under.dispatcher.consume(handler);
      under.dispatcher.dispatch(job(1));
      under.dispatcher.dispatch(job(2));
      await handler.until(() => handler.running === 1, 'the first runs');
      const closed = under.close();
      await settle(100);
      handler.held = false;
      handler.release();
      await closed;
      await settle();
      expect(handler.finished).toEqual(['exec-1']);
    });
  });
}
