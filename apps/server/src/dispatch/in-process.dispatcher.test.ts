// The in-process dispatcher runs jobs with bounded concurrency and keeps a waiting job's parsed
// payload only while the backlog is small in count and in bytes: past that, the executor reads the
// event back from the store, so a backlog of large bodies cannot fill the heap; and a job that has
// run is not kept at all.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { TriggerOutput } from '@hookflow/flow-model';
import { loadSettings } from '../config/settings';
import { createLogger } from '../logging/logger';
import { JobHandler, type ExecutionJob } from './dispatcher';
import { InProcessDispatcher } from './in-process.dispatcher';

class HeldHandler extends JobHandler {
  readonly started: ExecutionJob[] = [];
  private release: Array<() => void> = [];

  handle(job: ExecutionJob): Promise<void> {
    this.started.push(job);
    return new Promise((resolve) => this.release.push(resolve));
  }

  releaseAll(): void {
    for (const resolve of this.release.splice(0)) resolve();
  }
}

const trigger = { body: { big: true } } as unknown as TriggerOutput;

/** Dispatches a job with a payload of its own and answers a weak reference to that payload. */
function dispatchWithPayload(dispatcher: InProcessDispatcher, i: number): WeakRef<object> {
  const payload = { body: { order: i, items: Array.from({ length: 100 }, (_, n) => n) } } as unknown as TriggerOutput;
  dispatcher.dispatch({ eventId: `e${i}`, executionId: `x${i}`, flowVersionId: 'v', trigger: payload, payloadBytes: 1000 });
  return new WeakRef(payload);
}
const MiB = 1024 * 1024;

describe('InProcessDispatcher', () => {
  it('runs at most EXECUTION_CONCURRENCY jobs and drops payloads of waiting jobs past 16 MiB of bodies', async () => {
    const handler = new HeldHandler();
    const dispatcher = new InProcessDispatcher(handler, loadSettings({ EXECUTION_CONCURRENCY: '2' }), createLogger('silent'));
    for (let i = 0; i < 30; i += 1) dispatcher.dispatch({ eventId: `e${i}`, executionId: `x${i}`, flowVersionId: 'v', trigger, payloadBytes: MiB });
    expect(handler.started).toHaveLength(2);
    expect(dispatcher.backlog).toBe(30);
    // Drain everything, two at a time, and look at what each job carried.
    while (handler.started.length < 30) {
      handler.releaseAll();
      await new Promise((resolve) => setImmediate(resolve));
    }
    handler.releaseAll();
    await dispatcher.whenIdle();
    const carried = handler.started.map((job) => job.trigger !== undefined);
    // The two that started at once and the first 16 MiB of waiting ones keep their payload.
    expect(carried.slice(0, 18).every(Boolean)).toBe(true);
    expect(carried.slice(18).some(Boolean)).toBe(false);
    expect(handler.started.map((job) => job.eventId)).toEqual(Array.from({ length: 30 }, (_, i) => `e${i}`));
  });

  it('keeps nothing of a job once it has run, so payloads do not outlive their execution', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const ran: string[] = [];
    const dispatcher = new InProcessDispatcher({ handle: (job) => Promise.resolve(void ran.push(job.eventId)) }, loadSettings({}), createLogger('silent'));
    const payloads = Array.from({ length: 20 }, (_, i) => dispatchWithPayload(dispatcher, i));
    await dispatcher.whenIdle();
    expect(ran).toHaveLength(20);
    // Let the finished runs' promise chains unwind, then collect.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    expect(payloads.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });
});
