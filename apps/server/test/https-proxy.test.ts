// The `https` compose profile's Caddyfile, run for real with Debian's Caddy in front of a test
// server (on spare ports, with Caddy's local CA for `localhost` instead of Let's Encrypt): webhooks
// arrive over HTTPS, trigger URLs say https, Hookflow believes the client address Caddy passes on
// (and only that one), and an oversized body gets Hookflow's own 413.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order } from './support/flows';
import { sparePort } from './support/redis-server';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';
import { activeOrderFlow, type ActiveFlow } from './support/webhook-flows';

const caddyfile = resolve(import.meta.dirname, '../../../docker/Caddyfile');
const hasCaddy = spawnSync('caddy', ['version'], { stdio: 'ignore' }).status === 0;

interface Answer {
  status: number;
  body: string;
}

describe.runIf(hasCaddy)('behind Caddy (docker/Caddyfile)', () => {
  let server: TestServer;
  let sink: Sink;
  let caddy: ChildProcess;
  let home: string;
  let httpsPort: number;
  let rootCa: Buffer;

  beforeAll(async () => {
    httpsPort = await sparePort();
    const httpPort = await sparePort();
    server = await startTestServer({ PUBLIC_URL: `https://localhost:${httpsPort}`, TRUSTED_PROXIES: '127.0.0.1', MAX_BODY_BYTES: '4096' });
    sink = await startSink();
    home = mkdtempSync(join(tmpdir(), 'hookflow-caddy-'));
    const upstream = new URL(server.url).host;
    caddy = spawn('caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
      env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), DOMAIN: 'localhost', HTTP_PORT: String(httpPort), HTTPS_PORT: String(httpsPort), CADDY_ADMIN: 'off', UPSTREAM: upstream },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    caddy.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    // Ready once its local CA exists and it answers over TLS (bounded).
    for (let tries = 0; ; tries += 1) {
      try {
        rootCa = readFileSync(join(home, 'data/caddy/pki/authorities/local/root.crt'));
        if ((await send({ path: '/healthz' })).status === 200) break;
      } catch {
        if (tries > 100) throw new Error(`Caddy did not start: ${log}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }, 60_000);

  afterAll(async () => {
    caddy?.kill('SIGKILL');
    await server?.close();
    await sink?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  /** A request to Caddy over HTTPS, trusting Caddy's local CA only, from a chosen loopback address. */
  function send({ path, body, from = '127.0.0.1', headers = {} }: { path: string; body?: string; from?: string; headers?: Record<string, string> }): Promise<Answer> {
    return new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', servername: 'localhost', port: httpsPort, path, method: body === undefined ? 'GET' : 'POST', ca: rootCa, localAddress: from, headers: { host: `localhost:${httpsPort}`, 'content-type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', fail);
      req.end(body);
    });
  }

  async function hookFlow(webhook: Record<string, unknown>): Promise<ActiveFlow & { url: string }> {
    const flow = await activeOrderFlow(server.url, sink.url, webhook);
    return { ...flow, url: `https://localhost:${httpsPort}${flow.path}` };
  }

  it('takes webhooks over HTTPS with a verified certificate, and the flow runs', async () => {
    const flow = await hookFlow({});
    const answer = await send({ path: flow.path, body: JSON.stringify(order(150, 'TLS-1')) });
    expect(answer.status).toBe(202);
    await sink.waitForBodies((bodies) => bodies.some((body) => body.includes('TLS-1')));
  });

  it('shows trigger URLs with the https address', async () => {
    const flow = await hookFlow({});
    expect(flow.url).toMatch(/^https:\/\/localhost:\d+\/hooks\//);
  });

  it("believes the client address Caddy passes on, and not one the client wrote", async () => {
    const flow = await hookFlow({ ipAllowlist: ['127.0.0.2'] });
    const body = JSON.stringify(order(150));
    expect((await send({ path: flow.path, body, from: '127.0.0.2' })).status).toBe(202);
    // Caddy drops the client's own X-Forwarded-For and writes the real address.
    expect((await send({ path: flow.path, body, from: '127.0.0.3', headers: { 'x-forwarded-for': '127.0.0.2' } })).status).toBe(403);
  });

  it("answers an oversized body with Hookflow's own 413, which names the limit", async () => {
    const flow = await hookFlow({});
    const answer = await send({ path: flow.path, body: JSON.stringify({ blob: 'x'.repeat(10_000) }) });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('4096 bytes (MAX_BODY_BYTES)');
  });
});
