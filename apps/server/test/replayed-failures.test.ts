// A failure that a replay got through is no longer an open failure, over real HTTP: the flows list's
// failures24h drops it, the hourly stats count it as resolved, and its row in the executions list
// names the run that got through. A replay that fails again leaves one open failure: its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { order, orderFlowTo } from './support/flows';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Flow = { id: string; triggers: Array<{ url: string }> };
type Summary = { id: string; status: string; retryOf: string | null; resolvedBy?: string | null };
type Bucket = { error: number; resolved: number };

describe('failures replayed successfully', () => {
  let server: TestServer;
  let sink: Sink;
  let flow: Flow;

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
    const document = orderFlowTo(`${sink.url}/orders`);
    const warehouse = document.nodes.find((node) => node.id === 'warehouse');
    if (warehouse) warehouse.params = { ...warehouse.params, retry: { attempts: 1, backoffMs: 10 } };
    const created = await call<Flow>(server.url, 'POST', '/api/flows', document);
    flow = (await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`)).body;
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  async function state(): Promise<{ failures24h: number; stats: Bucket; items: Summary[]; failed: string[] }> {
    await server.idle();
    const flows = await call<Array<{ id: string; failures24h: number }>>(server.url, 'GET', '/api/flows');
    const stats = await call<{ buckets: Bucket[] }>(server.url, 'GET', `/api/executions/stats?flowId=${flow.id}`);
    const list = await call<{ items: Summary[] }>(server.url, 'GET', `/api/executions?flowId=${flow.id}`);
    const failed = await call<{ items: Array<{ id: string }> }>(server.url, 'GET', `/api/flows/${flow.id}/failed`);
    return {
      failures24h: flows.body.find((item) => item.id === flow.id)?.failures24h ?? -1,
      stats: stats.body.buckets.reduce((sum, bucket) => ({ error: sum.error + bucket.error, resolved: sum.resolved + bucket.resolved }), { error: 0, resolved: 0 }),
      items: list.body.items,
      failed: failed.body.items.map((item) => item.id),
    };
  }

  async function retry(executionId: string, answer: number): Promise<string> {
    sink.answers.push(answer);
    const retried = await call<{ executionId: string }>(server.url, 'POST', `/api/executions/${executionId}/retry`);
    expect(retried.status).toBe(202);
    return retried.body.executionId;
  }

  it('counts a failure as open until a replay gets it through, then names that replay on its row', async () => {
    sink.answers.push(503);
    await call(server.url, 'POST', new URL(flow.triggers[0].url).pathname, order(300, 'R-1'));
    const failing = await state();
    const [original] = failing.items;
    expect(original).toMatchObject({ status: 'error', resolvedBy: null });
    expect(failing).toMatchObject({ failures24h: 1, stats: { error: 1, resolved: 0 }, failed: [original.id] });

    const again = await retry(original.id, 503);
    const stillFailing = await state();
    expect(stillFailing).toMatchObject({ failures24h: 1, stats: { error: 2, resolved: 0 }, failed: [again] });
    expect(stillFailing.items.every((item) => item.resolvedBy === null)).toBe(true);

    const through = await retry(again, 200);
    const replayed = await state();
    expect(replayed).toMatchObject({ failures24h: 0, stats: { error: 2, resolved: 2 }, failed: [] });
    const byId = new Map(replayed.items.map((item) => [item.id, item]));
    expect(byId.get(through)).toMatchObject({ status: 'success', retryOf: again, resolvedBy: null });
    expect(byId.get(again)?.resolvedBy).toBe(through);
    expect(byId.get(original.id)?.resolvedBy).toBe(through);
  });
});
