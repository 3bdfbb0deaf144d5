// npm run bench: durable intake and end-to-end throughput of Hookflow against a bare node:http
// baseline and a minimal durable server (durable-baseline-server.mjs), measured in the same run on
// the same machine; then the same end-to-end load on a branching flow (switch + code + merge).
// Loopback only; every phase is bounded.
//   BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 50)
//   BENCH_PRUNE=0 skips the retention phase (retention.mjs: intake while 200,000 old runs are pruned)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retentionPhase } from './retention.mjs';
import { apiClient, branchingFlow, cpuOf, forkServer, load as loadWith, orderFlow, peakRssMb, ratio, sinkCount, startServer, summary, usPer, waitForIdle } from './support.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
// BENCH_ONLY=intake, e2e or branching runs one Hookflow phase (for profiling); the baseline always runs.
const only = process.env.BENCH_ONLY;
// The API needs a session or a key: the bench server makes its owner from the environment, signs in
// and uses an API key, as a deploy script would.
const owner = { email: 'bench@hookflow.local', password: 'bench-owner-password' };
let api;
let activeFlow;

const load = (url, prefix) => loadWith(url, { connections, seconds, prefix });

function startHookflow(dataDir) {
  // BENCH_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const env = { DATA_DIR: dataDir, OWNER_EMAIL: owner.email, OWNER_PASSWORD: owner.password, EXECUTION_CONCURRENCY: process.env.EXECUTION_CONCURRENCY ?? '64' };
  // BENCH_SERVER_LOG=file keeps the server's stdout (its logs, or --trace-gc lines).
  return startServer(env, { nodeArgs, log: process.env.BENCH_SERVER_LOG });
}

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
    ({ api, activeFlow } = await apiClient(hookflow.url, owner));
    if (!only || only === 'intake') {
      const intakeOnly = await activeFlow({ name: 'bench intake', nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST' } }], edges: [] });
      console.log('hookflow durable intake (webhook-only flow)');
      const cpuBefore = cpuOf(hookflow.child.pid);
      results.intake = summary(await load(intakeOnly.url));
      results.intake.serverCpuUsPerRequest = usPer(cpuBefore, cpuOf(hookflow.child.pid), results.intake.accepted);
      console.log(results.intake);
      await api('POST', `/api/flows/${intakeOnly.id}/deactivate`);
      await waitForIdle(api);
    }

    if (!only || only === 'e2e') {
      console.log('hookflow end to end (webhook → transform → filter → http to a local sink)');
      results.endToEnd = await endToEnd(hookflow, sink, orderFlow(sink.port), 'B');
    }
    // Peak RSS of the phases above (the order flow), before the code node's worker threads start.
    results.peakRssMb = peakRssMb(hookflow.child.pid);
    if (!only || only === 'branching') {
      console.log('hookflow branching flow (webhook → switch → transform | code → merge → http to a local sink)');
      results.branching = await endToEnd(hookflow, sink, branchingFlow(sink.port), 'S');
      if (results.endToEnd) results.branchingVsOrderFlow = Math.round((results.branching.executedPerSec / results.endToEnd.executedPerSec) * 100) / 100;
      results.branching.peakRssMb = peakRssMb(hookflow.child.pid);
    }
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
  if (!only && process.env.BENCH_PRUNE !== '0') results.retention = await retentionPhase({ owner, seconds, connections });
  if (results.branching) {
    const { executedPerSec, serverCpuUsPerEvent } = results.branching;
    console.log(`\nbranching flow: ${executedPerSec} events/s executed (${results.branchingVsOrderFlow ?? '?'}x the order flow), CPU ${serverCpuUsPerEvent.all} µs/event (order flow: ${results.endToEnd?.serverCpuUsPerEvent.all ?? '?'}), peak RSS ${results.branching.peakRssMb} MB`);
  }
  console.log(`\naccept ratio ${results.acceptRatio}x the bare server (the durable baseline: ${results.durableBaselineRatio}x; Hookflow is ${results.acceptVsDurableBaseline}x of it); intake p99 ${results.intake?.p99ms} ms; end to end ${results.endToEnd?.executedPerSec} events/s executed (${results.endToEnd?.deliveredPerSec} deliveries/s), lost ${results.endToEnd?.lost}; peak RSS ${results.peakRssMb} MB`);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2));
}

/** A flow under the same load, then a drain: what was accepted, run, delivered and lost. */
async function endToEnd(hookflow, sink, flow, prefix) {
  const e2e = await activeFlow(flow);
  const deliveredBefore = (await sinkCount(sink.child)).distinct;
  const started = Date.now();
  const cpuBefore = cpuOf(hookflow.child.pid);
  const loadResult = await load(e2e.url, prefix);
  const accepted = loadResult['2xx'];
  await waitForIdle(api);
  const drainedAt = Date.now();
  const cpuAfter = cpuOf(hookflow.child.pid);
  // What should have reached the sink: every execution that passed the filter.
  const stats = await api('GET', `/api/executions/stats?flowId=${e2e.id}&hours=1`);
  const executed = stats.buckets.reduce((sum, bucket) => ({ success: sum.success + bucket.success, filtered: sum.filtered + bucket.filtered, error: sum.error + bucket.error }), { success: 0, filtered: 0, error: 0 });
  const expected = executed.success;
  const delivered = (await sinkCount(sink.child)).distinct - deliveredBefore;
  await api('POST', `/api/flows/${e2e.id}/deactivate`);
  const measured = {
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
  console.log(measured);
  return measured;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
