// Deleting a node that others read: saving says so, activation answers 400 naming node and param,
// and a stored version that still has such a template fails that step instead of reporting success.
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowVersionEntity } from '../src/flows/flow.entities';
import { call } from './support/api';
import { order, orderFlowTo, type FlowJson } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Issue = { path: string; message: string; nodeId?: string; param?: string };
type Flow = { id: string; versionId: string; validation?: { valid: boolean; errors: Issue[] }; triggers: Array<{ url: string }> };
type Execution = { id: string; status: string; eventId: string; error?: { nodeId: string; message: string; param?: string }; steps: Array<{ nodeId: string; status: string }> };

/** The order example after its user deleted "shape" and wired the webhook straight to the filter. */
function withoutShape(sinkUrl: string): FlowJson {
  const flow = orderFlowTo(`${sinkUrl}/orders`);
  flow.nodes = flow.nodes.filter((node) => node.id !== 'shape');
  flow.edges = [{ id: 'e1', source: 'hook', target: 'big', sourceHandle: null }, ...flow.edges.filter((edge) => edge.source !== 'hook' && edge.source !== 'shape')];
  return flow;
}

describe('templates that read a deleted node', () => {
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

  it('saving reports it and activation answers 400 naming node and param', async () => {
    const created = await call<Flow>(server.url, 'POST', '/api/flows', withoutShape(sink.url));
    expect(created.status).toBe(201);
    expect(created.body.validation?.valid).toBe(false);
    const activated = await call<{ errors: Issue[] }>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    expect(activated.status).toBe(400);
    const byNode = activated.body.errors.map(({ nodeId, param, path }) => ({ nodeId, param, path }));
    expect(byNode).toEqual(
      expect.arrayContaining([
        { nodeId: 'big', param: 'conditions', path: 'nodes.1.params.conditions.0.left' },
        { nodeId: 'warehouse', param: 'body', path: 'nodes.2.params.body.order' },
      ]),
    );
    for (const issue of activated.body.errors) expect(issue.message).toMatch(/uses \{\{nodes\.shape\.[a-zA-Z.]+\}\}, but there is no node "shape" before this one/);
    expect(activated.body.errors.find((issue) => issue.nodeId === 'big')?.message).toMatch(/^Node "big" \(Total over 100\)/);
  });

  it('a stored version that reads a deleted node fails that step with the reason', async () => {
    const created = await call<Flow>(server.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/orders`));
    const activated = await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    expect(activated.status).toBe(200);
    // As if saved by a server from before the check: the running version loses "shape".
    const versions = server.app.get(DataSource).getRepository(FlowVersionEntity);
    const broken = withoutShape(sink.url);
    await versions.update({ id: activated.body.versionId }, { document: { ...broken, edges: broken.edges.map((edge) => ({ sourceHandle: null, ...edge })) } as never });
    const answer = await call<{ eventId: string }>(server.url, 'POST', new URL(activated.body.triggers[0].url).pathname, order(250, 'A-9'));
    expect(answer.status).toBe(202);
    await server.idle();
    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${created.body.id}`);
    const execution = list.body.items.find((item) => item.eventId === answer.body.eventId);
    expect(execution?.status).toBe('error');
    const detail = await call<Execution>(server.url, 'GET', `/api/executions/${execution?.id}`);
    expect(detail.body.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['hook', 'success'],
      ['big', 'error'],
    ]);
    expect(detail.body.error).toMatchObject({ nodeId: 'big', param: 'conditions' });
    expect(detail.body.error?.message).toMatch(/uses \{\{nodes\.shape\.total\}\}, but there is no node "shape" before this one/);
  });
});
