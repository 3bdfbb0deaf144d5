// The outbound guard end to end: with OUTBOUND_DENY_PRIVATE=true a flow's http and Slack calls to
// the local sink (127.0.0.1) are refused before anything is sent, and the execution says why.
// Every request in this file stays on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../src/config/settings';
import { call } from './support/api';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type StepError = { kind: string; message: string; retryable?: boolean };
type Execution = { id: string; status: string; eventId: string; steps: Array<{ nodeId: string; status: string; attempts: number; error?: StepError }> };

function flowCalling(action: { type: 'http' | 'slack'; params: Record<string, unknown> }) {
  return {
    name: `Calls out with ${action.type}`,
    nodes: [
      { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST', path: 'in' } },
      { id: 'out', type: action.type, position: { x: 260, y: 0 }, params: action.params },
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'out', sourceHandle: null }],
  };
}

async function runOnce(server: TestServer, flow: ReturnType<typeof flowCalling>): Promise<Execution> {
  const created = await call<{ id: string }>(server.url, 'POST', '/api/flows', flow);
  expect(created.status).toBe(201);
  const activated = await call<{ triggers: Array<{ url: string }> }>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
  expect(activated.status).toBe(200);
  const sent = await call<{ eventId: string }>(server.url, 'POST', new URL(activated.body.triggers[0].url).pathname, { id: 1 });
  expect(sent.status).toBe(202);
  await server.idle();
  const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${created.body.id}`);
  const execution = list.body.items.find((item) => item.eventId === sent.body.eventId);
  const detail = await call<Execution>(server.url, 'GET', `/api/executions/${execution?.id}`);
  return detail.body;
}

describe('outbound guard with OUTBOUND_DENY_PRIVATE=true', () => {
  let server: TestServer;
  let sink: Sink;

  beforeAll(async () => {
    server = await startTestServer({ OUTBOUND_DENY_PRIVATE: 'true' });
    sink = await startSink();
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('refuses an http call to the local sink, sends nothing and does not retry', async () => {
    const execution = await runOnce(server, flowCalling({ type: 'http', params: { url: `${sink.url}/orders`, body: { id: 1 }, retry: { attempts: 3, backoffMs: 10 } } }));
    expect(execution.status).toBe('error');
    const step = execution.steps.find((candidate) => candidate.nodeId === 'out');
    expect(step).toMatchObject({ status: 'error', attempts: 1, error: { kind: 'runtime', retryable: false } });
    expect(step?.error?.message).toContain('refused: 127.0.0.1 is a private or loopback address (OUTBOUND_DENY_PRIVATE is on); allow it with OUTBOUND_ALLOWLIST');
    expect(sink.received).toHaveLength(0);
  });

  it('refuses a Slack incoming webhook URL on a private address', async () => {
    const execution = await runOnce(server, flowCalling({ type: 'slack', params: { webhookUrl: `${sink.url}/services/T0/B0/secret-path`, text: 'hi' } }));
    const step = execution.steps.find((candidate) => candidate.nodeId === 'out');
    expect(step?.status).toBe('error');
    expect(step?.error?.message).toContain('refused: 127.0.0.1 is a private or loopback address');
    expect(step?.error?.message).not.toContain('secret-path');
    expect(sink.received).toHaveLength(0);
  });

  it('validates OUTBOUND_ALLOWLIST and OUTBOUND_DENY_PRIVATE at start', () => {
    expect(() => loadSettings({ OUTBOUND_ALLOWLIST: '10.0.0.0/8, not a host!' })).toThrow(SettingsError);
    expect(() => loadSettings({ OUTBOUND_ALLOWLIST: '10.0.0.0/8, not a host!' })).toThrow(/OUTBOUND_ALLOWLIST: "not a host!" is neither/);
    expect(() => loadSettings({ OUTBOUND_DENY_PRIVATE: 'yes' })).toThrow(/OUTBOUND_DENY_PRIVATE/);
    expect(loadSettings({ OUTBOUND_ALLOWLIST: '10.0.0.0/8, api.internal,*.corp.example, fd00::1' }).OUTBOUND_ALLOWLIST).toEqual(['10.0.0.0/8', 'api.internal', '*.corp.example', 'fd00::1']);
  });
});

describe('outbound guard with the sink allowlisted', () => {
  it('lets the call through when OUTBOUND_ALLOWLIST names the address', async () => {
    const server = await startTestServer({ OUTBOUND_DENY_PRIVATE: 'true', OUTBOUND_ALLOWLIST: '127.0.0.1/32' });
    const sink = await startSink();
    try {
      const execution = await runOnce(server, flowCalling({ type: 'http', params: { url: `${sink.url}/orders`, body: { id: 1 } } }));
      expect(execution.status).toBe('success');
      expect(sink.received).toHaveLength(1);
    } finally {
      await server.close();
      await sink.close();
    }
  });
});
