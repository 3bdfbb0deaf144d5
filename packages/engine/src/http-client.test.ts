import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, parseRetryAfter } from './http-client';
import { NodeConfigError, NodeRuntimeError } from './node-errors';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server | undefined;

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Responds with each status in turn, then repeats the last one. */
function sequence(statuses: number[], headers: Record<string, string> = {}): { handler: Handler; hits: () => number } {
  let hits = 0;
  return {
    hits: () => hits,
    handler: (_req, res) => {
      const status = statuses[Math.min(hits, statuses.length - 1)];
      hits++;
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 200 ? {} : headers) });
      res.end(JSON.stringify({ status }));
    },
  };
}

function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

afterEach(async () => {
  const s = server;
  server = undefined;
  if (!s) return;
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
});

describe('createHttpClient', () => {
  it('retries 503, 503 then returns the 200 with the number of attempts', async () => {
    const seq = sequence([503, 503, 200]);
    const base = await serve(seq.handler);
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ sleep, random: () => 0.5 });

    const res = await client.request({ method: 'GET', url: `${base}/orders`, retry: { attempts: 3, backoffMs: 100 } });

    expect(res).toMatchObject({ status: 200, attempts: 3, body: { status: 200 } });
    expect(seq.hits()).toBe(3);
    expect(waits).toEqual([50, 100]); // full jitter: random * backoff * 2^(try-1)
  });

  it('honours Retry-After in seconds', async () => {
    const base = await serve(sequence([429, 200], { 'retry-after': '1' }).handler);
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ sleep, random: () => 0 });

    const res = await client.request({ method: 'GET', url: base, retry: { attempts: 2, backoffMs: 10 } });

    expect(res).toMatchObject({ status: 200, attempts: 2 });
    expect(waits).toEqual([1000]);
  });

  it('caps Retry-After by maxDelayMs', async () => {
    const base = await serve(sequence([503, 200], { 'retry-after': '3600' }).handler);
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ sleep });

    await client.request({ method: 'GET', url: base, retry: { attempts: 2, backoffMs: 10, maxDelayMs: 2000 } });

    expect(waits).toEqual([2000]);
  });

  it('returns the last retryable response instead of throwing; the node decides', async () => {
    const seq = sequence([500]);
    const base = await serve(seq.handler);
    const client = createHttpClient({ sleep: recordingSleep().sleep });

    const res = await client.request({ method: 'POST', url: base, body: '{}', retry: { attempts: 3, backoffMs: 1 } });

    expect(res).toMatchObject({ status: 500, attempts: 3 });
    expect(seq.hits()).toBe(3);
  });

  it('does not retry 4xx other than 408 and 429', async () => {
    const seq = sequence([404, 200]);
    const base = await serve(seq.handler);
    const res = await createHttpClient().request({ method: 'GET', url: base, retry: { attempts: 3, backoffMs: 1 } });
    expect(res).toMatchObject({ status: 404, attempts: 1 });
    expect(seq.hits()).toBe(1);
  });

  it('times out each try and throws a retryable NodeRuntimeError after the last one', async () => {
    let hits = 0;
    const base = await serve((_req, res) => {
      hits++;
      setTimeout(() => res.end('late'), 500);
    });
    const client = createHttpClient({ sleep: recordingSleep().sleep });

    const err = await client
      .request({ method: 'GET', url: `${base}/slow?secret=x`, timeoutMs: 50, retry: { attempts: 2, backoffMs: 1 } })
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NodeRuntimeError);
    expect(err).toMatchObject({ retryable: true, attempts: 2 });
    expect((err as Error).message).toBe(`request to ${base}/slow failed after 2 attempts: timed out after 50ms`);
    expect(hits).toBe(2);
  });

  it('reports connection refused with the attempts made', async () => {
    const base = await serve(() => undefined);
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const client = createHttpClient({ sleep: recordingSleep().sleep });

    const err = await client.request({ method: 'GET', url: `${base}/path`, retry: { attempts: 3, backoffMs: 1 } }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NodeRuntimeError);
    expect(err).toMatchObject({ retryable: true, attempts: 3 });
    expect((err as Error).message).toMatch(new RegExp(`^request to ${base}/path failed after 3 attempts: connect ECONNREFUSED`));
  });

  it('parses JSON bodies, keeps text bodies, lower-cases headers and appends query params', async () => {
    const base = await serve((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/json') {
        res.writeHead(201, { 'Content-Type': 'application/vnd.api+json; charset=utf-8', 'X-Trace': 'abc' });
        res.end(JSON.stringify({ query: Object.fromEntries(url.searchParams), echo: body, header: req.headers['x-key'] }));
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('{"not":"parsed"}');
      }
    });
    const client = createHttpClient();

    const json = await client.request({
      method: 'post',
      url: `${base}/json?a=1`,
      query: { b: 'two words', a: '3' },
      headers: { 'X-Key': 'k' },
      body: 'hello',
    });
    expect(json).toEqual({
      status: 201,
      attempts: 1,
      headers: expect.objectContaining({ 'x-trace': 'abc', 'content-type': 'application/vnd.api+json; charset=utf-8' }),
      body: { query: { a: '3', b: 'two words' }, echo: 'hello', header: 'k' },
    });
    expect(Object.keys(json.headers).every((k) => k === k.toLowerCase())).toBe(true);

    const text = await client.request({ method: 'GET', url: `${base}/text` });
    expect(text.body).toBe('{"not":"parsed"}');
  });

  it('stops when the caller aborts, without further tries', async () => {
    const seq = sequence([503]);
    const base = await serve(seq.handler);
    const controller = new AbortController();
    const client = createHttpClient({
      sleep: async () => {
        controller.abort();
        throw new Error('aborted');
      },
    });

    const err = await client
      .request({ method: 'GET', url: base, retry: { attempts: 5, backoffMs: 1 } }, controller.signal)
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NodeRuntimeError);
    expect(err).toMatchObject({ retryable: false, message: expect.stringContaining('cancelled') });
    expect(seq.hits()).toBe(1);
  });

  it('rejects bad URLs and bodies on GET as config errors', async () => {
    const client = createHttpClient();
    await expect(client.request({ method: 'GET', url: 'not a url' })).rejects.toBeInstanceOf(NodeConfigError);
    await expect(client.request({ method: 'GET', url: 'file:///etc/passwd' })).rejects.toBeInstanceOf(NodeConfigError);
    await expect(client.request({ method: 'GET', url: 'http://127.0.0.1:1', body: 'x' })).rejects.toBeInstanceOf(NodeConfigError);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('redirects', () => {
  it('follows them by default and not when asked not to', async () => {
    const target = await serve((_req, res) => res.end('landed'));
    const hop = await serve((_req, res) => {
      res.writeHead(302, { location: `${target}/final` });
      res.end();
    });
    const client = createHttpClient();
    expect(await client.request({ method: 'GET', url: `${hop}/start` })).toMatchObject({ status: 200, body: 'landed' });
    expect(await client.request({ method: 'GET', url: `${hop}/start`, followRedirects: false })).toMatchObject({ status: 302 });
  });
});
