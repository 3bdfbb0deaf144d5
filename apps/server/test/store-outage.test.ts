// While the store is down, intake answers 503 with Retry-After and never 202; when it is back,
// everything recovers without a restart. A PostgreSQL cluster of the test's own, stopped and
// started under a running server (a real child process; in queue mode, with Redis and a worker
// of its own role all).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, plainFetch } from './support/api';
import { startChildServer, type ChildServer } from './support/child-server';
import { order } from './support/flows';
import { waitForAll } from './support/order-load';
import { postgresBinaries, startOwnPostgres, type OwnPostgres } from './support/postgres-server';
import { startSink, type Sink } from './support/sink';
import { testQueueEnv } from './support/test-server';
import { activeOrderFlow } from './support/webhook-flows';

describe.runIf(process.env.DATABASE_URL !== undefined && postgresBinaries() !== undefined)('when PostgreSQL goes away', () => {
  let dataDir: string | undefined;
  let pg: OwnPostgres | undefined;
  let child: ChildServer | undefined;
  let sink: Sink | undefined;
  let dropQueue: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await child?.kill('SIGKILL');
    await sink?.close();
    await pg?.destroy();
    await dropQueue?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After, never 202, and recovers by itself when it is back', { timeout: 120_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookflow-outage-'));
    pg = await startOwnPostgres();
    const queue = testQueueEnv({ DATABASE_URL: pg.url });
    dropQueue = queue.drop;
    sink = await startSink();
    child = await startChildServer({ DATA_DIR: dataDir, DATABASE_URL: pg.url, REDISPATCH_AFTER_SECONDS: '2', ...queue.env });
    const base = child.url;
    const { path } = await activeOrderFlow(base, sink.url, {});
    const send = (id: string) => call<{ eventId?: string }>(base, 'POST', path, order(250, id));

    const before = Array.from({ length: 20 }, (_, i) => `P-before-${i}`);
    for (const id of before) expect((await send(id)).status).toBe(202);

    await pg.stop();
    const during = await Promise.all(Array.from({ length: 10 }, (_, i) => send(`P-down-${i}`)));
    expect(during.map((answer) => answer.status)).toEqual(Array(10).fill(503));
    for (const answer of during) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.stringify(during[0].body)).toMatch(/nothing was stored/);
    expect((await plainFetch(`${base}/readyz`)).status).toBe(503);

    await pg.start();
    await expect.poll(async () => (await send(`P-probe-${Date.now()}`)).status, { timeout: 30_000, interval: 250 }).toBe(202);
    const after = Array.from({ length: 20 }, (_, i) => `P-after-${i}`);
    for (const id of after) expect((await send(id)).status).toBe(202);
    await waitForAll(sink, [...before, ...after], 30_000);
    expect((await plainFetch(`${base}/readyz`)).status).toBe(200);
  });
});
