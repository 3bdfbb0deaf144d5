// Who is calling: each signature scheme is accepted when signed by the provider's own library (or,
// for Slack and Shopify, as their docs describe) and refused when the body, secret or timestamp is
// off; refusals are recorded and run nothing. Handshakes, IP allowlists and rate limits too.
import { createHmac } from 'node:crypto';
import { sign as githubSign } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';
import { activeOrderFlow, eventsOf, waitForEvents, type ActiveFlow } from './support/webhook-flows';

const SECRET = 'It’s a Secret to Everybody';
const STANDARD_SECRET = `whsec_${Buffer.from('standard-webhooks-test-key-32-bytes!').toString('base64')}`;
const stripe = new Stripe('sk_test_not_a_real_key');
const now = () => Math.floor(Date.now() / 1000);
const hmac = (algorithm: string, secret: string, data: string, encoding: 'hex' | 'base64') => createHmac(algorithm, secret).update(data).digest(encoding);

type Answer = { error?: string; message?: string; eventId?: string };

interface Scheme {
  name: string;
  auth: Record<string, unknown>;
  /** Headers signing `body` with `secret`, at `timestamp` (Unix seconds). */
  sign(args: { body: string; secret: string; timestamp: number }): Promise<Record<string, string>>;
  secret: string;
  /** Another valid secret of the same form, for "wrong secret". */
  otherSecret?: string;
  timed: boolean;
}

