// Queue mode as deployed, without Docker: a redis-server of the test's own, PostgreSQL, and mains
// and workers as real child processes. Runs in CI's queue-mode pass (TEST_QUEUE_MODE=1, PostgreSQL).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, plainFetch } from './support/api';
import { order } from './support/flows';
import { deliveriesOf, ORDERED_BY_CUSTOMER, overlapsOf, sendOrdered, sequencesOf } from './support/order-load';
import { startSink, type Sink } from './support/sink';
import { queueTestsEnabled, startTopology, type Topology } from './support/topology';
import { activeOrderFlow } from './support/webhook-flows';

const mainJs = resolve(import.meta.dirname, '../dist/main.js');

/** Starts the built server with env and answers its exit code and what it wrote to stderr. */
function startExpectingRefusal(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stderr })));
}

describe('queue mode settings', () => {
  it('refuses REDIS_URL with the embedded SQLite store, in one line that says why', async () => {
    const { code, stderr } = await startExpectingRefusal({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/REDIS_URL turns on queue mode, which needs DATABASE_URL \(PostgreSQL\)/);
  });

  it('refuses ROLE=worker without REDIS_URL, and queue mode without ENCRYPTION_KEY', async () => {
    const worker = await startExpectingRefusal({ ROLE: 'worker' });
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/ROLE=worker splits the work between processes through Redis: set REDIS_URL/);
    const keyless = await startExpectingRefusal({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://127.0.0.1/test' });
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toMatch(/needs ENCRYPTION_KEY, the same on every main and worker/);
  });
});

describe.runIf(queueTestsEnabled)('one main and two workers', () => {
  let topology: Topology;
  let sink: Sink;

  beforeAll(async () => {
    sink = await startSink();
    topology = await startTopology({ mains: 1, workers: 2, env: { LOG_LEVEL: 'debug', WORKER_CONCURRENCY: '4' } });
  }, 60_000);

  afterAll(async () => {
    await topology?.close();
    await sink?.close();
  });

  it('workers answer their probes and serve no API; the main is ready', async () => {
    for (const worker of topology.workers) {
      expect((await plainFetch(`${worker.url}/healthz`)).status).toBe(200);
      const ready = await plainFetch(`${worker.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', store: 'ok', queue: 'ok' });
      expect((await plainFetch(`${worker.url}/api/flows`)).status).toBe(404);
    }
    expect((await plainFetch(`${topology.mains[0].url}/readyz`)).status).toBe(200);
  });

  it('runs every event the main accepts once, on the workers', { timeout: 60_000 }, async () => {
    const main = topology.mains[0].url;
    const flow = await activeOrderFlow(main, sink.url, {});
    const ids = Array.from({ length: 200 }, (_, i) => `Q-${i}`);
    for (let i = 0; i < ids.length; i += 20) {
      const answers = await Promise.all(ids.slice(i, i + 20).map((id, k) => call(main, 'POST', flow.path, order(200 + i + k, id))));
      expect(answers.every((answer) => answer.status === 202)).toBe(true);
    }
    await sink.waitForBodies(() => ids.every((id) => deliveriesOf(sink).has(id)), 30_000);
    expect([...deliveriesOf(sink).values()].every((count) => count === 1)).toBe(true);
    // Both workers ran some, the main none (a run logs once it is recorded, after its delivery).
    const ran = (logs: string[]) => logs.filter((line) => line.includes('execution finished')).length;
    const perWorker = () => topology.workers.map((worker) => ran(worker.logs));
    await expect.poll(() => perWorker().reduce((a, b) => a + b, 0), { timeout: 10_000 }).toBe(200);
    expect(perWorker().every((count) => count > 0)).toBe(true);
    expect(ran(topology.mains[0].logs)).toBe(0);
  });

  it('hands a worker’s Respond answer back to the main that holds the caller’s connection', { timeout: 30_000 }, async () => {
    const main = topology.mains[0].url;
    const flow = {
      name: 'answer from a worker',
      nodes: [
        { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST', respond: 'respondNode', responseTimeoutMs: 10_000 } },
        { id: 'answer', type: 'respond', position: { x: 200, y: 0 }, params: { status: 200, body: { text: 'got {{trigger.body.id}}' } } },
      ],
      edges: [{ id: 'e1', source: 'hook', target: 'answer' }],
    };
    const created = await call<{ id: string }>(main, 'POST', '/api/flows', flow);
    const activated = await call<{ triggers: Array<{ url: string }> }>(main, 'POST', `/api/flows/${created.body.id}/activate`);
    expect(activated.status).toBe(200);
    const path = new URL(activated.body.triggers[0].url).pathname;
    const answers = await Promise.all(['R-1', 'R-2', 'R-3', 'R-4'].map((id) => call<{ text: string }>(main, 'POST', path, { id })));
    expect(answers.map((answer) => [answer.status, answer.body.text])).toEqual([
      [200, 'got R-1'],
      [200, 'got R-2'],
      [200, 'got R-3'],
      [200, 'got R-4'],
    ]);
  });

  it('keeps each ordering key’s events in order and one at a time across both workers', { timeout: 120_000 }, async () => {
    const main = topology.mains[0].url;
    const ordered = await startSink();
    ordered.delayMs = () => Math.floor(Math.random() * 31);
    try {
      const flow = await activeOrderFlow(main, ordered.url, ORDERED_BY_CUSTOMER);
      const statuses = await sendOrdered({ base: main, path: flow.path, keys: 20, perKey: 200 });
      expect(statuses.filter((status) => status !== 202)).toEqual([]);
      await expect.poll(() => ordered.received.length, { timeout: 90_000, interval: 250 }).toBe(4000);
      for (const sequence of sequencesOf(ordered, 20)) expect(sequence).toEqual(Array.from({ length: 200 }, (_, i) => i));
      expect(overlapsOf(ordered, 20)).toEqual(Array(20).fill(0));
    } finally {
      await ordered.close();
    }
  });
});
