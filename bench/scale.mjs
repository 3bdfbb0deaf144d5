// npm run bench:scale: queue mode (PostgreSQL + Redis) with one main and 1, 2 and 4 workers,
// against an instant sink and one that answers after 50 ms (I/O-bound: where more workers help even
// on two cores), and the embedded mode (SQLite, one process) on the instant sink for comparison.
// Each phase sends the same number of order events as fast as the main takes them and waits until
// every one has run; it reports events/s (first request to last run), intake p99, CPU per event of
// each kind of process, Redis commands and PostgreSQL commits, rows and WAL bytes per event, and
// lost events. Loopback only, every wait bounded.
//   BENCH_SCALE_EVENTS (default 10000 with the instant sink, 4000 with the slow one), BENCH_CONNECTIONS
//   (default 50), WORKER_CONCURRENCY (default 10),
//   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; each phase uses a schema of its own),
//   BENCH_SCALE_WORKERS (default "1,2,4"), BENCH_SCALE_SINKS (default "0,50": sink delays in ms).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { apiClient, cpuMs, forkServer, load, orderFlow, sinkCount, startServer, summary, systemCpuMs } from './support.mjs';

// Enough events that start-up and JIT warm-up weigh little; fewer behind the 50 ms sink, where one
// worker runs 10 at a time (200/s at best).
const eventsFor = (sinkDelay) => Number(process.env.BENCH_SCALE_EVENTS ?? (sinkDelay > 0 ? 4000 : 10000));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const concurrency = process.env.WORKER_CONCURRENCY ?? '10';
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const workerCounts = (process.env.BENCH_SCALE_WORKERS ?? '1,2,4').split(',').map(Number);
const sinkDelays = (process.env.BENCH_SCALE_SINKS ?? '0,50').split(',').map(Number);
const WARM_UP_EVENTS = 1000;
const owner = { email: 'bench@hookflow.local', password: 'bench-owner-password' };
const encryptionKey = randomBytes(32).toString('base64');

async function main() {
  const results = { date: new Date().toISOString(), connections, workerConcurrency: Number(concurrency), node: process.version, phases: [] };
  const sinks = new Map();
  for (const delay of sinkDelays) sinks.set(delay, await forkServer('sink-server.mjs', { SINK_DELAY_MS: String(delay) }));
  try {
    if (sinkDelays.includes(0)) results.phases.push(await phase({ mode: 'embedded', workers: 0, sinkDelay: 0, sink: sinks.get(0) }));
    for (const sinkDelay of sinkDelays) {
      for (const workers of workerCounts) results.phases.push(await phase({ mode: 'queue', workers, sinkDelay, sink: sinks.get(sinkDelay) }));
    }
  } finally {
    for (const sink of sinks.values()) sink.child.kill();
  }
  report(results);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'scale-latest.json'), JSON.stringify(results, null, 2));
}

