// The delay over real HTTP: a run that reaches it is recorded as "waiting" with the time it goes on,
// holds no execution slot meanwhile, then goes on and ends under the same execution id. A SIGKILL
// while runs wait loses none of them: the restarted process resumes each once, when it is due.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { startChildServer, type ChildServer } from './support/child-server';
import { type FlowJson } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, testBackendEnv, type TestServer } from './support/test-server';

type Execution = { id: string; status: string; eventId: string; resumeAt?: string | null; steps?: Array<{ nodeId: string; status: string; output?: unknown }> };

/** webhook → delay → http POST to the sink with the order id. */
function reminderFlow(sinkUrl: string, seconds: number): FlowJson {
  return {
    name: `remind after ${seconds}s`,
    nodes: [
      { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST' } },
      { id: 'wait', type: 'delay', position: { x: 200, y: 0 }, params: { amount: seconds, unit: 'seconds' } },
      { id: 'remind', type: 'http', position: { x: 400, y: 0 }, params: { method: 'POST', url: `${sinkUrl}/remind`, body: { id: '{{trigger.body.id}}', waited: '{{nodes.wait.until}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'hook', target: 'wait' },
      { id: 'e2', source: 'wait', target: 'remind' },
    ],
  };
}

async function activate(base: string, flow: FlowJson): Promise<{ id: string; path: string }> {
  const created = await call<{ id: string }>(base, 'POST', '/api/flows', flow);
  expect(created.status).toBe(201);
  const activated = await call<{ triggers: Array<{ url: string }> }>(base, 'POST', `/api/flows/${created.body.id}/activate`);
  expect(activated.status).toBe(200);
  return { id: created.body.id, path: new URL(activated.body.triggers[0].url).pathname };
}

async function executions(base: string, flowId: string): Promise<Execution[]> {
  return (await call<{ items: Execution[] }>(base, 'GET', `/api/executions?flowId=${flowId}&limit=200`)).body.items;
}

const remindedIds = (sink: Sink) => sink.received.filter((request) => request.url === '/remind').map((request) => (JSON.parse(request.body) as { id: string }).id);

describe('delay', () => {
  let server: TestServer | undefined;
  let sink: Sink | undefined;
  let child: ChildServer | undefined;
  const dirs: string[] = [];

  afterAll(async () => {
    await server?.close();
    await child?.kill('SIGKILL');
    await sink?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('records the run as waiting, frees its slot, and goes on under the same id when the time comes', { timeout: 30_000 }, async () => {
    // One execution slot: if a waiting run held it, the second event could not run meanwhile.
    server = await startTestServer({ EXECUTION_CONCURRENCY: '1' });
    sink = await startSink();
    const waiting = await activate(server.url, reminderFlow(sink.url, 2));
    const quick = await activate(server.url, { ...reminderFlow(sink.url, 0), name: 'no wait' });

    const accepted = await call<{ eventId: string }>(server.url, 'POST', waiting.path, { id: 'R-1' });
    expect(accepted.status).toBe(202);
    await expect.poll(async () => (await executions(server!.url, waiting.id))[0]?.status, { timeout: 10_000 }).toBe('waiting');
    const [parked] = await executions(server.url, waiting.id);
    expect(parked.eventId).toBe(accepted.body.eventId);
    expect(Date.parse(parked.resumeAt ?? '')).toBeGreaterThan(Date.now() - 2_000);
    const detail = (await call<Execution>(server.url, 'GET', `/api/executions/${parked.id}`)).body;
    expect(detail.steps?.map((step) => `${step.nodeId}:${step.status}`)).toEqual(['hook:success', 'wait:waiting']);
    expect(await call(server.url, 'GET', `/api/executions?flowId=${waiting.id}&status=waiting`)).toMatchObject({ status: 200 });

    // Retrying or replaying it while it waits would run what follows the delay twice: refused.
    expect((await call<{ message: string }>(server.url, 'POST', `/api/executions/${parked.id}/retry`)).status).toBe(409);
    const replay = await call<{ errors: Array<{ message: string }> }>(server.url, 'POST', '/api/executions/replay', { executionIds: [parked.id] });
    expect(replay.status).toBe(400);
    expect(replay.body.errors[0]?.message).toContain('is waiting at a delay');

    // The waiting run holds no slot: an event of another flow runs to its end meanwhile.
    expect((await call(server.url, 'POST', quick.path, { id: 'Q-1' })).status).toBe(202);
    await sink.waitFor(1);
    expect(remindedIds(sink)).toEqual(['Q-1']);
    expect((await executions(server.url, waiting.id))[0].status).toBe('waiting');

    await sink.waitFor(2, 15_000);
    expect(remindedIds(sink)).toEqual(['Q-1', 'R-1']);
    await expect.poll(async () => (await executions(server!.url, waiting.id))[0]?.status, { timeout: 10_000 }).toBe('success');
    const runs = await executions(server.url, waiting.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: parked.id, resumeAt: null });
    const finished = (await call<Execution>(server.url, 'GET', `/api/executions/${parked.id}`)).body;
    expect(finished.steps?.map((step) => `${step.nodeId}:${step.status}`)).toEqual(['hook:success', 'wait:success', 'remind:success']);
    expect(finished.steps?.[0].output).toMatchObject({ body: { id: 'R-1' } });
  });

  it('cancels a waiting run before its time: it never goes on, and only a waiting run can be cancelled', { timeout: 30_000 }, async () => {
    server ??= await startTestServer();
    sink ??= await startSink();
    const flow = await activate(server.url, { ...reminderFlow(sink.url, 2), name: 'cancelled reminder' });
    const accepted = await call<{ eventId: string }>(server.url, 'POST', flow.path, { id: 'C-1' });
    expect(accepted.status).toBe(202);
    await expect.poll(async () => (await executions(server!.url, flow.id))[0]?.status, { timeout: 10_000 }).toBe('waiting');
    const [waiting] = await executions(server.url, flow.id);

    expect(await call(server.url, 'POST', `/api/executions/${waiting.id}/cancel`)).toMatchObject({ status: 200, body: { id: waiting.id, status: 'cancelled' } });
    const again = await call<{ message: string }>(server.url, 'POST', `/api/executions/${waiting.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('Only a run that waits at a delay can be cancelled');
    expect((await call(server.url, 'POST', '/api/executions/no-such-run/cancel')).status).toBe(404);
    const detail = (await call<Execution>(server.url, 'GET', `/api/executions/${waiting.id}`)).body;
    expect(detail).toMatchObject({ status: 'cancelled', resumeAt: null });
    expect(detail.steps?.map((step) => `${step.nodeId}:${step.status}`)).toEqual(['hook:success', 'wait:skipped']);
    expect((await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flow.id}&status=cancelled`)).body.items.map((item) => item.id)).toEqual([waiting.id]);

    // Past its time, it still never went on.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(remindedIds(sink)).not.toContain('C-1');
    expect((await executions(server.url, flow.id)).map((run) => run.status)).toEqual(['cancelled']);
  });

  it('resumes each waiting run once after a SIGKILL and restart', { timeout: 90_000 }, async () => {
    const store = await testBackendEnv();
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-delay-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, ...store.env };
    const killSink = await startSink();
    try {
      child = await startChildServer(env);
      const flow = await activate(child.url, reminderFlow(killSink.url, 4));
      const ids = ['K-1', 'K-2', 'K-3'];
      for (const id of ids) expect((await call(child.url, 'POST', flow.path, { id })).status).toBe(202);
      const base = child.url;
      await expect.poll(async () => (await executions(base, flow.id)).filter((run) => run.status === 'waiting').length, { timeout: 10_000 }).toBe(3);
      await child.kill('SIGKILL');
      expect(remindedIds(killSink)).toEqual([]);

      child = await startChildServer(env);
      await killSink.waitFor(3, 30_000);
      expect(remindedIds(killSink).sort()).toEqual(ids);
      const restarted = child.url;
      await expect.poll(async () => (await executions(restarted, flow.id)).map((run) => run.status), { timeout: 10_000 }).toEqual(['success', 'success', 'success']);
      // No second call for any of them once they all ended.
      expect(remindedIds(killSink)).toHaveLength(3);
    } finally {
      await killSink.close();
      await store.drop();
    }
  });
});
