// GET /metrics as Prometheus scrapes it: after real traffic (accepted events whose flow calls a
// local sink answering 200 and 500, duplicates, a rate-limited request, rejections of each kind),
// the counters carry the right labels and values, and never an event id, a URL or a trigger key.
// A token guards the endpoint when set; METRICS_ENABLED=false takes it away; every application in
// the process counts on its own; in queue mode a worker counts the executions it runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory';
import { loadSettings } from '../src/config/settings';
import { createLogger } from '../src/logging/logger';
import { call, plainFetch } from './support/api';
import { order } from './support/flows';
import { parseMetrics, scrape, valueOf, type Sample } from './support/metrics-text';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';
import { activeOrderFlow, type ActiveFlow } from './support/webhook-flows';

type Answer = { eventId?: string; duplicate?: boolean; dropped?: boolean; error?: string };

const TOKEN = 'metrics-token-for-tests-0123456789';

describe('metrics', () => {
  let server: TestServer;
  let guarded: TestServer;
  let sink: Sink;
  let orders: ActiveFlow;
  let stale: ActiveFlow;
  const eventIds: string[] = [];
  let text: string;
  let samples: Sample[];

  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const answer = await call<Answer>(server.url, 'POST', path, body, { 'content-type': 'application/json', ...headers });
    if (typeof answer.body === 'object' && answer.body?.eventId) eventIds.push(answer.body.eventId);
    return answer.status;
  };

  beforeAll(async () => {
    [server, guarded, sink] = await Promise.all([startTestServer({ MAX_BODY_BYTES: '4096' }), startTestServer({ METRICS_TOKEN: TOKEN }), startSink()]);
    orders = await activeOrderFlow(server.url, sink.url, { dedupe: {}, rateLimit: { requests: 3, perSeconds: 60 } });
    stale = await activeOrderFlow(server.url, sink.url, { dropOlderThan: { source: 'body', path: 'created', maxAgeSeconds: 300 } });

    // orders: one run the sink answers 200, one it answers 500 (after the http node's 3 tries),
    // a repeat of the first delivery id, then the rate limit (3 a minute).
    expect(await post(orders.path, JSON.stringify(order(150, 'o-ok')), { 'idempotency-key': 'k-1' })).toBe(202);
    await server.idle();
    sink.answers.push(500, 500, 500);
    expect(await post(orders.path, JSON.stringify(order(160, 'o-fails')), { 'idempotency-key': 'k-2' })).toBe(202);
    await server.idle();
    expect(await post(orders.path, JSON.stringify(order(150, 'o-ok')), { 'idempotency-key': 'k-1' })).toBe(200);
    expect(await post(orders.path, JSON.stringify(order(170)), { 'idempotency-key': 'k-3' })).toBe(429);

    // stale: a small order (filtered), an old one (dropped), then refusals.
    const now = Math.floor(Date.now() / 1000);
    expect(await post(stale.path, JSON.stringify({ created: now, ...order(50) }))).toBe(202);
    expect(await post(stale.path, JSON.stringify({ created: now - 3600, ...order(150) }))).toBe(200);
    expect(await post(stale.path, '{"order": ')).toBe(400);
    expect((await call(server.url, 'GET', stale.path)).status).toBe(405);
    expect(await post(stale.path, JSON.stringify({ pad: 'x'.repeat(8192) }))).toBe(413);
    expect(await post('/hooks/no-such-trigger-key-4f2a/orders', '{}')).toBe(404);
    await server.idle();

    const scraped = await scrape(server.url);
    expect(scraped.status).toBe(200);
    expect(scraped.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    text = scraped.text;
    samples = parseMetrics(text);
  });

  afterAll(async () => {
    await server?.close();
    await guarded?.close();
    await sink?.close();
  });

  const requests = (flow: string, outcome: string, reason = '') => valueOf(samples, 'hookflow_trigger_requests_total', { flow, outcome, reason });

  it('counts trigger requests by flow, outcome and reason', () => {
    expect(requests(orders.id, 'accepted')).toBe(2);
    expect(requests(orders.id, 'duplicate')).toBe(1);
    expect(requests(orders.id, 'rate_limited')).toBe(1);
    expect(requests(stale.id, 'accepted')).toBe(1);
    expect(requests(stale.id, 'dropped')).toBe(1);
    expect(requests(stale.id, 'rejected', 'bad_body')).toBe(1);
    expect(requests(stale.id, 'rejected', 'method')).toBe(1);
    // Refused while the body was read, before intake: still counted under its flow.
    expect(requests(stale.id, 'rejected', 'body_too_large')).toBe(1);
    expect(requests('none', 'rejected', 'unknown_route')).toBe(1);
    expect(valueOf(samples, 'hookflow_trigger_requests_total')).toBe(10);
    expect(valueOf(samples, 'hookflow_trigger_request_duration_seconds_count', { outcome: 'accepted' })).toBe(3);
    expect(valueOf(samples, 'hookflow_trigger_request_duration_seconds_count')).toBe(10);
  });

  it('counts executions by flow and status, and their durations', () => {
    expect(valueOf(samples, 'hookflow_executions_total', { flow: orders.id, status: 'success' })).toBe(1);
    expect(valueOf(samples, 'hookflow_executions_total', { flow: orders.id, status: 'error' })).toBe(1);
    expect(valueOf(samples, 'hookflow_executions_total', { flow: stale.id, status: 'filtered' })).toBe(1);
    expect(valueOf(samples, 'hookflow_execution_duration_seconds_count')).toBe(3);
    expect(valueOf(samples, 'hookflow_execution_duration_seconds_count', { status: 'error' })).toBe(1);
  });

  it('times node steps by node type and status', () => {
    const steps = (nodeType: string, status: string) => valueOf(samples, 'hookflow_node_step_duration_seconds_count', { node_type: nodeType, status });
    expect(steps('webhook', 'success')).toBe(3);
    expect(steps('transform', 'success')).toBe(3);
    expect(steps('filter', 'success')).toBe(3);
    expect(steps('http', 'success')).toBe(1);
    expect(steps('http', 'error')).toBe(1);
    // The failed call waited for its retries: at least as long as its steps took.
    expect(valueOf(samples, 'hookflow_node_step_duration_seconds_sum', { node_type: 'http', status: 'error' })).toBeGreaterThan(0);
  });

  it('counts outbound HTTP by node type and status class, once per call after retries', () => {
    expect(sink.received).toHaveLength(4);
    expect(valueOf(samples, 'hookflow_outbound_requests_total', { node_type: 'http', status_class: '2xx' })).toBe(1);
    expect(valueOf(samples, 'hookflow_outbound_requests_total', { node_type: 'http', status_class: '5xx' })).toBe(1);
    expect(valueOf(samples, 'hookflow_outbound_requests_total')).toBe(2);
  });

  it('reads the backlog and running executions at scrape time, and has the process metrics', () => {
    expect(samples.find((sample) => sample.name === 'hookflow_dispatch_backlog')?.value).toBe(0);
    expect(samples.find((sample) => sample.name === 'hookflow_executions_running')?.value).toBe(0);
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(samples.some((sample) => sample.name === name), name).toBe(true);
    }
  });

  it('never shows an event id, a URL, a trigger key or a sender value', () => {
    expect(eventIds.length).toBeGreaterThanOrEqual(4);
    for (const id of eventIds) expect(text).not.toContain(id);
    for (const piece of ['/hooks/', 'no-such-trigger-key', '127.0.0.1', 'localhost', 'o-ok', 'k-1', orders.path.split('/')[2]]) {
      expect(text, piece).not.toContain(piece);
    }
    // Hookflow's labels, then prom-client's process ones (histogram buckets, GC kind, heap space, Node version).
    const allowed = ['flow', 'outcome', 'reason', 'status', 'node_type', 'status_class', 'le', 'kind', 'space', 'type', 'version', 'major', 'minor', 'patch'];
    const labelNames = new Set(samples.flatMap((sample) => Object.keys(sample.labels)));
    for (const name of labelNames) expect(allowed).toContain(name);
  });

  it('needs the bearer token when METRICS_TOKEN is set, and no session', async () => {
    const none = await scrape(guarded.url);
    expect(none.status).toBe(401);
    const wrong = await plainFetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await scrape(guarded.url, { authorization: TOKEN })).status).toBe(401);
    const right = await scrape(guarded.url, { authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
    // Its own registry: the other server's traffic in this process is not counted here.
    const own = parseMetrics(right.text);
    expect(valueOf(own, 'hookflow_trigger_requests_total')).toBe(0);
    expect(own.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
  });

  it('answers 404 when METRICS_ENABLED=false, and intake still works', async () => {
    const off = await startTestServer({ METRICS_ENABLED: 'false' });
    try {
      const flow = await activeOrderFlow(off.url, sink.url, {});
      expect((await call(off.url, 'POST', flow.path, JSON.stringify(order(20)), { 'content-type': 'application/json' })).status).toBe(202);
      await off.idle();
      const answer = await scrape(off.url);
      expect(answer.status).toBe(404);
      expect(answer.text).toMatch(/METRICS_ENABLED=false/);
    } finally {
      await off.close();
    }
  });

  it('leaves no running timer behind when an application closes', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    for (let i = 0; i < 3; i += 1) {
      const other = await startTestServer();
      expect((await scrape(other.url)).status).toBe(200);
      await other.close();
    }
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe.runIf(process.env.TEST_QUEUE_MODE === '1' && process.env.DATABASE_URL !== undefined)('metrics in queue mode', () => {
  let main: TestServer;
  let worker: NestFastifyApplication;
  let workerUrl: string;
  let workerDir: string;
  let sink: Sink;

  beforeAll(async () => {
    [main, sink] = await Promise.all([startTestServer({ ROLE: 'main' }), startSink()]);
    const { DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, QUEUE_PREFIX, ENCRYPTION_KEY } = main.settings;
    workerDir = mkdtempSync(join(tmpdir(), 'hookflow-metrics-worker-'));
    const env = { DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, QUEUE_PREFIX, ENCRYPTION_KEY, ROLE: 'worker', DATA_DIR: workerDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    worker = await createApp({ settings: loadSettings(env), logger: createLogger('silent') });
    await worker.listen({ port: 0, host: '127.0.0.1' });
    const address = worker.getHttpServer().address();
    workerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await worker?.close();
    await main?.close();
    await sink?.close();
    if (workerDir) rmSync(workerDir, { recursive: true, force: true });
  });

  it('a main counts what it accepts, the worker the executions it runs', async () => {
    const flow = await activeOrderFlow(main.url, sink.url, {});
    expect((await call(main.url, 'POST', flow.path, JSON.stringify(order(150)), { 'content-type': 'application/json' })).status).toBe(202);
    await sink.waitFor(1);
    await main.idle();

    const onMain = parseMetrics((await scrape(main.url)).text);
    const onWorker = parseMetrics((await scrape(workerUrl)).text);
    expect(valueOf(onMain, 'hookflow_trigger_requests_total', { flow: flow.id, outcome: 'accepted' })).toBe(1);
    expect(valueOf(onMain, 'hookflow_executions_total')).toBe(0);
    expect(valueOf(onWorker, 'hookflow_executions_total', { flow: flow.id, status: 'success' })).toBe(1);
    expect(valueOf(onWorker, 'hookflow_outbound_requests_total', { node_type: 'http', status_class: '2xx' })).toBe(1);
    expect(valueOf(onWorker, 'hookflow_trigger_requests_total')).toBe(0);
    // The queue's counts, read from Redis at scrape time by either role.
    expect(onWorker.find((sample) => sample.name === 'hookflow_dispatch_backlog')?.value).toBe(0);
  });
});
