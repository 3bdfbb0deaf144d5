// SIGTERM on a real server process under load: readiness goes first, then the listener, then the
// running executions, then the process exits 0; whatever was answered 202 runs, now or after the
// restart, and no sender got an error for an event the server kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, plainFetch } from './support/api';
import { startChildServer, type ChildServer } from './support/child-server';
import { order, orderFlowTo } from './support/flows';
import { deliveriesOf, waitForAll } from './support/order-load';
import { startSink, type Sink } from './support/sink';
import { testBackendEnv } from './support/test-server';
import { activeOrderFlow } from './support/webhook-flows';

interface Outcome {
  id: string;
  /** HTTP status, or 0 when no answer came (connection refused or cut). */
  status: number;
  sentAt: number;
}

const SENDERS = 8;
const MAX_REQUESTS = 4_000;

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Senders post orders back to back until each has met refused connections for a while (bounded). */
function sendUntilRefused(url: string, outcomes: Outcome[]): Promise<void> {
  let next = 0;
  const lane = async (lane: number): Promise<void> => {
    let refusedInARow = 0;
    while (next < MAX_REQUESTS && refusedInARow < 20) {
      const id = `G-${lane}-${next++}`;
      const sentAt = Date.now();
      let status = 0;
      try {
        const answer = await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order(250, id)) });
        status = answer.status;
        await answer.arrayBuffer();
      } catch {
        status = 0;
      }
      outcomes.push({ id, status, sentAt });
      refusedInARow = status === 0 ? refusedInARow + 1 : 0;
      if (status === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return Promise.all(Array.from({ length: SENDERS }, (_, i) => lane(i))).then(() => undefined);
}

async function readyStatus(base: string): Promise<number> {
  try {
    return (await plainFetch(`${base}/readyz`)).status;
  } catch {
    return 0;
  }
}

async function start(env: Record<string, string>, sink: Sink): Promise<{ server: ChildServer; hook: string }> {
  const server = await startChildServer(env);
  cleanups.push(() => server.kill('SIGKILL'));
  const flow = await activeOrderFlow(server.url, sink.url, {});
  return { server, hook: `${server.url}${flow.path}` };
}

describe('SIGTERM under load', () => {
  it('fails /readyz first, then refuses connections, answers or never answers, exits 0, and runs every 202 event', { timeout: 120_000 }, async () => {
    const backend = await testBackendEnv();
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-sigterm-'));
    cleanups.push(async () => {
      await backend.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const env = { ...backend.env, DATA_DIR: dataDir, SHUTDOWN_DELAY_SECONDS: '1', SHUTDOWN_GRACE_SECONDS: '20' };
    const sink = await startSink();
    cleanups.push(() => sink.close());
    // A slow API: executions are running when the signal comes.
    sink.delayMs = 200;
    const { server, hook } = await start(env, sink);
    expect(await readyStatus(server.url)).toBe(200);

    const outcomes: Outcome[] = [];
    const load = sendUntilRefused(hook, outcomes);
    await sink.waitFor(20, 20_000);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => server.process.once('exit', (code, signal) => resolve({ code, signal })));
    const signalledAt = Date.now();
    server.process.kill('SIGTERM');

    // 1. Readiness fails while the server still takes new connections (the delay).
    let ready = await readyStatus(server.url);
    for (let i = 0; i < 50 && ready === 200; i += 1) ready = await readyStatus(server.url);
    expect(ready).toBe(503);
    const acceptedDuringDelay = () => outcomes.filter((o) => o.status === 202 && o.sentAt > signalledAt + 100 && o.sentAt < signalledAt + 900).length;

    const { code, signal } = await exited;
    await load;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // Delay over: new connections are refused.
    expect(await readyStatus(server.url)).toBe(0);

    // 2-3. Every sender got 202 or no answer at all: never a 5xx or a 503 for the closing server.
    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].filter((status) => status !== 202 && status !== 0)).toEqual([]);
    expect(acceptedDuringDelay()).toBeGreaterThan(0);
    expect(outcomes.some((o) => o.status === 0)).toBe(true);
    const logs = server.logs.join('\n');
    expect(logs).toContain('shutting down: /readyz now answers 503');
    expect(logs.indexOf('new connections refused')).toBeGreaterThan(logs.indexOf('shutting down'));

    // 4-5. Whatever was accepted runs: before the exit, or after the restart from the store.
    const accepted = outcomes.filter((o) => o.status === 202).map((o) => o.id);
    expect(accepted.length).toBeGreaterThan(20);
    const sink2Ids = deliveriesOf(sink);
    const ranBeforeExit = accepted.filter((id) => sink2Ids.has(id)).length;
    await start(env, sink);
    await waitForAll(sink, accepted, 60_000);
    expect(ranBeforeExit).toBeGreaterThan(0);
    // Refused requests were never stored, so they never ran.
    const refused = outcomes.filter((o) => o.status === 0).map((o) => o.id);
    const delivered = deliveriesOf(sink);
    expect(refused.filter((id) => delivered.has(id))).toEqual([]);
  });

  it('exits 0 at once when idle, even with an editor listening for test events', { timeout: 60_000 }, async () => {
    const backend = await testBackendEnv();
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-sigterm-idle-'));
    cleanups.push(async () => {
      await backend.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const server = await startChildServer({ ...backend.env, DATA_DIR: dataDir });
    cleanups.push(() => server.kill('SIGKILL'));
    expect((await call(server.url, 'GET', '/readyz')).status).toBe(200);
    // An editor waiting for test events holds a server-sent event stream open.
    const flow = await call<{ id: string }>(server.url, 'POST', '/api/flows', orderFlowTo('http://127.0.0.1:9/orders'));
    const stream = await fetch(`${server.url}/api/flows/${flow.body.id}/test-events`);
    expect(stream.status).toBe(200);
    const streamEnded = stream.text().then(() => 'ended', () => 'cut');
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    const before = Date.now();
    server.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The grace is 30 s: the open stream was ended, not waited for.
    expect(Date.now() - before).toBeLessThan(10_000);
    expect(await streamEnded).toBe('ended');
  });
});