async function phase({ mode, workers, sinkDelay, sink }) {
  const events = eventsFor(sinkDelay);
  const label = mode === 'embedded' ? 'embedded (SQLite, one process)' : `queue: 1 main + ${workers} worker${workers > 1 ? 's' : ''}`;
  console.log(`\n${label}, sink ${sinkDelay} ms, ${events} events`);
  const dirs = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookflow-scale-'));
    dirs.push(dir);
    return dir;
  };
  const schema = `hf_bench_${randomBytes(4).toString('hex')}`;
  const redis = mode === 'queue' ? await startRedis() : undefined;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const processes = [];
  try {
    let env = { OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password, LOG_LEVEL: 'info' };
    if (mode === 'queue') {
      await db.query(`CREATE SCHEMA ${schema}`);
      env = { ...env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, REDIS_URL: redis.url, QUEUE_PREFIX: 'bench', ENCRYPTION_KEY: encryptionKey, WORKER_CONCURRENCY: concurrency };
    }
    const main = await startServer({ ...env, DATA_DIR: dataDir(), ...(mode === 'queue' ? { ROLE: 'main' } : {}) });
    processes.push(main);
    const workerProcesses = [];
    // BENCH_WORKER_NODE_ARGS: node flags for the workers, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const workerArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    for (let i = 0; i < workers; i += 1) workerProcesses.push(await startServer({ ...env, DATA_DIR: dataDir(), ROLE: 'worker', OWNER_EMAIL: '', OWNER_PASSWORD: '' }, { nodeArgs: workerArgs }));
    processes.push(...workerProcesses);
    const { api, activeFlow } = await apiClient(main.url, owner);
    const flow = await activeFlow(orderFlow(sink.port));
    // Warm-up, not measured: the JIT has compiled the hot paths of every process before the phase.
    const warmUp = await load(flow.url, { connections, amount: WARM_UP_EVENTS, prefix: `W${workers}-${sinkDelay}` });
    const warm = await waitUntilRun(Object.assign(api, { base: main.url }), flow.id, warmUp['2xx']);
    await new Promise((ok) => {
      sink.child.once('message', ok);
      sink.child.send('reset');
    });
    const reading = () => ({
      main: cpuMs(main.child.pid),
      workers: workerProcesses.reduce((sum, worker) => sum + cpuMs(worker.child.pid), 0),
      mainSystem: systemCpuMs(main.child.pid),
      workersSystem: workerProcesses.reduce((sum, worker) => sum + systemCpuMs(worker.child.pid), 0),
      machine: machineBusyMs(),
      redis: redis ? cpuMs(redis.child.pid) : 0,
      postgres: mode === 'queue' ? postgresCpuMs() : 0,
    });
    const before = { cpu: reading(), redisCommands: redis ? await redisCommands(redis.port) : 0, store: mode === 'queue' ? await storeStats(db) : undefined };
    const started = Date.now();
    const result = await load(flow.url, { connections, amount: events, prefix: `S${workers}-${sinkDelay}` });
    const accepted = result['2xx'];
    const executions = await waitUntilRun(Object.assign(api, { base: main.url }), flow.id, warmUp['2xx'] + accepted);
    const finished = Date.now();
    const after = { cpu: reading(), redisCommands: redis ? await redisCommands(redis.port) : 0, store: mode === 'queue' ? await storeStats(db) : undefined };
    const delivered = (await sinkCount(sink.child)).distinct;
    const perEvent = (ms) => Math.round((ms * 1000) / accepted);
    const phaseResult = {
      mode,
      workers,
      sinkDelayMs: sinkDelay,
      events,
      intake: summary(result),
      eventsPerSec: Math.round(accepted / ((finished - started) / 1000)),
      seconds: Math.round((finished - started) / 100) / 10,
      cpuUsPerEvent: {
        main: perEvent(after.cpu.main - before.cpu.main),
        workers: perEvent(after.cpu.workers - before.cpu.workers),
        redis: perEvent(after.cpu.redis - before.cpu.redis),
        postgres: perEvent(after.cpu.postgres - before.cpu.postgres),
      },
      // Of that, in the kernel (mostly loopback sockets).
      systemCpuUsPerEvent: { main: perEvent(after.cpu.mainSystem - before.cpu.mainSystem), workers: perEvent(after.cpu.workersSystem - before.cpu.workersSystem) },
      // Both cores together: 100% means the phase was bound by CPU, not by the sink.
      machineBusyPercent: Math.round(((after.cpu.machine - before.cpu.machine) / (2 * (finished - started))) * 100),
      redisCommandsPerEvent: redis ? Math.round(((after.redisCommands - before.redisCommands) / accepted) * 10) / 10 : 0,
      store: after.store && before.store ? storePerEvent(before.store, after.store, accepted) : undefined,
      expectedDeliveries: executions.success - warm.success,
      delivered,
      lost: executions.success - warm.success - delivered,
      notRun: warmUp['2xx'] + accepted - executions.success - executions.filtered - executions.error,
    };
    console.log(phaseResult);
    return phaseResult;
  } finally {
    // SIGTERM: a worker started with --cpu-prof writes its profile on the way out.
    for (const child of processes) child.child.kill(process.env.BENCH_WORKER_NODE_ARGS ? 'SIGTERM' : 'SIGKILL');
    if (process.env.BENCH_WORKER_NODE_ARGS) await new Promise((ok) => setTimeout(ok, 3000));
    redis?.child.kill('SIGKILL');
    if (mode === 'queue') await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db.end();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits (bounded) until every accepted event has run: /healthz's backlog (the queue's waiting and
 * running jobs, or the in-process dispatcher's) is cheap to poll; the executions stats, read once at
 * the end, say how each run ended.
 */
async function waitUntilRun(api, flowId, accepted) {
  for (let i = 0; i < 3000; i += 1) {
    const health = await fetch(`${api.base}/healthz`).then((res) => res.json());
    if (health.backlog === 0) {
      const stats = await api('GET', `/api/executions/stats?flowId=${flowId}&hours=1`);
      const total = stats.buckets.reduce((sum, bucket) => ({ success: sum.success + bucket.success, filtered: sum.filtered + bucket.filtered, error: sum.error + bucket.error }), { success: 0, filtered: 0, error: 0 });
      if (total.success + total.filtered + total.error >= accepted) return total;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('the events did not all run within 300 s');
}

function startRedis() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => {
        const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout.once('data', () => undefined);
        const wait = async (tries) => {
          try {
            await redisCommands(port);
            ok({ child, port, url: `redis://127.0.0.1:${port}` });
          } catch (err) {
            if (tries <= 0) fail(err);
            else setTimeout(() => void wait(tries - 1), 50);
          }
        };
        void wait(100);
      });
    });
  });
}

