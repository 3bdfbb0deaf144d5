import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, runNodeInFlow } from '@hookflow/engine';
import { startLocalServer, type LocalServer, type RequestScript } from '../test-support/local-server';
import { httpNode } from './http.node';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Records the waits the client asks for instead of sleeping, so retries cost no time. */
function fastHttp() {
  const waits: number[] = [];
  const http = createHttpClient({
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { http, waits };
}

async function serve(script: RequestScript): Promise<LocalServer> {
  server = await startLocalServer(script);
  return server;
}

async function runHttp(params: Record<string, unknown>, trigger?: { body: unknown }) {
  const { http, waits } = fastHttp();
  const { step } = await runNodeInFlow({ nodeType: httpNode, params, trigger, services: { http } });
  return { step, waits };
}

const echo: RequestScript = (req) => ({
  status: 200,
  headers: { 'x-request-id': 'req-1' },
  body: { method: req.method, url: req.url, contentType: req.headers['content-type'] ?? null, token: req.headers['x-token'] ?? null, body: req.body },
});

describe('http node', () => {
  it('sends a fields-map body as JSON with templated url, headers and query, and outputs the parsed answer', async () => {
    const { url } = await serve(echo);
    const { step } = await runHttp(
      {
        url: `${url}/orders/{{trigger.body.id}}`,
        headers: { 'X-Token': 'abc' },
        query: { page: '{{trigger.body.page}}', flag: true },
        body: { 'order.id': '{{trigger.body.id}}', 'order.total': '{{trigger.body.total}}', note: 'paid' },
      },
      { body: { id: 'A-1', page: 2, total: 99.5 } },
    );
    expect(step.status).toBe('success');
    expect(step.attempts).toBe(1);
    expect(step.output).toMatchObject({
      status: 200,
      headers: { 'x-request-id': 'req-1', 'content-type': 'application/json; charset=utf-8' },
      body: { method: 'POST', url: '/orders/A-1?page=2&flag=true', contentType: 'application/json', token: 'abc' },
    });
    const sent = (step.output as { body: { body: string } }).body.body;
    expect(JSON.parse(sent)).toEqual({ order: { id: 'A-1', total: 99.5 }, note: 'paid' });
  });

  it('sends a text body as is and keeps a content-type the user set', async () => {
    const { url } = await serve(echo);
    const { step } = await runHttp({ method: 'PUT', url: `${url}/raw`, headers: { 'Content-Type': 'text/csv' }, body: 'a,b\n1,2' });
    expect(step.output).toMatchObject({ status: 200, body: { method: 'PUT', contentType: 'text/csv', body: 'a,b\n1,2' } });
  });

  it('returns a text answer as text', async () => {
    const { url } = await serve(() => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'pong' }));
    const { step } = await runHttp({ method: 'GET', url: `${url}/ping` });
    expect(step.output).toMatchObject({ status: 200, body: 'pong' });
  });

  it('retries 503 twice and succeeds on the third attempt', async () => {
    const local = await serve((_req, index) => (index < 2 ? { status: 503, body: 'busy' } : { status: 200, body: { ok: true } }));
    const { step, waits } = await runHttp({ method: 'GET', url: `${local.url}/flaky` });
    expect(step.status).toBe('success');
    expect(step.attempts).toBe(3);
    expect(step.output).toMatchObject({ status: 200, body: { ok: true } });
    expect(local.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('waits what a 429 Retry-After asks for, then retries', async () => {
    const local = await serve((_req, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '2' }, body: 'slow down' } : { status: 200, body: { ok: true } },
    );
    const { step, waits } = await runHttp({ url: `${local.url}/limited`, body: 'x' });
    expect(step.status).toBe('success');
    expect(step.attempts).toBe(2);
    expect(waits).toEqual([2000]);
  });

  it('fails on a 404 by default with the status and body, not retryable', async () => {
    const { url } = await serve(() => ({ status: 404, body: { error: 'no such order' } }));
    const { step } = await runHttp({ method: 'GET', url: `${url}/orders/9?apiKey=s3cr3t-key-value` });
    expect(step.status).toBe('error');
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: false, details: { status: 404, body: { error: 'no such order' } } });
    expect(step.error?.message).toContain('/orders/9');
    expect(step.error?.message).toContain('404');
    expect(step.error?.message).not.toContain('s3cr3t');
  });

  it('passes a 404 on as output when failOnStatus is false', async () => {
    const { url } = await serve(() => ({ status: 404, body: { error: 'no such order' } }));
    const { step } = await runHttp({ method: 'GET', url: `${url}/orders/9`, failOnStatus: false });
    expect(step.status).toBe('success');
    expect(step.output).toMatchObject({ status: 404, body: { error: 'no such order' } });
  });

  it('fails retryably when 5xx outlasts the retries', async () => {
    const local = await serve(() => ({ status: 502, body: 'bad gateway' }));
    const { step } = await runHttp({ url: `${local.url}/down`, retry: { attempts: 2, backoffMs: 10 } });
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: true, details: { status: 502, body: 'bad gateway' } });
    expect(step.attempts).toBe(2);
    expect(local.requests).toHaveLength(2);
  });

  it('fails retryably when nothing listens', async () => {
    const local = await serve(echo);
    const deadUrl = local.url;
    await local.close();
    server = undefined;
    const { step } = await runHttp({ url: `${deadUrl}/gone`, retry: { attempts: 2, backoffMs: 1 } });
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: true });
    expect(step.attempts).toBe(2);
  });

  it.each([
    ['not a url', /not a full URL/],
    ['/relative/path', /not a full URL/],
    ['ftp://files.example.com/x', /Only http/],
    ['{{trigger.body.missingUrl}}x', /not a full URL/],
  ])('refuses the url "%s" as a config error on url', async (url, message) => {
    const { step } = await runHttp({ url });
    expect(step.status).toBe('error');
    expect(step.error).toMatchObject({ kind: 'config', param: 'url' });
    expect(step.error?.message).toMatch(message);
  });

  it('refuses a body on GET', async () => {
    const { step } = await runHttp({ method: 'GET', url: 'http://127.0.0.1:9/x', body: { a: 1 } });
    expect(step.error).toMatchObject({ kind: 'config', param: 'body' });
  });

  it('validates timeout and retry bounds', async () => {
    for (const params of [{ timeoutMs: 300_001 }, { retry: { attempts: 11, backoffMs: 1 } }, { retry: { attempts: 0, backoffMs: 1 } }]) {
      const parsed = httpNode.params.safeParse({ url: 'https://example.com', ...params });
      expect(parsed.success).toBe(false);
    }
    expect(httpNode.params.parse({ url: 'https://example.com' })).toMatchObject({
      method: 'POST',
      timeoutMs: 10_000,
      retry: { attempts: 3, backoffMs: 500 },
      failOnStatus: true,
      headers: {},
      query: {},
    });
  });
});
