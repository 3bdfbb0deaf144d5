// "Run each event once" as the editor shows it: a webhook node saved the way the editor saves a new
// one (no dedupe param) runs a repeated provider delivery once, because the form shows "auto" and
// auto is what intake applies; "off" in the document really turns it off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';
import { activeOrderFlow, eventsOf } from './support/webhook-flows';

type Answer = { eventId: string; duplicate?: boolean };

describe('duplicate protection as the form shows it', () => {
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

  it('a new webhook node (no dedupe saved) runs the same GitHub delivery once', async () => {
    // What the editor saves for a freshly dropped webhook node: its scalar defaults only.
    const flow = await activeOrderFlow(server.url, sink.url, {});
    const saved = await call<{ nodes: Array<{ type: string; params: Record<string, unknown> }> }>(server.url, 'GET', `/api/flows/${flow.id}`);
    expect(saved.body.nodes.find((node) => node.type === 'webhook')?.params.dedupe).toBeUndefined();
    const body = JSON.stringify(order(150, 'o-gh-default'));
    const headers = { 'x-github-event': 'push', 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' };
    await server.idle();
    const before = sink.received.length;
    const first = await post(flow.path, body, headers);
    const again = await post(flow.path, body, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ eventId: first.body.eventId, duplicate: true });
    await server.idle();
    expect(sink.received.length - before).toBe(1);
    expect(await eventsOf(server.url, flow.id, 'duplicate')).toHaveLength(1);
  });

  it('requests without any delivery id still all run', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, {});
    const body = JSON.stringify(order(150, 'o-no-id'));
    expect((await post(flow.path, body, {})).status).toBe(202);
    expect((await post(flow.path, body, {})).status).toBe(202);
    await server.idle();
  });

  it('preset "off" runs every delivery, repeats included', async () => {
    const flow = await activeOrderFlow(server.url, sink.url, { dedupe: { preset: 'off' } });
    const body = JSON.stringify(order(150, 'o-gh-off'));
    const headers = { 'x-github-delivery': 'd-off-1' };
    await server.idle();
    const before = sink.received.length;
    expect((await post(flow.path, body, headers)).status).toBe(202);
    expect((await post(flow.path, body, headers)).status).toBe(202);
    await server.idle();
    expect(sink.received.length - before).toBe(2);
  });
});
