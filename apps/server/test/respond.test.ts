// Answering the caller over real HTTP: a webhook that waits for a Respond node gets its status,
// headers and body while the run goes on; "lastNode" answers with the last node's output; no
// answer in time is a 504 naming the event while the run is still recorded; a failed run is a 500
// naming the node; and a Respond node the trigger does not wait for is refused at activation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, plainFetch } from './support/api';
import { exampleFlow, type FlowJson } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Flow = { id: string; triggers: Array<{ url: string }>; errors?: Array<{ message: string; nodeId?: string }> };
type Execution = { id: string; status: string; eventId: string; steps: Array<{ nodeId: string; status: string; output?: unknown }> };

const hook = (params: Record<string, unknown>) => ({ id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST', ...params } });

describe('answering the caller', () => {
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

  async function activate(flow: FlowJson): Promise<{ status: number; flow: Flow; url: string }> {
    const created = await call<Flow>(server.url, 'POST', '/api/flows', flow);
    const activated = await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    return { status: activated.status, flow: activated.body, url: activated.body.triggers?.[0]?.url ?? '' };
  }

  async function executionOf(flowId: string, eventId: string): Promise<Execution | undefined> {
    await server.idle();
    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flowId}`);
    const summary = list.body.items.find((item) => item.eventId === eventId);
    return summary && (await call<Execution>(server.url, 'GET', `/api/executions/${summary.id}`)).body;
  }

  it('answers with the Respond node’s status, headers and body, and the run goes on after it', async () => {
    const { flow, url } = await activate({
      name: 'slash command',
      nodes: [
        hook({ respond: 'respondNode' }),
        { id: 'answer', type: 'respond', position: { x: 200, y: 0 }, params: { status: 201, headers: { 'x-flow': 'hookflow' }, body: { text: 'Order {{trigger.body.id}} received', total: '{{trigger.body.total}}' } } },
        { id: 'notify', type: 'http', position: { x: 400, y: 0 }, params: { method: 'POST', url: `${sink.url}/after`, body: { id: '{{trigger.body.id}}' } } },
      ],
      edges: [
        { id: 'e1', source: 'hook', target: 'answer' },
        { id: 'e2', source: 'answer', target: 'notify' },
      ],
    });
    const response = await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'A-1', total: 42 }) });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-flow')).toBe('hookflow');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ text: 'Order A-1 received', total: 42 });
    const after = await sink.waitFor(1);
    expect(after.at(-1)?.json()).toEqual({ id: 'A-1' });
    const eventId = (await call<{ items: Array<{ id: string }> }>(server.url, 'GET', `/api/events?flowId=${flow.id}`)).body.items[0]?.id ?? '';
    const execution = await executionOf(flow.id, eventId);
    expect(execution?.status).toBe('success');
    expect(execution?.steps.find((step) => step.nodeId === 'answer')?.output).toMatchObject({ status: 201, sent: true });
  });

  it('"lastNode" answers with the last node’s output, and text goes out as text', async () => {
    const { url } = await activate({
      name: 'last node',
      nodes: [hook({ respond: 'lastNode' }), { id: 'shape', type: 'transform', position: { x: 200, y: 0 }, params: { fields: { n: '{{trigger.body.n}}', note: 'ok' } } }],
      edges: [{ id: 'e1', source: 'hook', target: 'shape' }],
    });
    const response = await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: 21 }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ n: 21, note: 'ok' });

    const text = await activate({
      name: 'text answer',
      nodes: [hook({ respond: 'respondNode' }), { id: 'answer', type: 'respond', position: { x: 200, y: 0 }, params: { body: 'thanks, {{trigger.body.name}}' } }],
      edges: [{ id: 'e1', source: 'hook', target: 'answer' }],
    });
    const textResponse = await plainFetch(text.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ada' }) });
    expect(textResponse.status).toBe(200);
    expect(textResponse.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await textResponse.text()).toBe('thanks, Ada');
  });

  it('answers 504 naming the event when the flow is too slow, and still runs and records it', async () => {
    sink.delayMs = 1_000;
    try {
      const { flow, url } = await activate({
        name: 'too slow',
        nodes: [
          hook({ respond: 'respondNode', responseTimeoutMs: 200 }),
          { id: 'slow', type: 'http', position: { x: 200, y: 0 }, params: { method: 'POST', url: `${sink.url}/slow`, body: { x: 1 } } },
          { id: 'answer', type: 'respond', position: { x: 400, y: 0 }, params: { body: 'late' } },
        ],
        edges: [
          { id: 'e1', source: 'hook', target: 'slow' },
          { id: 'e2', source: 'slow', target: 'answer' },
        ],
      });
      const response = await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(504);
      const body = (await response.json()) as { error: string; eventId: string; message: string };
      expect(body).toMatchObject({ error: 'response_timeout', eventId: expect.any(String) });
      expect(body.message).toMatch(/did not answer within 200 ms/);
      const execution = await executionOf(flow.id, body.eventId);
      expect(execution?.status).toBe('success');
      expect(execution?.steps.map((step) => step.nodeId)).toEqual(['hook', 'slow', 'answer']);
      expect(execution?.steps[2].output).toMatchObject({ sent: true });
    } finally {
      sink.delayMs = 0;
    }
  });

  it('answers 500 naming the node when the run fails before any answer', async () => {
    sink.answers.push(500);
    const { url } = await activate({
      name: 'fails first',
      nodes: [
        hook({ respond: 'respondNode' }),
        { id: 'call', type: 'http', position: { x: 200, y: 0 }, params: { method: 'POST', url: `${sink.url}/fail`, body: { x: 1 }, retry: { attempts: 1, backoffMs: 10 } } },
        { id: 'answer', type: 'respond', position: { x: 400, y: 0 }, params: { body: 'never' } },
      ],
      edges: [
        { id: 'e1', source: 'hook', target: 'call' },
        { id: 'e2', source: 'call', target: 'answer' },
      ],
    });
    const response = await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'flow_failed', message: expect.stringContaining('at node "call"'), eventId: expect.any(String) });
  });

  it('the Slack slash-command example answers within Slack’s 3 seconds, then posts the details to response_url', async () => {
    const example = exampleFlow('slack-slash-command.json');
    const lookup = example.nodes.find((node) => node.id === 'lookup');
    if (!lookup) throw new Error('example has no lookup node');
    lookup.params = { ...lookup.params, url: `${sink.url}/orders/{{trigger.body.text}}` };
    sink.delayMs = 500;
    try {
      const { status, url } = await activate(example);
      expect(status).toBe(200);
      const before = sink.received.length;
      const form = new URLSearchParams({ command: '/order', text: 'A-42', user_name: 'ada', response_url: `${sink.url}/slack-response` });
      const response = await plainFetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ response_type: 'ephemeral', text: 'Looking up order A-42 for ada…' });
      // Answered before the slow lookup (500 ms) came back: the answer does not wait for the rest of the run.
      expect(sink.received.slice(before).some((request) => request.url === '/slack-response')).toBe(false);
      const requests = await sink.waitFor(before + 2);
      expect(requests.slice(before).map((request) => request.url)).toEqual(['/orders/A-42', '/slack-response']);
    } finally {
      sink.delayMs = 0;
    }
  });

  it('refuses a Respond node the trigger does not wait for, and a trigger that waits for none', async () => {
    const notWaiting = await activate({
      name: 'not waiting',
      nodes: [hook({}), { id: 'answer', type: 'respond', position: { x: 200, y: 0 }, params: { body: 'x' } }],
      edges: [{ id: 'e1', source: 'hook', target: 'answer' }],
    });
    expect(notWaiting.status).toBe(400);
    expect(notWaiting.flow.errors?.[0]).toMatchObject({ nodeId: 'answer', message: expect.stringContaining('set the trigger\'s Respond to "with a Respond node"') });
    const waitingForNone = await activate({ name: 'waiting for none', nodes: [hook({ respond: 'respondNode' })], edges: [] });
    expect(waitingForNone.status).toBe(400);
    expect(waitingForNone.flow.errors?.[0]?.message).toMatch(/Respond is "with a Respond node", but the flow has none/);
  });
});
