// A body over MAX_BODY_BYTES from a plain node:http client, against a real server process: the
// sender is still writing when the server knows the answer. Before, about 1 request in 3 saw EPIPE
// instead of the 413 (and a sender that sees a network error retries); now the server reads the
// rest of the body (up to a bound) and every sender reads its 413 with `Connection: close`.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child-server';
import { startSink, type Sink } from './support/sink';
import { testBackendEnv } from './support/test-server';
import { activeOrderFlow } from './support/webhook-flows';

describe('a body over the limit', () => {
  let server: ChildServer;
  let sink: Sink;
  let hook: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const backend = await testBackendEnv();
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-body-limit-'));
    sink = await startSink();
    server = await startChildServer({ ...backend.env, DATA_DIR: dataDir, MAX_BODY_BYTES: '4096' });
    hook = `${server.url}${(await activeOrderFlow(server.url, sink.url, {})).path}`;
    cleanup = async () => {
      await server.kill('SIGKILL');
      await sink.close();
      await backend.drop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }, 60_000);

  afterAll(() => cleanup?.());

  it('always gets the 413, never EPIPE, with or without a Content-Length', { timeout: 60_000 }, async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i += 1) outcomes.push(await postWithNodeHttp(hook, 3 * 1024 * 1024, i % 2 === 0));
    expect(outcomes.filter((outcome) => outcome !== '413 close')).toEqual([]);
    expect(sink.received).toEqual([]);
  });

  it('still takes the next request', async () => {
    expect(await postWithNodeHttp(hook, 100, true)).toMatch(/^400 /);
  });
});

/** POSTs `size` bytes of 'a' in 64 KB writes (with a Content-Length, or chunked); says what came back. */
function postWithNodeHttp(url: string, size: number, withLength: boolean): Promise<string> {
  const target = new URL(url);
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024), 'a');
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (withLength) headers['content-length'] = size;
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(`${res.statusCode} ${res.headers.connection}`));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    let written = 0;
    const write = (): void => {
      while (written < size) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}
