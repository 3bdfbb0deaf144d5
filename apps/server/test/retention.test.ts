// Retention: old executions and events are pruned in the background, and what a user still needs
// stays: recent runs, events waiting to run, failed runs still on the failed list (until replayed or
// older than FAILED_RETENTION_DAYS), and the event of every execution kept. Rows are seeded with old
// timestamps straight into the store, then a pass runs (RetentionService.pruneOnce, or the timer)
// and the API shows what is left. On SQLite the file also gives the space back.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventEntity, type EventStatus } from '../src/events/event.entity';
import { ExecutionEntity, type StoredExecutionStatus } from '../src/executions/execution.entity';
import { RetentionService } from '../src/retention/retention.service';
import { newRowId } from '../src/storage/row-id';
import { call } from './support/api';
import { startTestServer, type TestServer } from './support/test-server';

const onSqlite = process.env.DATABASE_URL === undefined;
const daysAgo = (days: number, minutes = 0) => new Date(Date.now() - days * 86_400_000 - minutes * 60_000).toISOString();

/** A flow to hang seeded rows on, and helpers that insert rows as intake and the executor would. */
async function seeder(server: TestServer) {
  const created = await call<{ id: string; versionId: string }>(server.url, 'POST', '/api/flows', {
    name: `retention ${randomBytes(3).toString('hex')}`,
    nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST' } }],
    edges: [],
  });
  expect(created.status).toBe(201);
  const flowId = created.body.id;
  const flowVersionId = created.body.versionId;
  const dataSource = server.app.get(DataSource);
  const event = async ({ at, status = 'done', rawBody = '{"n":1}' }: { at: string; status?: EventStatus; rawBody?: string }): Promise<string> => {
    const id = newRowId();
    await dataSource.getRepository(EventEntity).insert({
      id,
      flowId,
      flowVersionId,
      nodeId: 'hook',
      method: 'POST',
      path: '/hooks/k',
      headers: { 'content-type': 'application/json' },
      query: {},
      contentType: 'application/json',
      body: null,
      rawBody,
      rawEncoding: 'utf8',
      status,
      reason: status === 'rejected' ? 'bad signature' : null,
      httpStatus: status === 'rejected' ? 401 : 202,
      receivedAt: at,
      orderingKey: null,
    });
    return id;
  };
  const execution = async ({ eventId, at, status = 'success', retryOf = null, steps = '[]' }: { eventId: string; at: string; status?: StoredExecutionStatus; retryOf?: string | null; steps?: string }): Promise<string> => {
    const id = newRowId();
    const error = status === 'error' ? JSON.stringify({ nodeId: 'hook', message: 'boom', kind: 'runtime', retryable: false }) : null;
    await dataSource.getRepository(ExecutionEntity).insert({ id, flowId, flowVersionId, flowVersion: 1, eventId, retryOf, status, steps, error, startedAt: at, finishedAt: at, durationMs: 1 });
    return id;
  };
  /** An event that ran once, at `at`. */
  const ran = async (at: string, status: StoredExecutionStatus = 'success') => {
    const eventId = await event({ at });
    return { eventId, executionId: await execution({ eventId, at, status }) };
  };
  const executionIds = async () => {
    const list = await call<{ items: Array<{ id: string }> }>(server.url, 'GET', `/api/executions?flowId=${flowId}&limit=200`);
    return new Set(list.body.items.map((item) => item.id));
  };
  const eventIds = async () => {
    const list = await call<{ items: Array<{ id: string }> }>(server.url, 'GET', `/api/events?flowId=${flowId}&limit=200`);
    return new Set(list.body.items.map((item) => item.id));
  };
  const failedIds = async () => {
    const list = await call<{ items: Array<{ id: string }> }>(server.url, 'GET', `/api/flows/${flowId}/failed?limit=200`);
    return list.body.items.map((item) => item.id).sort();
  };
  return { dataSource, event, execution, ran, executionIds, eventIds, failedIds };
}

