// The schedule trigger over real HTTP and real processes: each tick is a stored event (method
// SCHEDULE) that runs the flow like a webhook's request; a scheduled flow has no URL; a bad cron
// expression is refused with the reason; ticks missed while no server ran are skipped, one log line
// each, not run in a burst; and with several mains each tick runs once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { startChildServer, type ChildServer } from './support/child-server';
import type { FlowJson } from './support/flows';
import { startTestServer, testBackendEnv, type TestServer } from './support/test-server';
import { queueTestsEnabled, startTopology, type Topology } from './support/topology';

type Execution = { id: string; status: string; eventId: string };
type StoredEvent = { id: string; method: string; path: string; body: unknown };
type Tick = { scheduledFor: string; firedAt: string; cron: string; timezone: string };

/** Every second (croner's optional seconds field), so a test sees several ticks in a few seconds. */
function everySecond(name = 'every second'): FlowJson {
  return {
    name,
    nodes: [
      { id: 'tick', type: 'schedule', position: { x: 0, y: 0 }, params: { cron: '* * * * * *', timezone: 'Europe/Berlin' } },
      { id: 'note', type: 'transform', position: { x: 200, y: 0 }, params: { fields: { at: '{{trigger.body.scheduledFor}}' } } },
    ],
    edges: [{ id: 'e1', source: 'tick', target: 'note' }],
  };
}

async function create(base: string, flow: FlowJson): Promise<string> {
  const created = await call<{ id: string }>(base, 'POST', '/api/flows', flow);
  expect(created.status).toBe(201);
  return created.body.id;
}

async function eventsOf(base: string, flowId: string): Promise<StoredEvent[]> {
  return (await call<{ items: StoredEvent[] }>(base, 'GET', `/api/events?flowId=${flowId}&limit=200`)).body.items;
}

async function ticksOf(base: string, flowId: string): Promise<string[]> {
  const events = await eventsOf(base, flowId);
  return events.map((event) => (typeof event.body === 'string' ? (JSON.parse(event.body) as Tick) : (event.body as Tick)).scheduledFor);
}

