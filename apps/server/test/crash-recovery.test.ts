// Accepted means durable: a SIGKILL between the 202 and the end of the executions loses nothing.
// The restarted process runs every accepted-but-unfinished event again (at-least-once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { startChildServer, type ChildServer } from './support/child-server';
import { order, orderFlowTo } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { testBackendEnv } from './support/test-server';

describe('crash recovery with a real child process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-crash-'));
  let sink: Sink | undefined;
  let child: ChildServer | undefined;
  let dropStore: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await child?.kill('SIGKILL');
    await sink?.close();
    await dropStore?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every accepted event after a SIGKILL', { timeout: 60_000 }, async () => {
    const store = await testBackendEnv();
    dropStore = store.drop;
    const env = { DATA_DIR: dataDir, EXECUTION_CONCURRENCY: '2', ...store.env };
    sink = await startSink();
    // The sink holds its answers, so executions are in flight when the process dies.
    sink.hold = true;
    child = await startChildServer(env);
    const created = await call<{ id: string }>(child.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/orders`));
    const flow = await call<{ triggers: Array<{ url: string }> }>(child.url, 'POST', `/api/flows/${created.body.id}/activate`);
    const path = new URL(flow.body.triggers[0].url).pathname;

    const accepted: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const answer = await call<{ eventId: string }>(child.url, 'POST', path, order(200 + i, `K-${i}`));
      expect(answer.status).toBe(202);
      accepted.push(answer.body.eventId);
    }
    await sink.waitFor(1);
    await child.kill('SIGKILL');
    sink.hold = false;

    const restarted = await startChildServer(env);
    child = restarted;
    const orderIds = Array.from({ length: 20 }, (_, i) => `K-${i}`);
    await sink.waitForBodies((bodies) => orderIds.every((id) => bodies.some((body) => body.includes(`"${id}"`))), 20_000);

    const done = async (): Promise<Set<string>> => {
      const list = await call<{ items: Array<{ eventId: string; status: string }> }>(
        restarted.url,
        'GET',
        `/api/executions?flowId=${created.body.id}&status=success&limit=200`,
      );
      return new Set(list.body.items.map((item) => item.eventId));
    };
    let recorded = await done();
    for (let tries = 0; tries < 100 && accepted.some((id) => !recorded.has(id)); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      recorded = await done();
    }
    expect(accepted.filter((id) => !recorded.has(id))).toEqual([]);
  });

  it('stops cleanly on SIGTERM and loses nothing', { timeout: 60_000 }, async () => {
    const store = await testBackendEnv();
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'hookflow-term-')), ...store.env };
    const termSink = await startSink();
    try {
      const first = await startChildServer(env);
      const created = await call<{ id: string }>(first.url, 'POST', '/api/flows', orderFlowTo(`${termSink.url}/orders`));
      const flow = await call<{ triggers: Array<{ url: string }> }>(first.url, 'POST', `/api/flows/${created.body.id}/activate`);
      const path = new URL(flow.body.triggers[0].url).pathname;
      for (let i = 0; i < 30; i += 1) expect((await call(first.url, 'POST', path, order(300 + i, `T-${i}`))).status).toBe(202);
      const exited = new Promise<string>((resolve) => first.process.once('exit', (code, signal) => resolve(signal ?? String(code))));
      first.process.kill('SIGTERM');
      // A graceful shutdown ends with exit code 0 (see graceful-shutdown.test.ts).
      expect(await exited).toBe('0');
      const second = await startChildServer(env);
      try {
        const ids = Array.from({ length: 30 }, (_, i) => `"T-${i}"`);
        await termSink.waitForBodies((bodies) => ids.every((id) => bodies.some((body) => body.includes(id))), 20_000);
      } finally {
        await second.kill('SIGKILL');
      }
    } finally {
      await termSink.close();
      await store.drop();
      rmSync(env.DATA_DIR, { recursive: true, force: true });
    }
  });
});