describe('retention with the default periods (executions and events 14 days, failed 30 days)', () => {
  let server: TestServer;

  beforeAll(async () => {
    // A pass only when the test asks for one.
    server = await startTestServer({ RETENTION_INTERVAL_SECONDS: '86400' });
  });

  afterAll(() => server?.close());

  it('prunes old runs and finished events, and keeps recent ones, waiting events and failed runs still on the list', async () => {
    const seed = await seeder(server);
    const oldSuccess = await seed.ran(daysAgo(20));
    const recentSuccess = await seed.ran(daysAgo(1));
    const failedOnList = await seed.ran(daysAgo(20), 'error');
    const failedTooOld = await seed.ran(daysAgo(40), 'error');
    // Replayed long ago: the failure and its successful replay are both past 14 days.
    const replayedLongAgo = await seed.ran(daysAgo(20), 'error');
    const oldReplay = await seed.execution({ eventId: replayedLongAgo.eventId, at: daysAgo(19), retryOf: replayedLongAgo.executionId });
    // Replayed recently: the failure left the list, so it goes by the normal rule; its replay and event stay.
    const replayedRecently = await seed.ran(daysAgo(20), 'error');
    const recentReplay = await seed.execution({ eventId: replayedRecently.eventId, at: daysAgo(2), retryOf: replayedRecently.executionId });
    // Replayed and failed again: the replay is what the list shows now, and it is kept.
    const failedTwice = await seed.ran(daysAgo(20), 'error');
    const failedReplay = await seed.execution({ eventId: failedTwice.eventId, at: daysAgo(19), status: 'error', retryOf: failedTwice.executionId });
    const waiting = await seed.event({ at: daysAgo(40), status: 'accepted' });
    const oldRejected = await seed.event({ at: daysAgo(20), status: 'rejected' });
    const recentRejected = await seed.event({ at: daysAgo(1), status: 'rejected' });
    const oldDuplicate = await seed.event({ at: daysAgo(20), status: 'duplicate' });
    expect(await seed.failedIds()).toEqual([failedOnList.executionId, failedTooOld.executionId, failedReplay].sort());

    const report = await server.app.get(RetentionService).pruneOnce();
    expect(report).toMatchObject({ executions: 6, events: 5 });

    const executions = await seed.executionIds();
    expect([...executions].sort()).toEqual([recentSuccess.executionId, failedOnList.executionId, recentReplay, failedReplay].sort());
    expect(executions.has(oldSuccess.executionId) || executions.has(oldReplay)).toBe(false);
    const events = await seed.eventIds();
    expect([...events].sort()).toEqual([recentSuccess.eventId, failedOnList.eventId, replayedRecently.eventId, failedTwice.eventId, waiting, recentRejected].sort());
    expect([oldSuccess.eventId, failedTooOld.eventId, replayedLongAgo.eventId, oldRejected, oldDuplicate].some((id) => events.has(id))).toBe(false);
    // The failed list is what it was, less the one past FAILED_RETENTION_DAYS.
    expect(await seed.failedIds()).toEqual([failedOnList.executionId, failedReplay].sort());
    // A kept execution still shows its trigger (its event is there).
    const detail = await call<{ steps: Array<{ nodeId: string }> }>(server.url, 'GET', `/api/executions/${recentReplay}`);
    expect(detail.status).toBe(200);

    // A second pass finds nothing more to do.
    expect(await server.app.get(RetentionService).pruneOnce()).toMatchObject({ executions: 0, events: 0 });
  });

  it('keeps a failed run on the list past 30 days when FAILED_RETENTION_DAYS is raised, and prunes it once replayed', async () => {
    const patient = await startTestServer({ RETENTION_INTERVAL_SECONDS: '86400', FAILED_RETENTION_DAYS: '0' });
    try {
      const seed = await seeder(patient);
      const failed = await seed.ran(daysAgo(100), 'error');
      await patient.app.get(RetentionService).pruneOnce();
      expect(await seed.failedIds()).toEqual([failed.executionId]);
      const replay = await seed.execution({ eventId: failed.eventId, at: daysAgo(0, 5), retryOf: failed.executionId });
      await patient.app.get(RetentionService).pruneOnce();
      expect([...(await seed.executionIds())]).toEqual([replay]);
      expect(await seed.failedIds()).toEqual([]);
      expect((await seed.eventIds()).has(failed.eventId)).toBe(true);
    } finally {
      await patient.close();
    }
  });
});