describe('schedule trigger', () => {
  let server: TestServer | undefined;
  let child: ChildServer | undefined;
  let topology: Topology | undefined;
  const cleanups: Array<() => Promise<void>> = [];

  afterAll(async () => {
    await server?.close();
    await child?.kill('SIGKILL');
    await topology?.close();
    for (const cleanup of cleanups) await cleanup();
  });

  it('runs the flow at each tick from a stored event, and stops when the flow is deactivated', { timeout: 30_000 }, async () => {
    server = await startTestServer();
    const flowId = await create(server.url, everySecond());
    const activated = await call<{ triggers: unknown[] }>(server.url, 'POST', `/api/flows/${flowId}/activate`);
    expect(activated.status).toBe(200);
    // A scheduled flow takes no requests: it has no trigger URL.
    expect(activated.body.triggers).toEqual([]);

    await expect.poll(async () => (await call<{ items: Execution[] }>(server!.url, 'GET', `/api/executions?flowId=${flowId}&status=success`)).body.items.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const events = await eventsOf(server.url, flowId);
    expect(events[0]).toMatchObject({ method: 'SCHEDULE', path: `/schedule/${flowId}` });
    const [run] = (await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flowId}&status=success`)).body.items;
    const detail = await call<{ steps: Array<{ nodeId: string; output: Record<string, unknown> }> }>(server.url, 'GET', `/api/executions/${run.id}`);
    const tick = detail.body.steps[0].output.body as Tick;
    expect(tick).toMatchObject({ cron: '* * * * * *', timezone: 'Europe/Berlin' });
    expect(detail.body.steps[1].output).toEqual({ at: tick.scheduledFor });
    // Each tick once, on a whole second.
    const ticks = await ticksOf(server.url, flowId);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.every((at) => at.endsWith('.000Z'))).toBe(true);

    // A tick is replayed like a request: a new event with the same tick time, run again.
    const replayed = await call<{ eventId: string }>(server.url, 'POST', `/api/events/${run.eventId}/replay`);
    expect(replayed.status).toBe(202);
    await expect
      .poll(async () => (await call<{ items: Execution[] }>(server!.url, 'GET', `/api/executions?flowId=${flowId}&limit=200`)).body.items.find((item) => item.eventId === replayed.body.eventId)?.status, { timeout: 10_000 })
      .toBe('success');
    const again = (await eventsOf(server.url, flowId)).find((event) => event.id === replayed.body.eventId);
    expect(again?.method).toBe('SCHEDULE');
    expect(JSON.stringify(again?.body)).toContain(tick.scheduledFor);

    expect((await call(server.url, 'POST', `/api/flows/${flowId}/deactivate`)).status).toBe(200);
    // The scheduler sees the change within its refresh (2 s); after that, no new tick is stored.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const stopped = (await eventsOf(server.url, flowId)).length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await eventsOf(server.url, flowId)).length).toBe(stopped);
  });

  it('refuses a cron expression or time zone it cannot read, with the reason', async () => {
    server ??= await startTestServer();
    const flow = everySecond('bad schedule');
    flow.nodes[0].params = { cron: 'every morning', timezone: 'Mars/Olympus' };
    // Saved as a draft with its problems; activation is refused with the reason.
    const flowId = await create(server.url, flow);
    const activated = await call(server.url, 'POST', `/api/flows/${flowId}/activate`);
    expect(activated.status).toBe(400);
    const messages = (activated.body as { errors?: Array<{ message: string }> }).errors?.map((error) => error.message) ?? [];
    expect(messages.join('\n')).toContain('"Mars/Olympus" is not a time zone; use a name such as UTC or Europe/Berlin');
  });

  it('skips the ticks missed while no server ran, one log line each, and goes on with the next', { timeout: 60_000 }, async () => {
    const store = await testBackendEnv();
    cleanups.push(store.drop);
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-schedule-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, SCHEDULE_MISSED_AFTER_SECONDS: '1', ...store.env };
    child = await startChildServer(env);
    const flowId = await create(child.url, everySecond('survives restarts'));
    expect((await call(child.url, 'POST', `/api/flows/${flowId}/activate`)).status).toBe(200);
    const first = child.url;
    await expect.poll(async () => (await eventsOf(first, flowId)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await child.kill('SIGKILL');
    const diedAt = Date.now();
    // Ticks count as missed once SCHEDULE_MISSED_AFTER_SECONDS (default 60) have passed; 1 here, so
    // a few seconds down miss a few ticks.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    child = await startChildServer(env);
    const restartedAt = Date.now();
    const second = child.url;
    await expect.poll(() => child!.logs.filter((line) => line.includes('schedule tick missed')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const missed = child.logs.filter((line) => line.includes('schedule tick missed')).map((line) => (JSON.parse(line) as { scheduledFor: string }).scheduledFor);
    expect(missed.every((at) => Date.parse(at) > diedAt - 1_000 && Date.parse(at) < restartedAt)).toBe(true);
    // It goes on with new ticks, and none of the missed ones ran.
    await expect.poll(async () => (await ticksOf(second, flowId)).filter((at) => Date.parse(at) >= restartedAt).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const ran = new Set(await ticksOf(second, flowId));
    expect(missed.filter((at) => ran.has(at))).toEqual([]);
  });

  it('runs the ticks of a short restart late rather than losing them, each once', { timeout: 60_000 }, async () => {
    const store = await testBackendEnv();
    cleanups.push(store.drop);
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-schedule-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATA_DIR: dataDir, ...store.env };
    let server = await startChildServer(env);
    const flowId = await create(server.url, everySecond('restarted quickly'));
    expect((await call(server.url, 'POST', `/api/flows/${flowId}/activate`)).status).toBe(200);
    const first = server.url;
    await expect.poll(async () => (await eventsOf(first, flowId)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await server.kill('SIGKILL');
    const diedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    server = await startChildServer(env);
    cleanups.push(() => server.kill('SIGKILL'));
    const restartedAt = Date.now();
    const second = server.url;
    // Down for less than SCHEDULE_MISSED_AFTER_SECONDS (60): the ticks it slept through run at start.
    await expect
      .poll(async () => (await ticksOf(second, flowId)).filter((at) => Date.parse(at) > diedAt + 500 && Date.parse(at) < restartedAt - 500).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    const ticks = await ticksOf(second, flowId);
    expect(ticks.length - new Set(ticks).size).toBe(0);
    expect(server.logs.some((line) => line.includes('schedule tick missed'))).toBe(false);
  });

  it.runIf(queueTestsEnabled)('runs each tick once with two mains', { timeout: 90_000 }, async () => {
    topology = await startTopology({ mains: 2, workers: 1 });
    const [one, two] = topology.mains;
    const flowId = await create(one.url, everySecond('two mains'));
    expect((await call(one.url, 'POST', `/api/flows/${flowId}/activate`)).status).toBe(200);
    await expect.poll(async () => (await ticksOf(two.url, flowId)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    const ticks = await ticksOf(two.url, flowId);
    expect(ticks.length - new Set(ticks).size).toBe(0);
    await expect
      .poll(async () => (await call<{ items: Execution[] }>(two.url, 'GET', `/api/executions?flowId=${flowId}&limit=200`)).body.items.filter((run) => run.status === 'success').length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(5);
  });
});
