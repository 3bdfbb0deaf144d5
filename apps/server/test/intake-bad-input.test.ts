// Bad input never crashes the process and never runs a flow: each gets a 4xx with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order, orderFlowTo } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Flow = { id: string; triggers: Array<{ url: string }> };
type Rejection = { error: string; message: string };

describe('intake refuses bad input with a reason', () => {
  let server: TestServer;
  let sink: Sink;
  let flow: Flow;
  let path: string;

  beforeAll(async () => {
    server = await startTestServer({ MAX_BODY_BYTES: '4096', MAX_JSON_DEPTH: '20', MAX_JSON_KEYS: '100' });
    sink = await startSink();
    const created = await call<Flow>(server.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/orders`));
    flow = (await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`)).body;
    path = new URL(flow.triggers[0].url).pathname;
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  async function send(body: string, contentType: string, method = 'POST', at = path) {
    return call<Rejection>(server.url, method, at, body, { 'content-type': contentType });
  }

  it('malformed JSON: 400 saying where', async () => {
    const answer = await send('{"order": {"id": 1,}}', 'application/json');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('malformed_json');
    expect(answer.body.message).toMatch(/line 1, column 20/);
  });

  it('malformed XML: 400 saying where', async () => {
    const answer = await send('<order>\n  <id>1</order>', 'application/xml');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('malformed_xml');
    expect(answer.body.message).toMatch(/line 2/);
  });

  it('XML entity declarations: 400', async () => {
    const answer = await send('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>', 'application/xml');
    expect(answer.status).toBe(400);
  });

  it('body over the limit: 413', async () => {
    const answer = await send(JSON.stringify({ blob: 'x'.repeat(5000) }), 'application/json');
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('payload_too_large');
  });

  it('deep nesting: 400', async () => {
    const answer = await send('['.repeat(50) + ']'.repeat(50), 'application/json');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('too_deep');
  });

  it('huge key counts: 400, for JSON and form bodies', async () => {
    const keys = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]));
    const json = await send(JSON.stringify(keys), 'application/json');
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('too_many_keys');
    const form = await send(Array.from({ length: 150 }, (_, i) => `k${i}=${i}`).join('&'), 'application/x-www-form-urlencoded');
    expect(form.status).toBe(400);
  });

  it('unknown key or wrong readable path: 404', async () => {
    expect((await send('{}', 'application/json', 'POST', '/hooks/not-a-real-key')).status).toBe(404);
    expect((await send('{}', 'application/json', 'POST', path.replace(/orders$/, 'other'))).status).toBe(404);
  });

  it('wrong method: 405 with Allow, for common and uncommon methods alike', async () => {
    for (const method of ['GET', 'PUT', 'PROPFIND', 'SEARCH']) {
      const answer = await call<Rejection>(server.url, method, path);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
    }
  });

  it('a URL without a trigger key: 404 that says what the URL should look like', async () => {
    const answer = await send('{}', 'application/json', 'POST', '/hooks/');
    expect(answer.status).toBe(404);
    expect(answer.body.message).toMatch(/hooks\/<key>/);
  });

  it('keeps unknown content types raw instead of refusing them', async () => {
    const answer = await send('\u0001\u0002binary', 'application/octet-stream');
    expect(answer.status).toBe(202);
  });

  it('records rejections, runs nothing, and stays up', async () => {
    await server.idle();
    const events = await call<{ items: Array<{ status: string; reason: string | null; httpStatus: number }> }>(
      server.url,
      'GET',
      `/api/events?flowId=${flow.id}&status=rejected`,
    );
    expect(events.body.items.length).toBeGreaterThanOrEqual(5);
    expect(events.body.items.every((event) => event.reason && event.httpStatus >= 400)).toBe(true);
    expect(sink.received).toHaveLength(0);
    const health = await call<{ status: string }>(server.url, 'GET', '/healthz');
    expect(health.body.status).toBe('ok');
    const good = await send(JSON.stringify(order(500)), 'application/json');
    expect(good.status).toBe(202);
    await sink.waitFor(1);
  });

  it('prototype payloads reach nothing', async () => {
    const answer = await send('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', 'application/json');
    expect(answer.status).toBe(202);
    await server.idle();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('API validation errors', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('answers 400 { errors: [{ path, message }] } naming the node and param', async () => {
    const created = await call<{ id: string }>(server.url, 'POST', '/api/flows', {
      name: 'Broken',
      nodes: [
        { id: 'hook', type: 'webhook', params: {} },
        { id: 'call', type: 'http', params: { url: '{{#if}}' } },
        { id: 'odd', type: 'no-such-type', params: {} },
      ],
      edges: [{ id: 'e1', source: 'hook', target: 'missing' }],
    });
    expect(created.status).toBe(201);
    const activated = await call<{ errors: Array<{ path: string; message: string; nodeId?: string }> }>(
      server.url,
      'POST',
      `/api/flows/${created.body.id}/activate`,
    );
    expect(activated.status).toBe(400);
    const errors = activated.body.errors;
    expect(errors.some((error) => error.nodeId === 'odd' && /unknown node type/i.test(error.message))).toBe(true);
    expect(errors.some((error) => error.nodeId === 'call' && error.path.includes('params.url'))).toBe(true);
    expect(errors.some((error) => error.path.startsWith('edges.0'))).toBe(true);
  });

  it('refuses a document that is not a flow, and malformed JSON', async () => {
    const noName = await call<{ errors: Array<{ path: string }> }>(server.url, 'POST', '/api/flows', { nodes: [] });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].path).toBe('name');
    const malformed = await call<{ errors: Array<{ message: string }> }>(server.url, 'POST', '/api/flows', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].message).toMatch(/not valid JSON/);
  });

  it('answers 404 for unknown flows and executions', async () => {
    expect((await call(server.url, 'GET', '/api/flows/nope')).status).toBe(404);
    expect((await call(server.url, 'GET', '/api/executions/nope')).status).toBe(404);
  });
});