/** total_commands_processed of the Redis on `port`, read with a raw INFO over TCP. */
async function redisCommands(port) {
  const { createConnection } = await import('node:net');
  return new Promise((ok, fail) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let text = '';
    socket.on('error', fail);
    socket.on('data', (chunk) => {
      text += chunk.toString();
      const match = /total_commands_processed:(\d+)/.exec(text);
      if (match) {
        socket.end();
        ok(Number(match[1]));
      }
    });
    socket.write('INFO stats\r\n');
  });
}

/** Busy CPU time of the whole machine, all cores, in ms (/proc/stat: everything but idle and iowait). */
function machineBusyMs() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.reduce((sum, n) => sum + n, 0);
  return (total - ticks[3] - ticks[4]) * 10;
}

/** CPU of every process named postgres (the machine's cluster: backends, WAL writer, checkpointer). */
function postgresCpuMs() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(pid);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function storeStats(db) {
  const { rows } = await db.query(
    'SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, pg_current_wal_lsn() AS lsn FROM pg_stat_database WHERE datname = current_database()',
  );
  return rows[0];
}

function storePerEvent(before, after, count) {
  const delta = (field) => Number(after[field]) - Number(before[field]);
  const walBytes = lsnBytes(after.lsn) - lsnBytes(before.lsn);
  return {
    commits: Math.round((delta('xact_commit') / count) * 100) / 100,
    rowsWritten: Math.round(((delta('tup_inserted') + delta('tup_updated') + delta('tup_deleted')) / count) * 100) / 100,
    walBytes: Math.round(walBytes / count),
  };
}

function lsnBytes(lsn) {
  const [high, low] = lsn.split('/');
  return parseInt(high, 16) * 2 ** 32 + parseInt(low, 16);
}

function report(results) {
  const rows = results.phases.map((p) => {
    const cpu = p.cpuUsPerEvent;
    const name = p.mode === 'embedded' ? 'embedded' : `${p.workers} worker${p.workers > 1 ? 's' : ''}`;
    return `| ${name} | ${p.sinkDelayMs} ms | ${p.eventsPerSec} | ${p.intake.p99ms} ms | ${cpu.main} / ${cpu.workers} | ${cpu.main + cpu.workers} | ${cpu.redis} / ${cpu.postgres} | ${p.redisCommandsPerEvent} | ${p.store ? `${p.store.commits} / ${p.store.rowsWritten} / ${p.store.walBytes}` : ''} | ${p.lost} |`;
  });
  console.log('\n| process(es) | sink | events/s | intake p99 | CPU µs/event main / workers | Hookflow total | Redis / PostgreSQL | Redis cmds/event | PG commits / rows / WAL bytes per event | lost |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
  const embedded = results.phases.find((p) => p.mode === 'embedded');
  const queueOne = results.phases.find((p) => p.mode === 'queue' && p.workers === 1 && p.sinkDelayMs === 0);
  const slow = (n) => results.phases.find((p) => p.mode === 'queue' && p.workers === n && p.sinkDelayMs === 50);
  if (embedded && queueOne) {
    const ratio = (queueOne.cpuUsPerEvent.main + queueOne.cpuUsPerEvent.workers) / embedded.cpuUsPerEvent.main;
    console.log(`queue mode CPU per event (main + worker) / embedded: ${ratio.toFixed(2)}x (target <= 2x)`);
  }
  if (slow(1) && slow(4)) console.log(`50 ms sink, 4 workers / 1 worker: ${(slow(4).eventsPerSec / slow(1).eventsPerSec).toFixed(2)}x (target >= 3x)`);
  console.log(`lost in every phase: ${results.phases.map((p) => p.lost).join(', ')} (target 0)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
