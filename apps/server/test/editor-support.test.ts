// The API pieces the editor leans on: templates, test URL listening, replay, stats, versions,
// node types, the flow schema, OpenAPI docs and the page at /.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { exampleFlow, order, orderFlowTo } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Flow = { id: string; versionId: string; testUrl: string; triggers: Array<{ url: string }> };

describe('editor support API', () => {
  let server: TestServer;
  let sink: Sink;
  let flow: Flow;

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
    const created = await call<Flow>(server.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/orders`));
    flow = (await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`)).body;
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('lists the example flows as templates', async () => {
    const templates = await call<Array<{ id: string; name: string; description: string; document: { nodes: unknown[] } }>>(server.url, 'GET', '/api/templates');
    expect(templates.body.map((template) => template.id)).toEqual(expect.arrayContaining(['github-push-to-slack', 'order-to-http', 'slack-slash-command']));
    const orders = templates.body.find((template) => template.id === 'order-to-http');
    expect(orders).toMatchObject({ name: exampleFlow('order-to-http.json').name });
    expect(orders?.description.length).toBeGreaterThan(10);
  });

  it('describes node types with a params JSON Schema good enough for a form', async () => {
    const types = await call<Array<{ type: string; label: string; category: string; handles: { outputs: string[] }; paramsSchema: { properties: Record<string, { title?: string }> } }>>(
      server.url,
      'GET',
      '/api/node-types',
    );
    const byType = new Map(types.body.map((type) => [type.type, type]));
    expect([...byType.keys()]).toEqual(expect.arrayContaining(['webhook', 'transform', 'filter', 'http', 'slack']));
    expect(byType.get('filter')?.handles.outputs).toEqual(['true', 'false']);
    expect(byType.get('http')?.paramsSchema.properties.url.title).toBeTruthy();
    const schema = await call<{ title: string }>(server.url, 'GET', '/api/flow-schema');
    expect(schema.body.title).toBe('Hookflow flow');
  });

  it('hands a request to the test URL to a listening editor over server-sent events, without running the flow', async () => {
    const notListening = await call<{ error: string }>(server.url, 'POST', new URL(flow.testUrl).pathname, { hello: 1 });
    expect(notListening.status).toBe(404);
    expect(notListening.body.error).toBe('not_listening');

    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/flows/${flow.id}/test-events`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const sent = await call<{ received: boolean }>(server.url, 'POST', new URL(flow.testUrl).pathname, order(42, 'SAMPLE-1'));
    expect(sent.status).toBe(200);
    let text = '';
    while (!text.includes('SAMPLE-1')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toMatch(/event: request/);
    const data = JSON.parse(/data: (.*)/.exec(text)![1]);
    expect(data).toMatchObject({ method: 'POST', body: { order: { id: 'SAMPLE-1' } } });
    await server.idle();
    const executions = await call<{ items: unknown[] }>(server.url, 'GET', `/api/executions?flowId=${flow.id}`);
    expect(executions.body.items).toHaveLength(0);
  });

  it('re-sends a stored request to the live flow', async () => {
    const first = await call<{ eventId: string }>(server.url, 'POST', new URL(flow.triggers[0].url).pathname, order(300, 'R-1'));
    await sink.waitFor(1);
    const replay = await call<{ eventId: string }>(server.url, 'POST', `/api/events/${first.body.eventId}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body.eventId).not.toBe(first.body.eventId);
    const received = await sink.waitFor(2);
    expect(received.map((request) => request.json())).toEqual([expect.objectContaining({ order: 'R-1' }), expect.objectContaining({ order: 'R-1' })]);
  });

  it('summarises activity per flow and per hour', async () => {
    await server.idle();
    const flows = await call<Array<{ id: string; lastExecutionAt: string | null; lastExecutionStatus: string | null; failures24h: number }>>(server.url, 'GET', '/api/flows');
    expect(flows.body.find((item) => item.id === flow.id)).toMatchObject({ lastExecutionStatus: 'success', failures24h: 0 });
    const stats = await call<{ buckets: Array<{ hour: string; success: number; error: number }> }>(server.url, 'GET', `/api/executions/stats?flowId=${flow.id}`);
    expect(stats.body.buckets).toHaveLength(24);
    expect(stats.body.buckets[23].success).toBe(2);
    const list = await call<{ items: Array<{ triggerSummary: string; flowVersionId: string }> }>(server.url, 'GET', `/api/executions?flowId=${flow.id}`);
    expect(list.body.items[0].triggerSummary).toMatch(/^POST \{"order":\{"id":"R-1"/);
    const version = await call<{ document: { name: string }; version: number }>(server.url, 'GET', `/api/flow-versions/${list.body.items[0].flowVersionId}`);
    expect(version.body).toMatchObject({ version: 1, document: { name: 'Big orders to the warehouse' } });
  });

  it('keeps past versions immutable when the flow is saved again', async () => {
    const current = await call<Record<string, unknown> & { versionId: string }>(server.url, 'GET', `/api/flows/${flow.id}`);
    const saved = await call<{ version: number; versionId: string }>(server.url, 'PUT', `/api/flows/${flow.id}`, { ...current.body, name: 'Renamed' });
    expect(saved.body.version).toBe(2);
    const old = await call<{ document: { name: string } }>(server.url, 'GET', `/api/flow-versions/${current.body.versionId}`);
    expect(old.body.document.name).toBe('Big orders to the warehouse');
    const broken = await call<{ errors: unknown[] }>(server.url, 'PUT', `/api/flows/${flow.id}`, { ...current.body, edges: [{ id: 'x', source: 'hook', target: 'nowhere' }] });
    expect(broken.status).toBe(400);
  });

  it('test-runs the draft synchronously and returns every step', async () => {
    const run = await call<{ status: string; steps: Array<{ nodeId: string; status: string; output: unknown }> }>(server.url, 'POST', `/api/flows/${flow.id}/test-run`, {
      payload: order(20, 'T-1'),
    });
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('filtered');
    expect(run.body.steps.map((step) => step.nodeId)).toEqual(['hook', 'shape', 'big']);
    expect(run.body.steps[1].output).toMatchObject({ orderId: 'T-1', total: 20, customer: { email: 'ada@example.com' } });
  });

  it('serves OpenAPI docs, health, and a page at / for browsers', async () => {
    const docs = await call<{ openapi: string; paths: Record<string, unknown> }>(server.url, 'GET', '/api/docs-json');
    expect(docs.body.paths).toHaveProperty('/api/flows');
    expect((await call(server.url, 'GET', '/healthz')).status).toBe(200);
    const page = await fetch(`${server.url}/flows/${flow.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await call(server.url, 'GET', '/api/nothing-here')).status).toBe(404);
  });
});
