// "Test this node": one node of the draft runs on its own, with the sample as its trigger and the
// outputs of earlier nodes the editor sends, over real HTTP. The http node really calls its endpoint
// (a local sink here); no other node runs, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order, orderFlowTo, type FlowJson } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Step = { nodeId: string; status: string; handle?: string; input?: Record<string, unknown>; output?: unknown; error?: { message: string; kind: string; param?: string } };

const shaped = { orderId: 'A-7', total: 250, currency: 'EUR', customer: { email: 'ada@example.com', name: 'Ada' }, items: [] };

describe('POST /api/flows/:id/nodes/:nodeId/test', () => {
  let server: TestServer;
  let sink: Sink;
  let flowId: string;
  let draft: FlowJson;
  const test = (nodeId: string, body: Record<string, unknown>) => call<{ step: Step; errors?: unknown[]; message?: string }>(server.url, 'POST', `/api/flows/${flowId}/nodes/${nodeId}/test`, body);

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
    const created = await call<{ id: string }>(server.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/saved`));
    expect(created.status).toBe(201);
    flowId = created.body.id;
    // The editor's unsaved draft: the warehouse URL changed since the last save.
    draft = orderFlowTo(`${sink.url}/draft`);
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('runs the transform on the sample alone and answers its step', async () => {
    const answer = await test('shape', { flow: draft, payload: order(250, 'A-7') });
    expect(answer.status).toBe(200);
    expect(answer.body.step).toMatchObject({ nodeId: 'shape', status: 'success', output: { orderId: 'A-7', total: 250, customer: { email: 'ada@example.com' } } });
    expect(sink.received).toHaveLength(0);
  });

  it('runs the filter on the outputs of earlier nodes it is given', async () => {
    const answer = await test('big', { flow: draft, nodes: { shape: { ...shaped, total: 50 } } });
    expect(answer.body.step).toMatchObject({ nodeId: 'big', status: 'success', handle: 'false' });
  });

  it('really calls the http node’s endpoint of the draft, once, and stores no execution', async () => {
    const answer = await test('warehouse', { flow: draft, payload: order(250, 'A-7'), nodes: { shape: shaped } });
    expect(answer.body.step).toMatchObject({ nodeId: 'warehouse', status: 'success', output: { status: 200 } });
    expect(sink.received.map((request) => request.url)).toEqual(['/draft']);
    expect(sink.received[0].json()).toMatchObject({ order: 'A-7', total: 250, email: 'ada@example.com' });
    const executions = await call<{ items: unknown[] }>(server.url, 'GET', `/api/executions?flowId=${flowId}`);
    expect(executions.body.items).toEqual([]);
  });

  it('answers the node’s failure as its step, and what it cannot run as 4xx with the reason', async () => {
    sink.answers.push(422);
    const failed = await test('warehouse', { flow: draft, nodes: { shape: shaped } });
    expect(failed.status).toBe(200);
    expect(failed.body.step).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/422/) } });
    const missing = await test('nope', { flow: draft });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('No node "nope" in this flow\'s draft.');
    expect((await test('shape', { flow: draft, nodes: ['not', 'an', 'object'] })).status).toBe(400);
    expect((await test('shape', { flow: { name: 'broken', nodes: 'x' } })).status).toBe(400);
  });
});