describe('retention limits', () => {
  const servers: TestServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startTestServer(env);
    servers.push(server);
    return server;
  };

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('EXECUTIONS_MAX_COUNT keeps only the newest executions (and failed ones still on the list)', async () => {
    const server = await start({ RETENTION_INTERVAL_SECONDS: '86400', EXECUTIONS_MAX_COUNT: '5' });
    const seed = await seeder(server);
    const failed = await seed.ran(daysAgo(0, 120), 'error');
    const runs: string[] = [];
    for (let minutes = 60; minutes > 48; minutes -= 1) runs.push((await seed.ran(daysAgo(0, minutes))).executionId);
    await server.app.get(RetentionService).pruneOnce();
    expect([...(await seed.executionIds())].sort()).toEqual([failed.executionId, ...runs.slice(-5)].sort());
  });

  it('0 keeps executions and events forever', async () => {
    const server = await start({ RETENTION_INTERVAL_SECONDS: '86400', EXECUTIONS_RETENTION_DAYS: '0', EVENTS_RETENTION_DAYS: '0' });
    const seed = await seeder(server);
    const old = await seed.ran(daysAgo(400));
    const rejected = await seed.event({ at: daysAgo(400), status: 'rejected' });
    expect(await server.app.get(RetentionService).pruneOnce()).toMatchObject({ executions: 0, events: 0 });
    expect((await seed.executionIds()).has(old.executionId)).toBe(true);
    expect([...(await seed.eventIds())].sort()).toEqual([old.eventId, rejected].sort());
  });

  it('prunes in the background every RETENTION_INTERVAL_SECONDS', async () => {
    const server = await start({ RETENTION_INTERVAL_SECONDS: '1' });
    const seed = await seeder(server);
    const old = await seed.ran(daysAgo(30));
    let left = await seed.eventIds();
    for (let tries = 0; tries < 100 && left.has(old.eventId); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = await seed.eventIds();
    }
    expect(left.has(old.eventId)).toBe(false);
    expect((await seed.executionIds()).has(old.executionId)).toBe(false);
  });
});

describe.runIf(onSqlite)('the SQLite file after pruning', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is made with incremental vacuum and gives the pruned space back to the file system', async () => {
    const server = await startTestServer({ RETENTION_INTERVAL_SECONDS: '86400' });
    try {
      const seed = await seeder(server);
      const pragma = async (name: string) => Number(Object.values((await seed.dataSource.query(`PRAGMA ${name}`))[0])[0]);
      expect(await pragma('auto_vacuum')).toBe(2);
      const body = JSON.stringify({ padding: 'x'.repeat(8_000) });
      const steps = JSON.stringify([{ nodeId: 'hook', status: 'success', padding: 'y'.repeat(4_000) }]);
      for (let i = 0; i < 1_500; i += 1) {
        const at = daysAgo(20, i);
        const eventId = await seed.event({ at, rawBody: body });
        await seed.execution({ eventId, at, steps });
      }
      const kept = await seed.ran(daysAgo(1));
      await seed.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      const file = join(server.dataDir, 'hookflow.db');
      const before = { pages: await pragma('page_count'), bytes: statSync(file).size };

      const report = await server.app.get(RetentionService).pruneOnce();
      expect(report).toMatchObject({ executions: 1_500, events: 1_500 });
      await seed.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      const after = { pages: await pragma('page_count'), free: await pragma('freelist_count'), bytes: statSync(file).size };
      // ~18 MB of rows went; the file keeps at most one vacuum step (256 pages) free.
      expect(after.free).toBeLessThanOrEqual(256);
      expect(after.pages).toBeLessThan(before.pages / 3);
      expect(after.bytes).toBeLessThan(before.bytes / 3);
      expect(report?.releasedPages).toBeGreaterThan(before.pages / 2);
      expect((await seed.executionIds()).has(kept.executionId)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('converts a store made before incremental vacuum at start, when it is small', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-old-store-'));
    dirs.push(dataDir);
    const old = new Database(join(dataDir, 'hookflow.db'));
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE "leftover" ("n" integer)');
    expect(old.pragma('auto_vacuum', { simple: true })).toBe(0);
    old.close();
    const server = await startTestServer({ DATA_DIR: dataDir, RETENTION_INTERVAL_SECONDS: '86400' });
    try {
      const [row] = await server.app.get(DataSource).query('PRAGMA auto_vacuum');
      expect(row).toEqual({ auto_vacuum: 2 });
    } finally {
      await server.close();
    }
  });
});
