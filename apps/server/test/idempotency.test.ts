// Each event once: repeats of a delivery id inside the retention window answer 200 with the first
// event's id and run nothing, also when they arrive concurrently; stale events can be dropped.
import { sign as githubSign } from '@octokit/webhooks-methods';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DedupePurgeService } from '../src/events/dedupe-purge.service';
import { DedupeKeyEntity } from '../src/events/event.entity';
import { call } from './support/api';
import { order } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';
import { activeOrderFlow, eventsOf } from './support/webhook-flows';

type Answer = { eventId: string; duplicate?: boolean; dropped?: boolean; reason?: string };

describe('idempotency', () => {
  let server: TestServer;
  let sink: Sink;
  const post = (path: string, body: string, headers: Record<string, string>) =>
    call<Answer>(server.url, 'POST', path, body, { 'content-type': 'application/json', ...headers });

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('20 concurrent deliveries with the same X-GitHub-Delivery run once', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { auth: { type: 'hmac', preset: 'github', secret: 'gh-secret' }, dedupe: {} });
    const body = JSON.stringify(order(150, 'o-concurrent'));
    const headers = { 'x-hub-signature-256': await githubSign('gh-secret', body), 'x-github-delivery': 'd-0001' };
    const before = sink.received.length;
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(flow.path, body, headers)));
    const accepted = answers.filter((answer) => answer.status === 202);
    const duplicates = answers.filter((answer) => answer.status === 200);
    expect(accepted).toHaveLength(1);
    expect(duplicates).toHaveLength(19);
    expect(duplicates.every((answer) => answer.body.duplicate === true && answer.body.eventId === accepted[0].body.eventId)).toBe(true);
    await server.idle();
    expect(sink.received.length - before).toBe(1);
    const recorded = await eventsOf(server.url, flow.id, 'duplicate');
    expect(recorded).toHaveLength(19);
    expect(recorded[0].reason).toContain(accepted[0].body.eventId);
    // A later repeat is still a duplicate; another delivery id runs.
    expect((await post(flow.path, body, headers)).body).toEqual({ eventId: accepted[0].body.eventId, duplicate: true });
    expect((await post(flow.path, body, { ...headers, 'x-github-delivery': 'd-0002' })).status).toBe(202);
  });

  it("Stripe's event id in the body, and the generic Idempotency-Key header", async () => {
    const stripeLike = await activeOrderFlow(server.url, sink.url, { dedupe: { preset: 'stripe' } });
    const event = JSON.stringify({ id: 'evt_123', ...order(150) });
    expect((await post(stripeLike.path, event, {})).status).toBe(202);
    expect((await post(stripeLike.path, event, {})).body.duplicate).toBe(true);
    const generic = await activeOrderFlow(server.url, sink.url, { dedupe: {} });
    const body = JSON.stringify(order(150));
    expect((await post(generic.path, body, { 'idempotency-key': 'k-1' })).status).toBe(202);
    expect((await post(generic.path, body, { 'idempotency-key': 'k-1' })).status).toBe(200);
    // Without a key there is nothing to compare: the event runs.
    expect((await post(generic.path, body, {})).status).toBe(202);
    await server.idle();
  });

  it('an expired key is claimed again, and the purge removes expired keys', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { dedupe: { preset: 'custom', source: 'body', path: 'order.id', retentionSeconds: 60 } });
    const body = JSON.stringify(order(150, 'o-expiring'));
    const first = await post(flow.path, body, {});
    expect(first.status).toBe(202);
    const keys = server.app.get(DataSource).getRepository(DedupeKeyEntity);
    await keys.update({ flowId: flow.id }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const again = await post(flow.path, body, {});
    expect(again.status).toBe(202);
    expect(again.body.eventId).not.toBe(first.body.eventId);
    await keys.update({ flowId: flow.id }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await server.app.get(DedupePurgeService).purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await keys.countBy({ flowId: flow.id })).toBe(0);
    await server.idle();
  });

  it('drop if older than: a stale event answers 200 dropped, is recorded and does not run', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { dropOlderThan: { source: 'body', path: 'created', maxAgeSeconds: 300 } });
    await server.idle();
    const before = sink.received.length;
    const stale = await post(flow.path, JSON.stringify({ created: Math.floor(Date.now() / 1000) - 3600, ...order(150) }), {});
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ dropped: true });
    expect(stale.body.reason).toMatch(/older than the 300 s/);
    const fresh = await post(flow.path, JSON.stringify({ created: new Date().toISOString(), ...order(150) }), {});
    expect(fresh.status).toBe(202);
    await server.idle();
    expect(sink.received.length - before).toBe(1);
    expect(await eventsOf(server.url, flow.id, 'dropped')).toHaveLength(1);
  });
});
