// The retry policy as params: which statuses are tried again, how many times, how long to wait,
// and what a failure keeps of the request and the answer.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, runNodeInFlow } from '@hookflow/engine';
import { startLocalServer, type LocalServer, type RequestScript } from '../test-support/local-server';
import { httpNode } from './http.node';
import { retryParams, statusMatcher } from './retry-policy';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(script: RequestScript, params: Record<string, unknown>) {
  server = await startLocalServer(script);
  const waits: number[] = [];
  const http = createHttpClient({ sleep: async (ms) => void waits.push(ms), random: () => 0.999 });
  const { step } = await runNodeInFlow({ nodeType: httpNode, params: { url: `${server.url}/orders`, ...params }, services: { http } });
  return { step, waits, requests: server.requests };
}

describe('retry statuses', () => {
  it('matches codes and classes', () => {
    const matches = statusMatcher([409, '5xx']);
    expect([409, 500, 503, 599].every(matches)).toBe(true);
    expect([408, 429, 404, 200].some(matches)).toBe(false);
  });

  it('defaults to 408, 429 and every 5xx, 3 tries', () => {
    const defaults = retryParams.parse(undefined);
    expect(defaults).toEqual({ attempts: 3, backoffMs: 500, maxDelayMs: 30_000, statuses: [408, 429, '5xx'], networkErrors: true });
    const matches = statusMatcher(defaults.statuses);
    expect([408, 429, 500, 502].every(matches)).toBe(true);
    expect(matches(404)).toBe(false);
  });

  it('refuses statuses that are not codes or classes', () => {
    for (const statuses of [[99], [600], ['5x'], ['abc']]) expect(retryParams.safeParse({ statuses }).success).toBe(false);
  });

  it('retries a status only when it is listed', async () => {
    const conflict: RequestScript = (_req, index) => (index === 0 ? { status: 409, body: 'busy' } : { status: 200, body: { ok: true } });
    const listed = await run(conflict, { retry: { attempts: 2, backoffMs: 10, statuses: [409] } });
    expect(listed.step).toMatchObject({ status: 'success', attempts: 2 });
    await server?.close();
    const unlisted = await run(conflict, { retry: { attempts: 2, backoffMs: 10 } });
    expect(unlisted.step).toMatchObject({ status: 'error', attempts: 1, error: { retryable: false, details: { status: 409 } } });
  });

  it('does not retry a 503 taken off the list', async () => {
    const { step, requests } = await run(() => ({ status: 503, body: 'down' }), { retry: { attempts: 3, backoffMs: 10, statuses: [429] } });
    expect(requests).toHaveLength(1);
    expect(step.error).toMatchObject({ retryable: false });
  });

  it('caps each wait at the max delay', async () => {
    const { waits } = await run(() => ({ status: 503 }), { retry: { attempts: 4, backoffMs: 1_000, maxDelayMs: 1_500 } });
    expect(waits).toHaveLength(3);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1_500);
  });
});

describe('what a failed call keeps', () => {
  it('records the request made and the answer got, with secrets redacted', async () => {
    const answer: RequestScript = () => ({ status: 503, headers: { 'set-cookie': 'sid=abc', 'x-trace': 't-1' }, body: { error: 'maintenance' } });
    const real = await run(answer, {
      headers: { Authorization: 'Bearer very-secret-token', 'X-Source': 'hookflow' },
      query: { api_key: 'k-123456789', page: '2' },
      body: { id: 7 },
      retry: { attempts: 2, backoffMs: 1 },
    });
    expect(real.step.attempts).toBe(2);
    expect(real.step.error?.details).toMatchObject({
      status: 503,
      request: {
        method: 'POST',
        url: `${server?.url}/orders?api_key=%5Bredacted%5D&page=2`,
        headers: { Authorization: '[redacted]', 'X-Source': 'hookflow', 'content-type': 'application/json' },
        bodyPreview: '{"id":7}',
      },
      response: { status: 503, headers: { 'set-cookie': '[redacted]', 'x-trace': 't-1' }, bodyPreview: '{"error":"maintenance"}' },
    });
    expect(JSON.stringify(real.step)).not.toContain('very-secret-token');
    expect(JSON.stringify(real.step.error)).not.toContain('k-123456789');
  });

  it('records the request when nothing answers', async () => {
    const dead = await startLocalServer(() => ({ status: 200 }));
    const url = dead.url;
    await dead.close();
    const http = createHttpClient({ sleep: async () => undefined });
    const { step } = await runNodeInFlow({ nodeType: httpNode, params: { url: `${url}/gone`, retry: { attempts: 2, networkErrors: false } }, services: { http } });
    expect(step).toMatchObject({ status: 'error', attempts: 1, error: { kind: 'runtime', details: { request: { method: 'POST', url: `${url}/gone` } } } });
  });
});
