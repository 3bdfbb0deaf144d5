// node bench/code-node.mjs (after npm run build): what running a code node costs. Every figure is
// taken in this one process, next to its baseline: a transform step doing the same small job.
//   1. the sandbox alone: `return 1` through runInQuickJs in this thread, then through the
//      server's worker pool (CodeSandboxPool), one call at a time: median and p99 per call;
//   2. the pool under concurrency (64 calls in flight): calls per second with CODE_WORKERS threads;
//   3. a whole flow run (trigger → node) through the engine: a code step against a transform step.
//   CODE_BENCH_CALLS (default 2000), CODE_WORKERS (default 2)
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './support.mjs';

const require = createRequire(import.meta.url);
const { runInQuickJs } = require(join(root, 'packages/nodes/dist/code/quickjs-sandbox.js'));
const { createBuiltInRegistry } = require(join(root, 'packages/nodes/dist/index.js'));
const { compileFlow, runFlow } = require(join(root, 'packages/engine/dist/index.js'));
const { CodeSandboxPool } = require(join(root, 'apps/server/dist/sandbox/code-sandbox-pool.js'));

const calls = Number(process.env.CODE_BENCH_CALLS ?? 2000);
const workers = Number(process.env.CODE_WORKERS ?? 2);
const MB = 1024 * 1024;
const input = { trigger: { body: { order: { total: 250 } } }, nodes: {}, flow: { id: 'bench', name: 'bench' } };
const request = (code) => ({ code, input, timeoutMs: 1_000, memoryBytes: 32 * MB, maxOutputBytes: MB });

/** Median and p99 of `count` sequential calls of `fn`, in ms, after a warm-up. */
async function perCall(fn, count) {
  for (let i = 0; i < Math.min(200, count / 10); i++) await fn();
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn();
    times[i] = performance.now() - started;
  }
  times.sort();
  const at = (q) => Math.round(times[Math.min(count - 1, Math.floor(q * count))] * 1000) / 1000;
  return { calls: count, medianMs: at(0.5), p99Ms: at(0.99) };
}

async function throughput(pool, count) {
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next++;
      const result = await pool.run(request('return trigger.body.order.total * 1.2;'));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
  };
  await Promise.all(Array.from({ length: 64 }, lane));
  return { calls: count, inFlight: 64, workers, callsPerSec: Math.round(count / ((performance.now() - started) / 1000)) };
}

function flowWith(node) {
  const registry = createBuiltInRegistry();
  const compiled = compileFlow({
    flow: { name: 'bench', nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST' } }, { id: 'step', ...node }], edges: [{ id: 'e', source: 'hook', target: 'step' }] },
    registry,
  });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return compiled.value;
}

async function flowRuns(compiled, services, count) {
  const trigger = { body: { order: { total: 250 } }, query: {}, headers: {}, method: 'POST', receivedAt: new Date().toISOString(), eventId: 'bench' };
  return perCall(async () => {
    const result = await runFlow({ compiled, flow: { id: 'bench', name: 'bench' }, trigger, services });
    if (result.status !== 'success') throw new Error(JSON.stringify(result.error));
  }, count);
}

async function main() {
  const results = { date: new Date().toISOString(), node: process.version, calls, workers };
  results.inThread = await perCall(async () => {
    const result = await runInQuickJs(request('return 1;'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }, calls);
  console.log('runInQuickJs in this thread, `return 1`:', results.inThread);

  const pool = new CodeSandboxPool({ size: workers, maxTimeoutMs: 10_000, maxMemoryBytes: 128 * MB });
  try {
    results.pool = await perCall(async () => {
      const result = await pool.run(request('return 1;'));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }, calls);
    console.log('worker pool, one call at a time, `return 1`:', results.pool);
    results.poolThroughput = await throughput(pool, calls * 2);
    console.log('worker pool, 64 calls in flight:', results.poolThroughput);

    const transform = flowWith({ type: 'transform', params: { fields: { total: '{{trigger.body.order.total}}' } } });
    const code = flowWith({ type: 'code', params: { code: 'return { total: trigger.body.order.total * 1.2 };' } });
    results.flowTransform = await flowRuns(transform, {}, calls);
    console.log('flow run, webhook → transform (baseline):', results.flowTransform);
    results.flowCode = await flowRuns(code, { sandbox: pool }, calls);
    console.log('flow run, webhook → code through the pool:', results.flowCode);
    results.codeStepOverheadMs = Math.round((results.flowCode.medianMs - results.flowTransform.medianMs) * 1000) / 1000;
  } finally {
    await pool.close();
  }
  results.rssMb = Math.round(process.memoryUsage().rss / MB);
  console.log(`\ncode step costs ${results.codeStepOverheadMs} ms more than a transform step (median); pool ${results.poolThroughput.callsPerSec} calls/s on ${workers} workers; RSS ${results.rssMb} MB`);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'code-node.json'), JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
