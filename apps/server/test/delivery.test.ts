// Delivery that never gives up silently, over real HTTP: a failed execution waits in the failed
// list with the request it made and the answer it got, a replay delivers it once more and takes it
// off the list, outbound requests are signed so receivers' own libraries accept them, and a flow's
// "on error" flow hears about each failure.
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order, orderFlowTo, type FlowJson } from './support/flows';
import { startSink, type ReceivedRequest, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Flow = { id: string; version: number; versionId: string; triggers: Array<{ url: string }> };
type Failed = { id: string; eventId: string; status: string; error: { nodeId: string; message: string }; request: Record<string, unknown>; response: Record<string, unknown> };
type Execution = { id: string; status: string; eventId: string; retryOf: string | null; flowVersion: number; steps: Array<{ nodeId: string; attempts: number }> };
type Replayed = { replayed: Array<{ executionId: string; retryOf: string }> };

const WHSEC = `whsec_${Buffer.from('outbound secret for the warehouse').toString('base64')}`;
const GITHUB_SECRET = 'github-style-secret-123';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** The order flow aimed at the sink, two tries per call, each request signed. */
function warehouseFlow(url: string, extra: Record<string, unknown> = {}): FlowJson {
  const flow = orderFlowTo(url);
  const http = flow.nodes.find((node) => node.type === 'http');
  if (!http) throw new Error('no http node');
  http.params = { ...http.params, retry: { attempts: 2, backoffMs: 5 }, signing: { type: 'standard-webhooks', secret: WHSEC }, ...extra };
  return flow;
}

async function activeFlow(document: FlowJson): Promise<Flow> {
  const created = await call<Flow>(server.url, 'POST', '/api/flows', document);
  expect(created.status).toBe(201);
  const activated = await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
  expect(activated.status).toBe(200);
  return activated.body;
}

async function send(flow: Flow, body: unknown): Promise<string> {
  const answer = await call<{ eventId: string }>(server.url, 'POST', new URL(flow.triggers[0].url).pathname, body);
  expect(answer.status).toBe(202);
  await server.idle();
  return answer.body.eventId;
}

async function failedOf(flowId: string): Promise<Failed[]> {
  const answer = await call<{ items: Failed[] }>(server.url, 'GET', `/api/flows/${flowId}/failed`);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

async function replay(body: Record<string, unknown>): Promise<Replayed> {
  const answer = await call<Replayed>(server.url, 'POST', '/api/executions/replay', body);
  expect(answer.status).toBe(202);
  await server.idle();
  return answer.body;
}

function ordersIn(requests: ReceivedRequest[]): unknown[] {
  return requests.map((request) => (request.json() as { order: unknown }).order);
}

function headersOf(request: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
}

describe('a sink that fails three times, then recovers', () => {
  let sink: Sink;
  let flow: Flow;
  let failed: Failed;

  beforeAll(async () => {
    sink = await startSink();
    flow = await activeFlow(warehouseFlow(`${sink.url}/orders?api_key=k-0123456789`));
    sink.answers.push(503, 503, 503);
  });

  afterAll(async () => {
    await sink?.close();
  });

  it('fails after the two tries of the retry policy and lands in the failed list with request and response', async () => {
    const eventId = await send(flow, order(300, 'A-1'));
    expect(ordersIn(sink.received)).toEqual(['A-1', 'A-1']);
    const list = await failedOf(flow.id);
    expect(list).toHaveLength(1);
    failed = list[0];
    expect(failed).toMatchObject({ eventId, status: 'error', error: { nodeId: 'warehouse', message: expect.stringContaining('answered 503') } });
    expect(failed.request).toMatchObject({ method: 'POST', url: `${sink.url}/orders?api_key=%5Bredacted%5D`, headers: { 'x-source': 'hookflow' } });
    expect(failed.request.bodyPreview).toBe(sink.received[1].body);
    expect(failed.response).toMatchObject({ status: 503, bodyPreview: expect.stringContaining('"ok":false') });
    expect(JSON.stringify(list)).not.toContain('k-0123456789');
    const detail = await call<Execution>(server.url, 'GET', `/api/executions/${failed.id}`);
    expect(detail.body.steps.find((step) => step.nodeId === 'warehouse')?.attempts).toBe(2);
    expect(JSON.stringify(detail.body)).not.toContain(WHSEC);
    expect(JSON.stringify(list)).not.toContain(WHSEC);
    expect(JSON.stringify((await call(server.url, 'GET', `/api/flows/${flow.id}`)).body)).not.toContain(WHSEC);
    const errors = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?status=error&flowId=${flow.id}`);
    expect(errors.body.items.map((item) => item.id)).toEqual([failed.id]);
  });

  it('records the attempts of a call that succeeds on its second try', async () => {
    await send(flow, order(400, 'B-1'));
    expect(ordersIn(sink.received).slice(2)).toEqual(['B-1', 'B-1']);
    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?status=success&flowId=${flow.id}`);
    const detail = await call<Execution>(server.url, 'GET', `/api/executions/${list.body.items[0].id}`);
    expect(detail.body.steps.find((step) => step.nodeId === 'warehouse')?.attempts).toBe(2);
  });

  it('signs every request with Standard Webhooks headers that the standardwebhooks library verifies', () => {
    const webhook = new Webhook(WHSEC);
    for (const request of sink.received) expect(webhook.verify(request.body, headersOf(request))).toMatchObject({ order: expect.any(String) });
    expect(() => new Webhook(WHSEC).verify(`${sink.received[0].body} `, headersOf(sink.received[0]))).toThrow();
  });

  it('replaying the failed execution after recovery delivers the event exactly once more and empties the list', async () => {
    const before = sink.received.length;
    const answer = await replay({ executionIds: [failed.id], version: 'original' });
    expect(answer.replayed).toEqual([{ executionId: expect.any(String), retryOf: failed.id, eventId: failed.eventId, flowVersionId: flow.versionId }]);
    expect(ordersIn(sink.received.slice(before))).toEqual(['A-1']);
    const replayed = await call<Execution>(server.url, 'GET', `/api/executions/${answer.replayed[0].executionId}`);
    expect(replayed.body).toMatchObject({ status: 'success', retryOf: failed.id, eventId: failed.eventId });
    expect(await failedOf(flow.id)).toEqual([]);
  });
});

describe('replaying many', () => {
  let sink: Sink;
  let flow: Flow;

  beforeAll(async () => {
    sink = await startSink();
    flow = await activeFlow(warehouseFlow(`${sink.url}/orders`));
  });

  afterAll(async () => {
    await sink?.close();
  });

  it('replays every failed execution of a flow, each once', async () => {
    sink.answers.push(503, 503, 503, 503);
    await send(flow, order(500, 'C-1'));
    await send(flow, order(600, 'D-1'));
    expect(await failedOf(flow.id)).toHaveLength(2);
    const before = sink.received.length;
    const answer = await replay({ flowId: flow.id, allFailed: true, version: 'original' });
    expect(answer.replayed).toHaveLength(2);
    expect(ordersIn(sink.received.slice(before)).sort()).toEqual(['C-1', 'D-1']);
    expect(await failedOf(flow.id)).toEqual([]);
    expect((await replay({ flowId: flow.id, allFailed: true, version: 'original' })).replayed).toEqual([]);
  });

  it('keeps a replay that fails again in the list, once, as the latest try', async () => {
    sink.answers.push(503, 503, 503, 503);
    await send(flow, order(700, 'E-1'));
    const [first] = await failedOf(flow.id);
    const answer = await replay({ executionIds: [first.id], version: 'original' });
    const list = await failedOf(flow.id);
    expect(list.map((item) => item.id)).toEqual([answer.replayed[0].executionId]);
    await replay({ executionIds: [list[0].id], version: 'original' });
    expect(await failedOf(flow.id)).toEqual([]);
  });

  it('replays on the current version when asked, signed the new way', async () => {
    sink.answers.push(503, 503);
    await send(flow, order(800, 'F-1'));
    const [failed] = await failedOf(flow.id);
    const v2 = warehouseFlow(`${sink.url}/orders-v2`, { signing: { type: 'github', secret: GITHUB_SECRET } });
    const saved = await call<Flow>(server.url, 'PUT', `/api/flows/${flow.id}`, v2);
    expect(saved.status).toBe(200);
    const before = sink.received.length;
    const answer = await replay({ executionIds: [failed.id], version: 'current' });
    expect(answer.replayed[0]).toMatchObject({ retryOf: failed.id, flowVersionId: saved.body.versionId });
    const [request] = sink.received.slice(before);
    expect(request.url).toBe('/orders-v2');
    expect(await verifyGithub(GITHUB_SECRET, request.body, String(request.headers['x-hub-signature-256']))).toBe(true);
    const replayed = await call<Execution>(server.url, 'GET', `/api/executions/${answer.replayed[0].executionId}`);
    expect(replayed.body).toMatchObject({ status: 'success', flowVersion: saved.body.version });
  });

  it('answers 400 with a reason for a bad replay request and runs nothing', async () => {
    const before = sink.received.length;
    for (const body of [{}, { allFailed: true }, { executionIds: [] }, { executionIds: ['nope'] }, { executionIds: ['x'], version: 'newest' }]) {
      const answer = await call<{ errors: Array<{ path: string; message: string }> }>(server.url, 'POST', '/api/executions/replay', body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].message.length).toBeGreaterThan(0);
    }
    const unknownFlow = await call(server.url, 'POST', '/api/executions/replay', { flowId: 'no-such-flow', allFailed: true });
    expect(unknownFlow.status).toBe(404);
    expect((await call(server.url, 'GET', '/api/flows/no-such-flow/failed')).status).toBe(404);
    await server.idle();
    expect(sink.received.length).toBe(before);
  });
});

