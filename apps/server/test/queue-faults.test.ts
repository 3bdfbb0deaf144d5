// Queue mode when parts die, with real processes: a worker killed mid-burst, Redis flushed or
// killed and restarted, several mains behind one URL. Each test has a redis-server of its own.
// Runs in CI's queue-mode pass (TEST_QUEUE_MODE=1, PostgreSQL).
import { afterEach, describe, expect, it } from 'vitest';
import { call, plainFetch } from './support/api';
import { deliveriesOf, sendOrders, waitForAll } from './support/order-load';
import { startSink, type Sink } from './support/sink';
import { TEST_OWNER } from './support/sign-in';
import { queueTestsEnabled, startTopology, type Topology } from './support/topology';
import { activeOrderFlow } from './support/webhook-flows';

let topology: Topology | undefined;
let sink: Sink | undefined;

afterEach(async () => {
  await topology?.close();
  await sink?.close();
  topology = undefined;
  sink = undefined;
});

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

/** Executions recorded per event id, read through the API (every page). */
async function executionsPerEvent(main: string, flowId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor = '';
  for (let page = 0; page < 100; page += 1) {
    const answer = await call<{ items: Array<{ eventId: string }>; nextCursor: string | null }>(main, 'GET', `/api/executions?flowId=${flowId}&limit=200${cursor}`);
    for (const item of answer.body.items) counts.set(item.eventId, (counts.get(item.eventId) ?? 0) + 1);
    if (!answer.body.nextCursor) break;
    cursor = `&cursor=${answer.body.nextCursor}`;
  }
  return counts;
}

