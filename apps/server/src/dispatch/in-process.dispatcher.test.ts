// The in-process dispatcher keeps the Dispatcher contract, and its drain API (backlog, idle)
// answers what this one process holds.
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../config/settings';
import { createLogger } from '../logging/logger';
import { dispatcherContract } from './dispatcher.contract';
import { InProcessDispatcher } from './in-process.dispatcher';

const make = (concurrency: number) => new InProcessDispatcher(loadSettings({ EXECUTION_CONCURRENCY: String(concurrency) }), createLogger('silent'));

dispatcherContract('in-process', ({ concurrency }) => {
  const dispatcher = make(concurrency);
  return Promise.resolve({ dispatcher, close: () => dispatcher.beforeApplicationShutdown() });
});

describe('InProcessDispatcher drain', () => {
  it('counts waiting and running jobs as its backlog and resolves whenIdle once all ran', async () => {
    const dispatcher = make(2);
    const ran: string[] = [];
    for (let i = 0; i < 5; i += 1) dispatcher.dispatch({ eventId: `e${i}`, executionId: `x${i}` });
    expect(dispatcher.backlog).toBe(5);
    dispatcher.consume({ handle: (job) => Promise.resolve(void ran.push(job.eventId)).then(() => []) });
    await dispatcher.whenIdle();
    expect(ran).toHaveLength(5);
    expect(dispatcher.backlog).toBe(0);
  });
});
