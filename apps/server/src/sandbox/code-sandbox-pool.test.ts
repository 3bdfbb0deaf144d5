import { afterEach, describe, expect, it } from 'vitest';
import type { CodeRunRequest } from '@hookflow/engine';
import { CodeSandboxPool } from './code-sandbox-pool';

const MB = 1024 * 1024;

function request(code: string, timeoutMs = 1_000): CodeRunRequest {
  return { code, input: { trigger: { n: 2 }, nodes: {}, flow: { id: 'f', name: 'F' } }, timeoutMs, memoryBytes: 16 * MB, maxOutputBytes: MB };
}

describe('CodeSandboxPool', () => {
  let pool: CodeSandboxPool | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  it('runs code on a worker thread and answers its output and logs', async () => {
    pool = new CodeSandboxPool({ size: 1, maxTimeoutMs: 5_000, maxMemoryBytes: 64 * MB });
    expect(await pool.run(request('console.log("n is", trigger.n); return trigger.n * 21;'))).toEqual({ ok: true, output: 42, logs: ['n is 2'] });
  });

  it('runs at most its size at once: a second run waits for the first', async () => {
    pool = new CodeSandboxPool({ size: 1, maxTimeoutMs: 5_000, maxMemoryBytes: 64 * MB });
    const finished: string[] = [];
    const slow = pool.run(request('while (true) {}', 300)).then((result) => finished.push(`slow:${result.ok ? 'ok' : result.error.kind}`));
    const quick = pool.run(request('return 1;')).then((result) => finished.push(`quick:${result.ok ? 'ok' : result.error.kind}`));
    await Promise.all([slow, quick]);
    expect(finished).toEqual(['slow:timeout', 'quick:ok']);
    expect(pool.workerCount).toBe(1);
  });

  it('caps limits at its maxima', async () => {
    pool = new CodeSandboxPool({ size: 1, maxTimeoutMs: 100, maxMemoryBytes: 64 * MB });
    const started = Date.now();
    expect(await pool.run(request('while (true) {}', 60_000))).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('says why when the sandbox cannot be loaded, for every waiting run', async () => {
    pool = new CodeSandboxPool({ size: 2, maxTimeoutMs: 1_000, maxMemoryBytes: 64 * MB, sandboxModule: '/nowhere/quickjs-sandbox.js' });
    const results = await Promise.all([pool.run(request('return 1;')), pool.run(request('return 2;'))]);
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { kind: 'crashed', message: expect.stringContaining('could not start') } });
  });

  it('answers waiting runs when closed', async () => {
    pool = new CodeSandboxPool({ size: 1, maxTimeoutMs: 5_000, maxMemoryBytes: 64 * MB });
    const running = pool.run(request('while (true) {}', 5_000));
    const waiting = pool.run(request('return 1;'));
    await pool.close();
    expect(await running).toMatchObject({ ok: false, error: { kind: 'crashed' } });
    expect(await waiting).toMatchObject({ ok: false, error: { kind: 'crashed', message: 'the server is shutting down' } });
    expect(pool.workerCount).toBe(0);
  });
});
