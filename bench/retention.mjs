// Retention under load (part of npm run bench; BENCH_PRUNE=0 skips it). A store is seeded with
// BENCH_PRUNE_ROWS (default 200,000) executions and their events from 20-30 days ago, the server
// stopped. Then the intake load runs twice on it: with pruning off, then with pruning on, its pass
// starting a few seconds into the load. Every answer's latency is kept with its time, so intake p99
// is also read over exactly the seconds the pass ran (from the server's "pruned" log line).
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { apiClient, load, orderBody, startServer } from './support.mjs';

const INTAKE_FLOW = { name: 'bench retention intake', nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST' } }], edges: [] };
// What the executor stores for a webhook-only run: the trigger's step, its output left to the event.
const STEPS = JSON.stringify([{ nodeId: 'hook', type: 'webhook', status: 'success', attempts: 1, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 0, outputFromEvent: true }]);
const DAY_MS = 86_400_000;

export async function retentionPhase({ owner, seconds, connections }) {
  const rows = Number(process.env.BENCH_PRUNE_ROWS ?? 200_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-bench-retention-'));
  const env = { DATA_DIR: dataDir, OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password };
  try {
    // The store and a flow to hang the old rows on, then the server stops: the rows go in offline.
    const first = await startServer({ ...env, EXECUTIONS_RETENTION_DAYS: '0', EVENTS_RETENTION_DAYS: '0' });
    const { api, activeFlow } = await apiClient(first.url, owner);
    const flow = await activeFlow(INTAKE_FLOW);
    const { versionId } = await api('GET', `/api/flows/${flow.id}`);
    await stop(first.child);
    const seeded = seed({ file: join(dataDir, 'hookflow.db'), flowId: flow.id, versionId, rows });
    console.log(`retention: seeded ${rows} executions and events 20-30 days old (${seeded.ms} ms, store ${seeded.mb} MB)`);

    const without = await intakeRun({ env: { ...env, EXECUTIONS_RETENTION_DAYS: '0', EVENTS_RETENTION_DAYS: '0' }, owner, flowId: flow.id, seconds, connections });
    console.log('intake on the seeded store, pruning off:', without.summary);
    const logFile = join(dataDir, 'server-log.jsonl');
    // The first pass starts RETENTION_INTERVAL_SECONDS after start-up, a few seconds into the load.
    const withPrune = await intakeRun({ env: { ...env, RETENTION_INTERVAL_SECONDS: '4' }, owner, flowId: flow.id, seconds, connections, logFile, waitForPrune: true });
    const pass = withPrune.pass;
    const during = pass ? p99Between(withPrune.samples, pass.startedAt, pass.endedAt) : undefined;
    const result = {
      rows,
      storeMb: seeded.mb,
      withoutPruning: without.summary,
      withPruning: withPrune.summary,
      pruneSeconds: pass ? Math.round(pass.ms / 100) / 10 : null,
      pruned: pass && { executions: pass.executions, events: pass.events, releasedMb: Math.round((pass.releasedPages * 4096) / 1e5) / 10 },
      // Intake answers given while the pass ran, and their p99.
      duringPrune: during,
      pruneStartedAfterLoadSeconds: pass ? Math.round((pass.startedAt - withPrune.loadStartedAt) / 100) / 10 : null,
    };
    console.log('retention:', result);
    return result;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One server start on the store, the intake load against the flow, then the server stops. */
async function intakeRun({ env, owner, flowId, seconds, connections, logFile, waitForPrune = false }) {
  const server = await startServer(env, { log: logFile });
  try {
    const { api } = await apiClient(server.url, owner);
    const flow = await api('GET', `/api/flows/${flowId}`);
    const url = flow.triggers[0].url.replace(/^http:\/\/[^/]+/, server.url);
    const samples = [];
    const loadStartedAt = Date.now();
    const run = load(url, { connections, seconds, prefix: `R${loadStartedAt}` });
    run.on('response', (_client, status, _bytes, ms) => {
      if (status === 202) samples.push([Date.now(), ms]);
    });
    const result = await run;
    const summary = { requestsPerSec: Math.round(result.requests.average), accepted: result['2xx'], non2xx: result.non2xx, p50ms: result.latency.p50, p99ms: result.latency.p99 };
    const pass = waitForPrune ? await prunePass(logFile) : undefined;
    return { summary, samples, pass, loadStartedAt };
  } finally {
    await stop(server.child);
  }
}

/** The first pass that pruned something, from the server's log (bounded wait). */
async function prunePass(logFile) {
  for (let i = 0; i < 1200; i += 1) {
    const line = readFileSync(logFile, 'utf8')
      .split('\n')
      .find((text) => text.includes('pruned old executions and events'));
    if (line) {
      const entry = JSON.parse(line);
      const endedAt = Date.parse(entry.time);
      return { ...entry, endedAt, startedAt: endedAt - entry.ms };
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error('no pruning pass within 300 s');
}

function p99Between(samples, from, to) {
  const inside = samples.filter(([at]) => at >= from && at <= to).map(([, ms]) => ms).sort((a, b) => a - b);
  if (inside.length === 0) return { answers: 0 };
  const at = (q) => Math.round(inside[Math.min(inside.length - 1, Math.floor(q * inside.length))] * 10) / 10;
  return { answers: inside.length, p50ms: at(0.5), p99ms: at(0.99), maxMs: at(1) };
}

/**
 * Old runs straight into the stopped server's store, as the server writes them: an event (the
 * bench's order body) and its first execution, both under one UUIDv7 of the event's time.
 */
function seed({ file, flowId, versionId, rows }) {
  const started = Date.now();
  const db = new Database(file);
  const event = db.prepare(
    `INSERT INTO "events" ("id", "flowId", "flowVersionId", "nodeId", "method", "path", "headers", "query", "contentType", "body", "rawBody", "rawEncoding", "status", "reason", "httpStatus", "receivedAt", "orderingKey") ` +
      `VALUES (?, ?, ?, 'hook', 'POST', '/hooks/bench', '{"content-type":"application/json"}', '{}', 'application/json', NULL, ?, 'utf8', 'done', NULL, 202, ?, NULL)`,
  );
  const execution = db.prepare(
    `INSERT INTO "executions" ("id", "flowId", "flowVersionId", "flowVersion", "eventId", "retryOf", "status", "steps", "error", "startedAt", "finishedAt", "durationMs") ` +
      `VALUES (?, ?, ?, 1, ?, NULL, 'success', ?, NULL, ?, ?, 1)`,
  );
  const oldest = Date.now() - 30 * DAY_MS;
  const step = (10 * DAY_MS) / rows;
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) {
      const msecs = Math.round(oldest + i * step);
      const at = new Date(msecs).toISOString();
      const id = v7({ msecs });
      event.run(id, flowId, versionId, orderBody(i, 'OLD'), at);
      execution.run(id, flowId, versionId, id, STEPS, at, at);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ms: Date.now() - started, mb: Math.round(statSync(file).size / 1e5) / 10 };
}

function stop(child) {
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
}