const schemes: Scheme[] = [
  {
    name: 'github',
    auth: { type: 'hmac', preset: 'github', secret: SECRET },
    secret: SECRET,
    timed: false,
    sign: async ({ body, secret }) => ({ 'x-hub-signature-256': await githubSign(secret, body) }),
  },
  {
    name: 'stripe',
    auth: { type: 'hmac', preset: 'stripe', secret: 'whsec_stripe_test_secret' },
    secret: 'whsec_stripe_test_secret',
    timed: true,
    sign: async ({ body, secret, timestamp }) => ({ 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) }),
  },
  {
    name: 'slack',
    auth: { type: 'hmac', preset: 'slack', secret: 'slack-signing-secret' },
    secret: 'slack-signing-secret',
    timed: true,
    // https://api.slack.com/authentication/verifying-requests-from-slack
    sign: async ({ body, secret, timestamp }) => ({
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${hmac('sha256', secret, `v0:${timestamp}:${body}`, 'hex')}`,
    }),
  },
  {
    name: 'shopify',
    auth: { type: 'hmac', preset: 'shopify', secret: 'shopify-app-secret' },
    secret: 'shopify-app-secret',
    timed: false,
    // https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify
    sign: async ({ body, secret }) => ({ 'x-shopify-hmac-sha256': hmac('sha256', secret, body, 'base64') }),
  },
  {
    name: 'standard-webhooks',
    auth: { type: 'hmac', preset: 'standard-webhooks', secret: STANDARD_SECRET },
    secret: STANDARD_SECRET,
    otherSecret: `whsec_${Buffer.from('another-key-of-thirty-two-bytes!!').toString('base64')}`,
    timed: true,
    sign: async ({ body, secret, timestamp }) => ({
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': new Webhook(secret).sign('msg_1', new Date(timestamp * 1000), body),
    }),
  },
  {
    name: 'custom (sha512, base64, prefix, timestamp.body)',
    auth: { type: 'hmac', preset: 'custom', secret: 'custom-secret', header: 'X-Sig', algorithm: 'sha512', encoding: 'base64', prefix: 'v1=', signedPayload: 'timestamp.body', timestampHeader: 'X-Sig-Time' },
    secret: 'custom-secret',
    timed: true,
    sign: async ({ body, secret, timestamp }) => ({ 'x-sig-time': String(timestamp), 'x-sig': `v1=${hmac('sha512', secret, `${timestamp}.${body}`, 'base64')}` }),
  },
];

describe('trigger auth', () => {
  let server: TestServer;
  let sink: Sink;
  const send = (flow: ActiveFlow, body: string, headers: Record<string, string>) =>
    call<Answer>(server.url, 'POST', flow.path, body, { 'content-type': 'application/json', ...headers });

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  describe.each(schemes)('$name', (scheme) => {
    let flow: ActiveFlow;
    const body = JSON.stringify(order(150, `o-${scheme.name}`));

    beforeAll(async () => {
      flow = await activeOrderFlow(server.url, sink.url, { auth: scheme.auth });
    });

    it('accepts a correct signature and runs the flow', async () => {
      const before = sink.received.length;
      const answer = await send(flow, body, await scheme.sign({ body, secret: scheme.secret, timestamp: now() }));
      expect(answer.status).toBe(202);
      await server.idle();
      expect(sink.received.length).toBe(before + 1);
    });

    it('refuses a changed body, a wrong secret and a missing signature, records each and runs nothing', async () => {
      await server.idle();
      const before = sink.received.length;
      const signed = await scheme.sign({ body, secret: scheme.secret, timestamp: now() });
      const tampered = await send(flow, body.replace('150', '15000'), signed);
      const wrongSecret = await send(flow, body, await scheme.sign({ body, secret: scheme.otherSecret ?? `${scheme.secret}-other`, timestamp: now() }));
      const unsigned = await send(flow, body, {});
      for (const answer of [tampered, wrongSecret, unsigned]) {
        expect(answer.status).toBe(401);
        expect(answer.body.error).toBe('invalid_signature');
        expect(answer.body.message).not.toContain(scheme.secret);
      }
      expect(tampered.body.message).toMatch(/does not match/);
      expect(unsigned.body.message).toMatch(/missing/);
      const rejected = await waitForEvents(server.url, flow.id, 'rejected', 3);
      expect(rejected.every((event) => event.httpStatus === 401 && event.reason)).toBe(true);
      await server.idle();
      expect(sink.received.length).toBe(before);
    });

    it.runIf(scheme.timed)('refuses a timestamp outside 300 s', async () => {
      const old = now() - 600;
      const answer = await send(flow, body, await scheme.sign({ body, secret: scheme.secret, timestamp: old }));
      expect(answer.status).toBe(401);
      expect(answer.body.message).toMatch(/at most 300 s/);
    });
  });

  it('header auth: the shared header must match; its value is never stored', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { auth: { type: 'header', name: 'X-Webhook-Token', value: 'token-1234567890' } });
    const body = JSON.stringify(order(150));
    expect((await send(flow, body, { 'x-webhook-token': 'token-1234567890' })).status).toBe(202);
    const wrong = await send(flow, body, { 'x-webhook-token': 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('unauthorized');
    await waitForEvents(server.url, flow.id, 'rejected', 1);
    const events = await eventsOf(server.url, flow.id);
    expect(JSON.stringify(events)).not.toContain('token-1234567890');
    expect(events.every((event) => event.headers['x-webhook-token'] === '[redacted]')).toBe(true);
  });

  it('replays re-check signatures but not their age, and keep header-auth events usable', async () => {
    const signed = await activeOrderFlow(server.url, sink.url, { auth: schemes[1].auth });
    const body = JSON.stringify(order(150));
    const old = await send(signed, body, await schemes[1].sign({ body, secret: schemes[1].secret, timestamp: now() - 3600 }));
    expect(old.status).toBe(401);
    const fresh = await send(signed, body, await schemes[1].sign({ body, secret: schemes[1].secret, timestamp: now() }));
    expect((await call(server.url, 'POST', `/api/events/${fresh.body.eventId}/replay`)).status).toBe(202);
    const forged = await send(signed, body, { 'stripe-signature': `t=${now()},v1=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    const rejected = await waitForEvents(server.url, signed.id, 'rejected', 2);
    const forgedEvent = rejected.find((event) => event.headers['stripe-signature']?.includes('0'.repeat(64)));
    expect((await call(server.url, 'POST', `/api/events/${forgedEvent?.id}/replay`)).status).toBe(401);
    const headerFlow = await activeOrderFlow(server.url, sink.url, { auth: { type: 'header', name: 'X-Token', value: 'token-abcdefgh' } });
    const accepted = await send(headerFlow, body, { 'x-token': 'token-abcdefgh' });
    expect((await call(server.url, 'POST', `/api/events/${accepted.body.eventId}/replay`)).status).toBe(202);
    await server.idle();
  });

  it('basic auth: user and password, with a WWW-Authenticate challenge on failure', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { auth: { type: 'basic', user: 'shop', password: 'pa55-word-long' } });
    const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
    const body = JSON.stringify(order(150));
    expect((await send(flow, body, basic('shop', 'pa55-word-long'))).status).toBe(202);
    const wrong = await send(flow, body, basic('shop', 'nope'));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await send(flow, body, {})).status).toBe(401);
  });

  it('secrets in trigger params never appear in flow API answers, and survive a save of "[redacted]"', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { auth: { type: 'hmac', preset: 'github', secret: 'super-secret-github-key' } });
    const read = await call<{ versionId: string; nodes: Array<{ type: string; params: Record<string, unknown> }> }>(server.url, 'GET', `/api/flows/${flow.id}`);
    expect(read.body.nodes[0].params.auth).toMatchObject({ secret: '[redacted]' });
    const version = await call(server.url, 'GET', `/api/flow-versions/${read.body.versionId}`);
    const answers = [read, version, await call(server.url, 'GET', '/api/flows'), await call(server.url, 'GET', '/api/node-types')];
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain('super-secret-github-key');
    const saved = await call(server.url, 'PUT', `/api/flows/${flow.id}`, read.body);
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.body)).not.toContain('super-secret-github-key');
    const body = JSON.stringify(order(150));
    expect((await send(flow, body, { 'x-hub-signature-256': await githubSign('super-secret-github-key', body) })).status).toBe(202);
  });
});