describe('the on-error flow', () => {
  let sink: Sink;

  beforeAll(async () => {
    sink = await startSink();
  });

  afterAll(async () => {
    await sink?.close();
  });

  it('receives { flow, execution, error } when a flow fails, and its own failure notifies nobody', async () => {
    const alerts = await activeFlow(alertFlow(`${sink.url}/alerts`));
    // The error flow names itself: its own failure must not start it again.
    const selfReferencing = { ...alertFlow(`${sink.url}/alerts`), settings: { onErrorFlowId: alerts.id } };
    expect((await call(server.url, 'PUT', `/api/flows/${alerts.id}`, selfReferencing)).status).toBe(200);
    const watched = await activeFlow({ ...warehouseFlow(`${sink.url}/orders`), settings: { onErrorFlowId: alerts.id } });
    sink.answers.push(503, 503, 500, 500);
    const eventId = await send(watched, order(900, 'G-1'));
    await server.idle();
    const alert = sink.received.find((request) => request.url === '/alerts');
    const [failed] = await failedOf(watched.id);
    expect(alert?.json()).toEqual({
      flow: { id: watched.id, name: 'Big orders to the warehouse' },
      execution: { id: failed.id, status: 'error', startedAt: expect.any(String), eventId },
      error: { nodeId: 'warehouse', message: expect.stringContaining('answered 503'), kind: 'runtime' },
    });
    const alertRuns = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${alerts.id}`);
    expect(alertRuns.body.items.map((item) => item.status)).toEqual(['error']);
    expect(sink.received.filter((request) => request.url === '/alerts')).toHaveLength(2);
  });
});

/** A flow that forwards the whole trigger body of an error notification to the sink. */
function alertFlow(url: string): FlowJson {
  return {
    name: 'Alerts',
    nodes: [
      { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST', path: 'alerts' } },
      { id: 'notify', type: 'http', position: { x: 260, y: 0 }, params: { method: 'POST', url, body: '{{json trigger.body}}', headers: { 'content-type': 'application/json' }, retry: { attempts: 2, backoffMs: 5 } } },
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'notify', sourceHandle: null }],
  };
}
