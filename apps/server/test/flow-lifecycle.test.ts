// A flow's life over real HTTP: import, activate, receive events, run, read the executions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order, orderFlowTo } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Flow = { id: string; active: boolean; version: number; triggers: Array<{ nodeId: string; method: string; url: string }> };
type Execution = { id: string; status: string; eventId: string; steps: Array<{ nodeId: string; status: string; output: unknown; attempts: number }> };

describe('a flow from import to execution', () => {
  let server: TestServer;
  let sink: Sink;
  let flow: Flow;

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
    const created = await call<Flow>(server.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/orders`));
    expect(created.status).toBe(201);
    const activated = await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    expect(activated.status).toBe(200);
    flow = activated.body;
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('activation returns the trigger URL with its readable path', () => {
    expect(flow.active).toBe(true);
    expect(flow.triggers).toHaveLength(1);
    expect(flow.triggers[0]).toMatchObject({ nodeId: 'hook', method: 'POST' });
    expect(flow.triggers[0].url).toMatch(new RegExp(`^${server.url}/hooks/[A-Za-z0-9_-]{20,}/orders$`));
  });

  it('runs a JSON order end to end and the sink receives the shaped payload', async () => {
    const answer = await call<{ eventId: string }>(server.url, 'POST', new URL(flow.triggers[0].url).pathname, order(250, 'A-1'));
    expect(answer.status).toBe(202);
    expect(answer.body.eventId).toMatch(/^[0-9a-f-]{36}$/);
    const [received] = await sink.waitFor(1);
    expect(received.json()).toEqual({ order: 'A-1', total: 250, email: 'ada@example.com', items: [{ sku: 'A1', qty: 2 }] });
    expect(received.headers['x-source']).toBe('hookflow');
    await server.idle();
    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flow.id}`);
    const execution = list.body.items.find((item) => item.eventId === answer.body.eventId);
    expect(execution?.status).toBe('success');
    const detail = await call<Execution>(server.url, 'GET', `/api/executions/${execution?.id}`);
    expect(detail.body.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['hook', 'success'],
      ['shape', 'success'],
      ['big', 'success'],
      ['warehouse', 'success'],
    ]);
    expect(detail.body.steps[0].output).toMatchObject({ method: 'POST', body: order(250, 'A-1'), eventId: answer.body.eventId });
    expect(detail.body.steps[3].output).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('ends a small order as filtered and sends nothing', async () => {
    const before = sink.received.length;
    const answer = await call<{ eventId: string }>(server.url, 'POST', new URL(flow.triggers[0].url).pathname, order(20));
    expect(answer.status).toBe(202);
    await server.idle();
    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flow.id}&status=filtered`);
    expect(list.body.items.map((item) => item.eventId)).toContain(answer.body.eventId);
    expect(sink.received.length).toBe(before);
  });

  it('accepts form and XML bodies', async () => {
    const path = new URL(flow.triggers[0].url).pathname;
    const before = sink.received.length;
    const form = await call(server.url, 'POST', path, 'order[id]=F-1&order%5Btotal%5D=300', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(202);
    const xml = await call(server.url, 'POST', path, '<order><id>X-1</id><total>500</total><customer><email>B@X.IO</email></customer></order>', {
      'content-type': 'application/xml',
    });
    expect(xml.status).toBe(202);
    const received = await sink.waitFor(before + 1);
    await server.idle();
    // The form's flat keys do not match the order shape, so only the XML order passes the filter.
    expect(received.slice(before).map((request) => request.json())).toEqual([
      expect.objectContaining({ order: 'X-1', total: 500, email: 'b@x.io' }),
    ]);
    const events = await call<{ items: Array<{ body: unknown; contentType: string }> }>(server.url, 'GET', `/api/events?flowId=${flow.id}&limit=2`);
    expect(events.body.items[1].body).toEqual({ 'order[id]': 'F-1', 'order[total]': '300' });
  });

  it('retries an execution on the version it ran', async () => {
    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flow.id}&status=success&limit=1`);
    const [last] = list.body.items;
    const before = sink.received.length;
    const retry = await call<{ executionId: string; retryOf: string }>(server.url, 'POST', `/api/executions/${last.id}/retry`);
    expect(retry.status).toBe(202);
    await sink.waitFor(before + 1);
    await server.idle();
    const rerun = await call<Execution & { retryOf: string }>(server.url, 'GET', `/api/executions/${retry.body.executionId}`);
    expect(rerun.body).toMatchObject({ status: 'success', retryOf: last.id, eventId: last.eventId });
  });

  it('stops accepting events once deactivated', async () => {
    const path = new URL(flow.triggers[0].url).pathname;
    const off = await call(server.url, 'POST', `/api/flows/${flow.id}/deactivate`);
    expect(off.status).toBe(200);
    const answer = await call<{ error: string }>(server.url, 'POST', path, order(999));
    expect(answer.status).toBe(404);
    expect(answer.body.error).toBe('unknown_trigger');
    await call(server.url, 'POST', `/api/flows/${flow.id}/activate`);
  });
});
