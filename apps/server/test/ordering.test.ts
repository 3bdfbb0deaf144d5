// Ordered triggers: with `ordering.key`, events of one key run one at a time in the order they
// arrived, other keys in parallel; in the embedded mode, in queue mode (this suite's queue-mode
// pass), and after a crash. 20 keys x 200 events against a sink that answers after 0-30 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child-server';
import { ORDERED_BY_CUSTOMER, overlapsOf, sendOrdered, sequencesOf, withoutRepeats } from './support/order-load';
import { startSink, type Sink } from './support/sink';
import { startTestServer, testBackendEnv, type TestServer } from './support/test-server';
import { activeOrderFlow } from './support/webhook-flows';

const KEYS = 20;
const PER_KEY = 200;
const inOrder = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('ordered triggers', () => {
  let server: TestServer;
  let sink: Sink;

  beforeAll(async () => {
    sink = await startSink();
    sink.delayMs = () => Math.floor(Math.random() * 31);
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('runs each key’s events in the order they arrived and loses none', { timeout: 120_000 }, async () => {
    const flow = await activeOrderFlow(server.url, sink.url, ORDERED_BY_CUSTOMER);
    const statuses = await sendOrdered({ base: server.url, path: flow.path, keys: KEYS, perKey: PER_KEY });
    expect(statuses.filter((status) => status !== 202)).toEqual([]);
    await server.idle();
    await expect.poll(() => sequencesOf(sink, KEYS).reduce((sum, sequence) => sum + sequence.length, 0), { timeout: 60_000 }).toBe(KEYS * PER_KEY);
    for (const sequence of sequencesOf(sink, KEYS)) expect(sequence).toEqual(inOrder(0, PER_KEY));
    // One at a time: no delivery of a key started before the previous one was answered.
    expect(overlapsOf(sink, KEYS)).toEqual(Array(KEYS).fill(0));
  });
});

describe('ordered triggers after a crash', () => {
  let dataDir: string | undefined;
  let child: ChildServer | undefined;
  let sink: Sink | undefined;
  let drop: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await child?.kill('SIGKILL');
    await sink?.close();
    await drop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps each key’s order across a SIGKILL: a recovered event keeps its place', { timeout: 120_000 }, async () => {
    const backend = await testBackendEnv();
    drop = backend.drop;
    dataDir = mkdtempSync(join(tmpdir(), 'hookflow-ordered-crash-'));
    const env = { DATA_DIR: dataDir, ...backend.env };
    sink = await startSink();
    sink.delayMs = () => Math.floor(Math.random() * 31);
    child = await startChildServer(env);
    const flow = await activeOrderFlow(child.url, sink.url, ORDERED_BY_CUSTOMER);
    const perKey = 40;
    const statuses = await sendOrdered({ base: child.url, path: flow.path, keys: 5, perKey });
    expect(statuses.filter((status) => status !== 202)).toEqual([]);
    // Die in the middle of the drains.
    const current = sink;
    await expect.poll(() => current.received.length, { timeout: 20_000 }).toBeGreaterThan(40);
    await child.kill('SIGKILL');
    const seenBeforeCrash = current.received.length;
    child = await startChildServer(env);
    await expect.poll(() => sequencesOf(current, 5).map((sequence) => withoutRepeats(sequence).length), { timeout: 60_000 }).toEqual(Array(5).fill(perKey));
    expect(seenBeforeCrash).toBeLessThan(5 * perKey);
    for (const sequence of sequencesOf(current, 5)) expect(withoutRepeats(sequence)).toEqual(inOrder(0, perKey));
  });
});
