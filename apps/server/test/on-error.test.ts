// A node's onError over real HTTP: a warehouse API that keeps failing no longer fails the run when
// the http node routes its errors; the alert branch runs with the error, and the execution is a
// success that says an error was handled. The same flow without onError still fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order, orderFlowTo, type FlowJson } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Flow = { id: string; triggers: Array<{ url: string }> };
type StepError = { message: string; handled?: boolean; nodeId?: string };
type Execution = { id: string; status: string; eventId: string; error: StepError | null; steps: Array<{ nodeId: string; status: string; handle?: string; output?: unknown; error?: StepError }> };

function withAlert(sinkUrl: string, onError: 'route' | undefined): FlowJson {
  const flow = orderFlowTo(`${sinkUrl}/orders`);
  const warehouse = flow.nodes.find((node) => node.id === 'warehouse');
  if (!warehouse) throw new Error('no warehouse node');
  warehouse.params = { ...warehouse.params, retry: { attempts: 1, backoffMs: 10 } };
  if (onError) Object.assign(warehouse, { onError });
  flow.nodes.push({ id: 'alert', type: 'http', position: { x: 1040, y: 160 }, params: { method: 'POST', url: `${sinkUrl}/alerts`, body: { failed: '{{nodes.shape.orderId}}', reason: '{{nodes.warehouse.error.message}}' } } });
  flow.edges.push({ id: 'e-alert', source: 'warehouse', target: 'alert', sourceHandle: 'error' });
  return flow;
}

describe('a node that routes its errors', () => {
  let server: TestServer;
  let sink: Sink;

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  async function runOnce(flow: FlowJson, status: number): Promise<{ created: { status: number; body: Flow & { errors?: Array<{ message: string }> } }; execution?: Execution }> {
    const created = await call<Flow & { errors?: Array<{ message: string }> }>(server.url, 'POST', '/api/flows', flow);
    const activated = await call<Flow & { errors?: Array<{ message: string }> }>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    if (activated.status !== 200) return { created: activated };
    sink.answers.push(status);
    const answer = await call<{ eventId: string }>(server.url, 'POST', new URL(activated.body.triggers[0].url).pathname, order(250, 'A-7'));
    expect(answer.status).toBe(202);
    await server.idle();
    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${created.body.id}`);
    const summary = list.body.items.find((item) => item.eventId === answer.body.eventId);
    const detail = await call<Execution>(server.url, 'GET', `/api/executions/${summary?.id}`);
    return { created: activated, execution: detail.body };
  }

  it('runs the alert branch with the error, and the execution succeeds with the error marked handled', async () => {
    const before = sink.received.length;
    const { execution } = await runOnce(withAlert(sink.url, 'route'), 503);
    expect(execution?.status).toBe('success');
    expect(execution?.error).toMatchObject({ nodeId: 'warehouse', handled: true, message: expect.stringContaining('503') });
    expect(execution?.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['hook', 'success'],
      ['shape', 'success'],
      ['big', 'success'],
      ['warehouse', 'error'],
      ['alert', 'success'],
    ]);
    const alert = sink.received.slice(before).find((request) => request.url === '/alerts');
    expect(alert?.json()).toMatchObject({ failed: 'A-7', reason: expect.stringContaining('503') });
  });

  it('sends nothing to the alert branch when the call succeeds', async () => {
    const before = sink.received.length;
    const { execution } = await runOnce(withAlert(sink.url, 'route'), 200);
    expect(execution?.status).toBe('success');
    expect(execution?.error).toBeNull();
    expect(sink.received.slice(before).map((request) => request.url)).toEqual(['/orders']);
  });

  it('refuses to activate an edge from "error" when the node does not route its errors', async () => {
    const { created } = await runOnce(withAlert(sink.url, undefined), 503);
    expect(created.status).toBe(400);
    expect(created.body.errors?.[0].message).toMatch(/has no output "error".*set its "On error" to "Send to the error output"/);
  });
});