describe.runIf(queueTestsEnabled)('queue mode when parts fail', () => {
  /**
   * 1 main + 2 workers (10 runs at once each) and a sink answering after 5 ms; sends `count` orders
   * 20 at a time and calls `fault` after each answer until it returns the fault's promise.
   */
  async function burstWithFault(args: { prefix: string; count: number; fault: (sent: number, current: Sink) => Promise<void> | undefined }) {
    const current = await startSink();
    sink = current;
    current.delayMs = 5;
    topology = await startTopology({ mains: 1, workers: 2, env: { WORKER_CONCURRENCY: '10' } });
    const main = topology.mains[0].url;
    const flow = await activeOrderFlow(main, current.url, {});
    const orderIds = ids(args.prefix, args.count);
    let injected: Promise<void> | undefined;
    const sent = await sendOrders({ targets: [{ base: main, path: flow.path }], ids: orderIds, concurrency: 20, onSent: (count) => void (injected ??= args.fault(count, current)) });
    await injected;
    expect(injected).toBeDefined();
    expect(sent.filter((answer) => answer.status !== 202)).toEqual([]);
    return { main, flow, orderIds, sink: current };
  }

  it('loses no event when a worker is killed mid-burst, and runs again at most what it was running', { timeout: 120_000 }, async () => {
    const victim = (): Topology['workers'][number] | undefined => topology?.workers[0];
    const { main, flow, orderIds, sink: current } = await burstWithFault({ prefix: 'K', count: 2000, fault: (_sent, seen) => (seen.received.length >= 300 ? victim()?.kill('SIGKILL') : undefined) });
    await waitForAll(current, orderIds, 60_000);
    const delivered = deliveriesOf(current);
    const duplicates = [...delivered.values()].reduce((sum, count) => sum + count - 1, 0);
    console.info(`worker SIGKILL mid-burst: 2000 accepted, ${delivered.size} delivered, ${duplicates} delivered twice`);
    expect(duplicates).toBeLessThanOrEqual(10);
    // One execution record per event, however often it ran.
    await expect.poll(async () => (await executionsPerEvent(main, flow.id)).size, { timeout: 20_000, interval: 500 }).toBe(2000);
    expect([...(await executionsPerEvent(main, flow.id)).values()].every((count) => count === 1)).toBe(true);
  });

  it('loses nothing when Redis is flushed mid-burst', { timeout: 120_000 }, async () => {
    const { orderIds, sink: current } = await burstWithFault({ prefix: 'F', count: 1000, fault: (sent) => (sent >= 400 ? topology?.redis.flushAll() : undefined) });
    await waitForAll(current, orderIds, 60_000);
  });

  it('keeps answering 202 while Redis is down, and runs everything once it is back', { timeout: 120_000 }, async () => {
    sink = await startSink();
    topology = await startTopology({ mains: 1, workers: 1 });
    const main = topology.mains[0].url;
    const flow = await activeOrderFlow(main, sink.url, {});
    const before = await sendOrders({ targets: [{ base: main, path: flow.path }], ids: ids('R-before', 100), concurrency: 10 });
    await topology.redis.kill();
    const during = await sendOrders({ targets: [{ base: main, path: flow.path }], ids: ids('R-down', 200), concurrency: 10 });
    const notReady = await plainFetch(`${main}/readyz`);
    expect(notReady.status).toBe(503);
    await topology.redis.restart();
    const after = await sendOrders({ targets: [{ base: main, path: flow.path }], ids: ids('R-after', 100), concurrency: 10 });
    expect([...before, ...during, ...after].filter((answer) => answer.status !== 202)).toEqual([]);
    await waitForAll(sink, [...ids('R-before', 100), ...ids('R-down', 200), ...ids('R-after', 100)], 60_000);
  });

  it('two mains behave as one: each event runs once, flow changes, limits and test events reach both', { timeout: 120_000 }, async () => {
    sink = await startSink();
    topology = await startTopology({ mains: 2, workers: 2, env: { LOGIN_MAX_ATTEMPTS: '3' } });
    const [a, b] = topology.mains.map((main) => main.url);

    // Events spread over both mains run once each.
    const flow = await activeOrderFlow(a, sink.url, {});
    const orderIds = ids('M', 400);
    const sent = await sendOrders({ targets: [{ base: a, path: flow.path }, { base: b, path: flow.path }], ids: orderIds, concurrency: 20 });
    expect(sent.filter((answer) => answer.status !== 202)).toEqual([]);
    await waitForAll(sink, orderIds, 30_000);
    expect([...deliveriesOf(sink).values()].every((count) => count === 1)).toBe(true);

    // Deactivating on one main stops the trigger on the other within a second.
    expect((await call(a, 'POST', `/api/flows/${flow.id}/deactivate`)).status).toBe(200);
    const deactivatedAt = Date.now();
    await expect.poll(async () => (await call(b, 'POST', flow.path, { order: { id: 'late', total: 500 } })).status, { timeout: 1_000, interval: 50 }).toBe(404);
    console.info(`deactivation reached the other main after ${Date.now() - deactivatedAt} ms`);

    // A trigger's rate limit is counted once across mains.
    const limited = await activeOrderFlow(a, sink.url, { rateLimit: { requests: 5, perSeconds: 60 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await call(i % 2 ? b : a, 'POST', limited.path, { order: { id: `L-${i}`, total: 500 } })).status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);

    // So is the sign-in attempt limit.
    const attempts: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await plainFetch(`${i % 2 ? b : a}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: TEST_OWNER.email, password: 'wrong-password' }) });
      attempts.push(answer.status);
    }
    expect(attempts).toEqual([401, 401, 401, 429]);

    // The editor listens on one main; the test request lands on the other.
    const stream = await fetch(`${a}/api/flows/${flow.id}/test-events`, { headers: { accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    if (!reader) throw new Error('no event stream');
    const testUrl = `${b}/hooks-test/${flow.id}/orders`;
    let seen = '';
    const decoder = new TextDecoder();
    const read = (async () => {
      while (!seen.includes('"T-across"')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        seen += decoder.decode(chunk.value);
      }
    })();
    // The stream is open once it answered; the subscription on Redis may take a moment.
    await expect.poll(async () => (await plainFetch(testUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order: { id: 'T-across' } }) })).status, { timeout: 5_000, interval: 100 }).toBe(200);
    await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await reader.cancel();
    expect(seen).toContain('event: request');
    expect(seen).toContain('"T-across"');
  });
});
