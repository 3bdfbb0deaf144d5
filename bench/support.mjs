// What the benches share: the order bodies, the processes they start, the API client, autocannon
// runs and their summaries, and CPU/memory readings from /proc. Loopback only; every wait is bounded.
import autocannon from 'autocannon';
import { fork, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const root = resolve(import.meta.dirname, '..');

// ~1 KB order; every fifth is small, so about 80% pass the "total > 100" filter. Each request gets
// its own order id (the sink counts distinct orders); the body is assembled from cached parts so
// the load generator spends its CPU on sending rather than on JSON.stringify.
const itemsJson = Array.from({ length: 97 }, (_, k) =>
  JSON.stringify(Array.from({ length: 8 }, (_, n) => ({ sku: `SKU-${n}-${k}`, name: `Item number ${n}`, qty: 1 + (n % 3), price: 9.99 + n }))),
);

export function orderBody(i, prefix = 'B') {
  const total = i % 5 === 0 ? 40 : 250 + (i % 100);
  return `{"order":{"id":"${prefix}-${i}","total":${total},"currency":"EUR","createdAt":"2026-11-26T10:00:00Z","customer":{"email":"Buyer${i}@Example.com","name":"Bench Buyer","address":{"city":"Lyon","zip":"69001"}},"items":${itemsJson[i % 97]}}}`;
}

/** Forks one of the bench's small servers; resolves with its port once it listens. */
export function forkServer(file, env = {}) {
  const child = fork(join(import.meta.dirname, file), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  return new Promise((ok) => child.once('message', (message) => ok({ child, port: message.port })));
}

/** Starts the built server with env; resolves once it logs that it listens. */
export function startServer(env, { nodeArgs = [], log } = {}) {
  const heap = `--max-old-space-size=${process.env.HEAP_MB ?? 1024}`;
  const child = spawn(process.execPath, [heap, ...nodeArgs, join(root, 'apps/server/dist/main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error('Hookflow did not start (it must log at info level: "listening")'));
    }, 30_000);
    const keep = log ? createWriteStream(log) : undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      keep?.write(`${line}\n`);
      const match = /"port":(\d+)/.exec(line);
      if (match && line.includes('listening')) {
        clearTimeout(timer);
        ok({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    });
    child.once('exit', (code) => fail(new Error(`Hookflow exited with ${code}`)));
  });
}

/** An API client for one server: signs in as the owner and makes the API key a deploy script would. */
export async function apiClient(base, owner) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(owner) });
  if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().find((line) => line.startsWith('hookflow_session=')).split(';')[0];
  const created = await fetch(`${base}/api/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-hookflow-csrf': '1' }, body: JSON.stringify({ name: 'bench' }) });
  if (!created.ok) throw new Error(`API key: ${created.status} ${await created.text()}`);
  const key = (await created.json()).key;
  const api = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: body && JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const activeFlow = async (document) => {
    const flow = await api('POST', '/api/flows', document);
    const active = await api('POST', `/api/flows/${flow.id}/activate`);
    return { id: flow.id, url: active.triggers[0].url.replace(/^http:\/\/[^/]+/, base) };
  };
  return { api, activeFlow };
}

/** The order example, its http node aimed at the sink. */
export function orderFlow(sinkPort) {
  const order = JSON.parse(readFileSync(join(root, 'examples/flows/order-to-http.json'), 'utf8'));
  order.nodes.find((node) => node.type === 'http').params.url = `http://127.0.0.1:${sinkPort}/orders`;
  return order;
}

/**
 * The branching flow: a switch sends every order down "all" and big ones (total > 100) also down
 * "big"; one branch reshapes it (transform), the other scores it in the code node; a merge joins
 * what ran and posts it to the sink. Every event runs 5-6 nodes, one of them in the sandbox.
 */
export function branchingFlow(sinkPort) {
  return {
    name: 'bench branching',
    nodes: [
      { id: 'hook', type: 'webhook', params: { method: 'POST' } },
      {
        id: 'route',
        type: 'switch',
        params: {
          mode: 'all',
          rules: [
            { output: 'all', conditions: [{ left: '{{trigger.body.order.id}}', op: 'exists' }] },
            { output: 'big', conditions: [{ left: '{{trigger.body.order.total}}', op: 'gt', right: 100 }] },
          ],
        },
      },
      { id: 'shape', type: 'transform', params: { fields: { orderId: '{{trigger.body.order.id}}', email: '{{lowercase trigger.body.order.customer.email}}' } } },
      {
        id: 'score',
        type: 'code',
        params: { code: 'const items = trigger.body.order.items;\nreturn { lines: items.length, quantity: items.reduce((sum, item) => sum + item.qty, 0), vip: trigger.body.order.total > 300 };' },
      },
      { id: 'join', type: 'merge', params: {} },
      { id: 'deliver', type: 'http', params: { method: 'POST', url: `http://127.0.0.1:${sinkPort}/orders`, body: { order: '{{trigger.body.order.id}}', merged: '{{nodes.join}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'hook', target: 'route' },
      { id: 'e2', source: 'route', target: 'shape', sourceHandle: 'all' },
      { id: 'e3', source: 'route', target: 'score', sourceHandle: 'big' },
      { id: 'e4', source: 'shape', target: 'join' },
      { id: 'e5', source: 'score', target: 'join' },
      { id: 'e6', source: 'join', target: 'deliver' },
    ],
  };
}

/** autocannon against a trigger URL: for `seconds`, or `amount` requests when given. */
export function load(url, { connections, seconds, amount, prefix }) {
  let i = 0;
  return autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: orderBody(i++, prefix) }) }],
  });
}

export function summary(result) {
  return {
    requestsPerSec: Math.round(result.requests.average),
    accepted: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
  };
}

export const ratio = (measured, reference) => Math.round((measured.requestsPerSec / reference.requestsPerSec) * 100) / 100;

export function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
}

/**
 * CPU time a process has used, all threads, in ms (Linux /proc; clock ticks of 10 ms). Divided by
 * the requests of a phase it gives CPU per request, which moves far less between runs than
 * throughput does on a shared machine.
 */
export function cpuMs(pid, thread = false) {
  const fields = readFileSync(thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time a process has spent in the kernel (system calls: sockets, files), in ms. */
export function systemCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[12]) * 10;
}

/** CPU of the whole process and of its main thread (the JavaScript event loop). */
export const cpuOf = (pid) => ({ all: cpuMs(pid), main: cpuMs(pid, true) });
export const usPer = (before, after, count) => ({ all: Math.round(((after.all - before.all) * 1000) / count), mainThread: Math.round(((after.main - before.main) * 1000) / count) });

export const sinkCount = (sink) =>
  new Promise((ok) => {
    sink.once('message', ok);
    sink.send('count');
  });

/** Resolves once the server's own view of its backlog is empty (bounded). */
export async function waitForIdle(api) {
  for (let i = 0; i < 1200; i += 1) {
    const health = await api('GET', '/healthz');
    if (health.backlog === 0) return;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error('executions did not drain within 300 s');
}
