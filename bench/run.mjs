// npm run bench: durable intake and end-to-end throughput of Hookflow against a bare node:http
// baseline and a minimal durable server (durable-baseline-server.mjs), measured in the same run on
// the same machine. Loopback only; every phase is bounded.
//   BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 50)
import autocannon from 'autocannon';
import { fork, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
// BENCH_ONLY=intake or e2e runs one Hookflow phase (for profiling); the baseline always runs.
const only = process.env.BENCH_ONLY;
// The API needs a session or a key: the bench server makes its owner from the environment, signs in
// and uses an API key, as a deploy script would.
const owner = { email: 'bench@hookflow.local', password: 'bench-owner-password' };
let apiKey;

// ~1 KB order; every fifth is small, so about 80% pass the "total > 100" filter. Each request gets
// its own order id (the sink counts distinct orders); the body is assembled from cached parts so
// the load generator spends its CPU on sending rather than on JSON.stringify.
const itemsJson = Array.from({ length: 97 }, (_, k) =>
  JSON.stringify(Array.from({ length: 8 }, (_, n) => ({ sku: `SKU-${n}-${k}`, name: `Item number ${n}`, qty: 1 + (n % 3), price: 9.99 + n }))),
);

function orderBody(i) {
  const total = i % 5 === 0 ? 40 : 250 + (i % 100);
  return `{"order":{"id":"B-${i}","total":${total},"currency":"EUR","createdAt":"2026-11-26T10:00:00Z","customer":{"email":"Buyer${i}@Example.com","name":"Bench Buyer","address":{"city":"Lyon","zip":"69001"}},"items":${itemsJson[i % 97]}}}`;
}

function forkServer(file) {
  const child = fork(join(import.meta.dirname, file), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((ok) => child.once('message', (message) => ok({ child, port: message.port })));
}

function startHookflow(dataDir) {
  // BENCH_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The heap ceiling `npm start` and the Docker image use (HEAP_MB).
  const heap = `--max-old-space-size=${process.env.HEAP_MB ?? 1024}`;
  const child = spawn(process.execPath, [heap, ...nodeArgs, join(root, 'apps/server/dist/main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password, EXECUTION_CONCURRENCY: process.env.EXECUTION_CONCURRENCY ?? '64' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('Hookflow did not start')), 30_000);
    // BENCH_SERVER_LOG=file keeps the server's stdout (its logs, or --trace-gc lines).
    const keep = process.env.BENCH_SERVER_LOG ? createWriteStream(process.env.BENCH_SERVER_LOG) : undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      keep?.write(`${line}\n`);
      const match = /"port":(\d+)/.exec(line);
      if (match && line.includes('listening')) {
        clearTimeout(timer);
        ok({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    });
  });
}

async function api(base, method, path, body) {
  const headers = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  const res = await fetch(`${base}${path}`, { method, headers, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Signs in as the bench owner and makes the API key every later call sends. */
async function signIn(base) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
  if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().find((line) => line.startsWith('hookflow_session=')).split(';')[0];
  const created = await fetch(`${base}/api/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-hookflow-csrf': '1' }, body: JSON.stringify({ name: 'bench' }) });
  if (!created.ok) throw new Error(`API key: ${created.status} ${await created.text()}`);
  apiKey = (await created.json()).key;
}

async function activeFlow(base, document) {
  const flow = await api(base, 'POST', '/api/flows', document);
  const active = await api(base, 'POST', `/api/flows/${flow.id}/activate`);
  return { id: flow.id, url: active.triggers[0].url.replace(/^http:\/\/[^/]+/, base) };
}

function load(url) {
  let i = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: orderBody(i++) }) }],
  });
}

const ratio = (measured, reference) => Math.round((measured.requestsPerSec / reference.requestsPerSec) * 100) / 100;

function summary(result) {
  return {
    requestsPerSec: Math.round(result.requests.average),
    accepted: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
  };
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
}

/**
 * CPU time the process has used, all threads, in ms (Linux /proc; clock ticks of 10 ms). Divided by
 * the requests of a phase it gives CPU per request, which moves far less between runs than
 * throughput does on a shared machine.
 */
function cpuMs(pid, thread = false) {
  const fields = readFileSync(thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU of the whole process and of its main thread (the JavaScript event loop). */
const cpuOf = (pid) => ({ all: cpuMs(pid), main: cpuMs(pid, true) });
const usPer = (before, after, count) => ({ all: Math.round(((after.all - before.all) * 1000) / count), mainThread: Math.round(((after.main - before.main) * 1000) / count) });

const sinkCount = (sink) => new Promise((ok) => { sink.once('message', ok); sink.send('count'); });

async function main() {
  const results = { date: new Date().toISOString(), seconds, connections, node: process.version };
  const baseline = await forkServer('baseline-server.mjs');
  console.log(`baseline: node:http + JSON.parse, ${connections} connections, ${seconds} s`);
  results.baseline = summary(await load(`http://127.0.0.1:${baseline.port}/`));
  baseline.child.kill();
  console.log(results.baseline);
  if (only !== 'e2e') {
    // What the fsynced commit alone costs here: the least a durable server can do, same load.
    const durable = await forkServer('durable-baseline-server.mjs');
    console.log('durable baseline: node:http + JSON.parse + one SQLite row per request, group-committed and fsynced before 202');
    results.durableBaseline = summary(await load(`http://127.0.0.1:${durable.port}/`));
    durable.child.kill();
    console.log(results.durableBaseline);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-bench-'));
  const sink = await forkServer('sink-server.mjs');
  const hookflow = await startHookflow(dataDir);
  try {
    await signIn(hookflow.url);
    if (only !== 'e2e') {
      const intakeOnly = await activeFlow(hookflow.url, { name: 'bench intake', nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST' } }], edges: [] });
      console.log('hookflow durable intake (webhook-only flow)');
      const cpuBefore = cpuOf(hookflow.child.pid);
      results.intake = summary(await load(intakeOnly.url));
      results.intake.serverCpuUsPerRequest = usPer(cpuBefore, cpuOf(hookflow.child.pid), results.intake.accepted);
      console.log(results.intake);
      await api(hookflow.url, 'POST', `/api/flows/${intakeOnly.id}/deactivate`);
      await waitForIdle(hookflow.url);
    }

    if (only !== 'intake') await endToEnd(hookflow, sink, results);
    results.peakRssMb = peakRssMb(hookflow.child.pid);
    if (results.intake) {
      results.acceptRatio = ratio(results.intake, results.baseline);
      results.durableBaselineRatio = ratio(results.durableBaseline, results.baseline);
      results.acceptVsDurableBaseline = ratio(results.intake, results.durableBaseline);
    }
  } finally {
    hookflow.child.kill('SIGTERM');
    sink.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\naccept ratio ${results.acceptRatio}x the bare server (the durable baseline: ${results.durableBaselineRatio}x; Hookflow is ${results.acceptVsDurableBaseline}x of it); intake p99 ${results.intake?.p99ms} ms; end to end ${results.endToEnd?.executedPerSec} events/s executed (${results.endToEnd?.deliveredPerSec} deliveries/s), lost ${results.endToEnd?.lost}; peak RSS ${results.peakRssMb} MB`);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2));
}

/** The order flow under the same load, then a drain: what was accepted, run, delivered and lost. */
async function endToEnd(hookflow, sink, results) {
  const order = JSON.parse(readFileSync(join(root, 'examples/flows/order-to-http.json'), 'utf8'));
  order.nodes.find((node) => node.type === 'http').params.url = `http://127.0.0.1:${sink.port}/orders`;
  const e2e = await activeFlow(hookflow.url, order);
  console.log('hookflow end to end (webhook → transform → filter → http to a local sink)');
  const started = Date.now();
  const cpuBefore = cpuOf(hookflow.child.pid);
  const loadResult = await load(e2e.url);
  const accepted = loadResult['2xx'];
  await waitForIdle(hookflow.url);
  const drainedAt = Date.now();
  const cpuAfter = cpuOf(hookflow.child.pid);
  // What should have reached the sink: every execution that passed the filter.
  const stats = await api(hookflow.url, 'GET', `/api/executions/stats?flowId=${e2e.id}&hours=1`);
  const executed = stats.buckets.reduce((sum, bucket) => ({ success: sum.success + bucket.success, filtered: sum.filtered + bucket.filtered, error: sum.error + bucket.error }), { success: 0, filtered: 0, error: 0 });
  const expected = executed.success;
  const delivered = (await sinkCount(sink.child)).distinct;
  results.endToEnd = {
    ...summary(loadResult),
    executions: executed,
    // autocannon counts only answers it read before it stopped: up to one request per connection
    // was accepted and run but not counted, so this can be slightly negative.
    acceptedButNotExecuted: accepted - executed.success - executed.filtered - executed.error,
    expectedDeliveries: expected,
    delivered,
    lost: expected - delivered,
    executedPerSec: Math.round((executed.success + executed.filtered + executed.error) / ((drainedAt - started) / 1000)),
    deliveredPerSec: Math.round(delivered / ((drainedAt - started) / 1000)),
    drainSeconds: Math.round((drainedAt - started) / 100) / 10 - seconds,
    serverCpuUsPerEvent: usPer(cpuBefore, cpuAfter, executed.success + executed.filtered + executed.error),
  };
  console.log(results.endToEnd);
}

async function waitForIdle(base) {
  for (let i = 0; i < 600; i += 1) {
    const health = await api(base, 'GET', '/healthz');
    if (health.backlog === 0) return;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error('executions did not drain within 150 s');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
