// Handshakes are answered without running or storing anything; IP allowlists honour
// X-Forwarded-For only from a trusted proxy; rate limits answer 429 with Retry-After.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';
import { activeOrderFlow, eventsOf, type ActiveFlow } from './support/webhook-flows';

type Answer = Record<string, unknown> | string;

describe('trigger guards', () => {
  let server: TestServer;
  let proxied: TestServer;
  let sink: Sink;

  beforeAll(async () => {
    server = await startTestServer();
    proxied = await startTestServer({ TRUSTED_PROXIES: '127.0.0.1, ::1' });
    sink = await startSink();
  });

  afterAll(async () => {
    await server?.close();
    await proxied?.close();
    await sink?.close();
  });

  describe('handshakes', () => {
    let flow: ActiveFlow;
    const challenge = { slack: true, microsoftGraph: true, hub: true, hubVerifyToken: 'meta-verify-token', zoom: true, zoomSecret: 'zoom-secret-token', asana: true, echoQueryParam: 'crc' };

    beforeAll(async () => {
      flow = await activeOrderFlow(server.url, sink.url, { challenge, auth: { type: 'hmac', preset: 'github', secret: 'gh-secret' } });
    });

    afterAll(async () => {
      await server.idle();
      // Only the refused handshakes (wrong hub.verify_token, unsigned Zoom validation) are
      // recorded; answered ones store nothing.
      const events = await eventsOf(server.url, flow.id);
      expect(events.map((event) => [event.status, event.httpStatus]).sort()).toEqual([
        ['rejected', 401],
        ['rejected', 403],
      ]);
      expect(sink.received).toEqual([]);
    });

    it('Slack url_verification: echoes the challenge', async () => {
      const answer = await call<Answer>(server.url, 'POST', flow.path, { type: 'url_verification', token: 't', challenge: 'slack-abc' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ challenge: 'slack-abc' });
    });

    it('Microsoft Graph: echoes validationToken as text/plain', async () => {
      const answer = await call<Answer>(server.url, 'POST', `${flow.path}?validationToken=graph%20token%3A1`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(answer.body).toBe('graph token:1');
    });

    it('Meta / WebSub: echoes hub.challenge when hub.verify_token matches, 403 otherwise', async () => {
      const ok = await call<Answer>(server.url, 'GET', `${flow.path}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meta-verify-token`);
      expect(ok.status).toBe(200);
      expect(ok.body).toBe(1158201444);
      const wrong = await call<Answer>(server.url, 'GET', `${flow.path}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess`);
      expect(wrong.status).toBe(403);
    });

    it('Zoom endpoint.url_validation: answers the HMAC-SHA256 of plainToken, only when Zoom signed it', async () => {
      const body = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' } });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const zoomSignature = `v0=${createHmac('sha256', 'zoom-secret-token').update(`v0:${timestamp}:${body}`).digest('hex')}`;
      const unsigned = await call<Answer>(server.url, 'POST', flow.path, body, { 'content-type': 'application/json' });
      expect(unsigned.status).toBe(401);
      const answer = await call<Answer>(server.url, 'POST', flow.path, body, {
        'content-type': 'application/json',
        'x-zm-request-timestamp': timestamp,
        'x-zm-signature': zoomSignature,
      });
      expect(answer.status).toBe(200);
      const encryptedToken = createHmac('sha256', 'zoom-secret-token').update('qgg8vlvZRS6UYooatFL8Aw').digest('hex');
      expect(answer.body).toEqual({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken });
    });

    it('Asana: echoes X-Hook-Secret', async () => {
      const answer = await call<Answer>(server.url, 'POST', flow.path, undefined, { 'x-hook-secret': 'asana-handshake-secret' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-hook-secret')).toBe('asana-handshake-secret');
    });

    it('a chosen query parameter: echoed as text/plain', async () => {
      const answer = await call<Answer>(server.url, 'POST', `${flow.path}?crc=echo-me`);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('echo-me');
    });

    it('handshakes that are switched off are not answered', async () => {
      const plain = await activeOrderFlow(server.url, sink.url, { auth: { type: 'hmac', preset: 'github', secret: 'gh-secret' } });
      const answer = await call<Answer>(server.url, 'POST', plain.path, { type: 'url_verification', challenge: 'x' });
      expect(answer.status).toBe(401);
    });
  });

  describe('IP allowlist', () => {
    const body = JSON.stringify(order(150));
    const post = (base: string, flow: ActiveFlow, headers: Record<string, string> = {}) =>
      call<Answer>(base, 'POST', flow.path, body, { 'content-type': 'application/json', ...headers });

    it('lets listed addresses in and refuses others with 403, recorded', async () => {
      const loopback = await activeOrderFlow(server.url, sink.url, { ipAllowlist: ['127.0.0.0/8', '::1'] });
      const elsewhere = await activeOrderFlow(server.url, sink.url, { ipAllowlist: ['10.0.0.0/8'] });
      expect((await post(server.url, loopback)).status).toBe(202);
      const refused = await post(server.url, elsewhere);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'forbidden_address' });
      await server.idle();
      await expect.poll(async () => (await eventsOf(server.url, elsewhere.id, 'rejected')).length).toBe(1);
    });

    it('ignores X-Forwarded-For when the peer is not a trusted proxy', async () => {
      const flow = await activeOrderFlow(server.url, sink.url, { ipAllowlist: ['10.0.0.0/8'] });
      expect((await post(server.url, flow, { 'x-forwarded-for': '10.1.2.3' })).status).toBe(403);
    });

    it('believes X-Forwarded-For from a trusted proxy, read from the right', async () => {
      const flow = await activeOrderFlow(proxied.url, sink.url, { ipAllowlist: ['10.0.0.0/8'] });
      expect((await post(proxied.url, flow, { 'x-forwarded-for': '10.1.2.3' })).status).toBe(202);
      // A client-written hop on the left does not help: the proxy appended the real address.
      expect((await post(proxied.url, flow, { 'x-forwarded-for': '10.9.9.9, 203.0.113.7' })).status).toBe(403);
      await proxied.idle();
    });
  });

  it('rate limit: over the limit answers 429 with Retry-After and runs nothing', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { rateLimit: { requests: 2, perSeconds: 60 } });
    const body = JSON.stringify(order(50));
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await call<Answer>(server.url, 'POST', flow.path, body, { 'content-type': 'application/json' }));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 429]);
    expect(Number(answers[2].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers[2].body).toMatchObject({ error: 'rate_limited' });
    await server.idle();
    expect(await eventsOf(server.url, flow.id)).toHaveLength(2);
  });
});
