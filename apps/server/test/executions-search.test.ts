// The global executions list: every flow's runs, newest first in keyset pages, narrowed by flow,
// status, start time and a search (an execution id, an event id, or words of the error message).
// Rows are seeded straight into the store at known times; the API is read over real HTTP.
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEntity } from '../src/events/event.entity';
import { ExecutionEntity, type StoredExecutionStatus } from '../src/executions/execution.entity';
import { newRowId } from '../src/storage/row-id';
import { call } from './support/api';
import { startTestServer, type TestServer } from './support/test-server';

interface Page {
  items: Array<{ id: string; flowId: string; eventId: string; status: string; startedAt: string }>;
  nextCursor: string | null;
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 8, minute)).toISOString();

async function seed(server: TestServer) {
  const dataSource = server.app.get(DataSource);
  const flow = async (name: string) => {
    const created = await call<{ id: string; versionId: string }>(server.url, 'POST', '/api/flows', { name: `${name} ${randomBytes(3).toString('hex')}`, nodes: [{ id: 'hook', type: 'webhook' }], edges: [] });
    expect(created.status).toBe(201);
    return created.body;
  };
  const run = async ({ flow: { id: flowId, versionId }, minute, status = 'success', message }: { flow: { id: string; versionId: string }; minute: number; status?: StoredExecutionStatus; message?: string }) => {
    const eventId = newRowId();
    await dataSource.getRepository(EventEntity).insert({
      id: eventId, flowId, flowVersionId: versionId, nodeId: 'hook', method: 'POST', path: '/hooks/x', headers: {}, query: {}, contentType: 'application/json',
      body: null, rawBody: '{"order":1}', rawEncoding: 'utf8', status: 'done', reason: null, httpStatus: 202, receivedAt: at(minute), orderingKey: null,
    });
    const id = newRowId();
    const error = message ? JSON.stringify({ nodeId: 'hook', message, kind: 'runtime', retryable: false }) : null;
    await dataSource.getRepository(ExecutionEntity).insert({ id, flowId, flowVersionId: versionId, flowVersion: 1, eventId, retryOf: null, status, steps: '[]', error, startedAt: at(minute), finishedAt: at(minute), durationMs: 1 });
    return { id, eventId };
  };
  const orders = await flow('orders');
  const signups = await flow('signups');
  return {
    orders,
    signups,
    runs: {
      first: await run({ flow: orders, minute: 1 }),
      refused: await run({ flow: signups, minute: 2, status: 'error', message: 'HTTP 503 from https://crm.test/Contacts' }),
      second: await run({ flow: orders, minute: 3, status: 'filtered' }),
      percent: await run({ flow: orders, minute: 4, status: 'error', message: 'discount over 100% refused' }),
      last: await run({ flow: signups, minute: 5 }),
    },
  };
}

describe('GET /api/executions across flows', () => {
  let server: TestServer;
  let seeded: Awaited<ReturnType<typeof seed>>;
  const list = async (query: string) => {
    const answer = await call<Page>(server.url, 'GET', `/api/executions?${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const ids = async (query: string) => (await list(query)).items.map((item) => item.id);

  beforeAll(async () => {
    server = await startTestServer();
    seeded = await seed(server);
  });
  afterAll(() => server?.close());

  it('lists every flow’s runs newest first, a page at a time', async () => {
    const { first, refused, second, percent, last } = seeded.runs;
    const one = await list('limit=2');
    expect(one.items.map((item) => item.id)).toEqual([last.id, percent.id]);
    const two = await list(`limit=2&cursor=${one.nextCursor}`);
    const three = await list(`limit=2&cursor=${two.nextCursor}`);
    expect([...two.items, ...three.items].map((item) => item.id)).toEqual([second.id, refused.id, first.id]);
    expect(three.nextCursor).toBeNull();
  });

  it('narrows by flow, status and start time, together', async () => {
    const { first, second, percent, refused } = seeded.runs;
    expect(await ids(`flowId=${seeded.orders.id}`)).toEqual([percent.id, second.id, first.id]);
    expect(await ids('status=error')).toEqual([percent.id, refused.id]);
    expect(await ids(`from=${encodeURIComponent(at(2))}&to=${encodeURIComponent(at(4))}`)).toEqual([second.id, refused.id]);
    expect(await ids(`flowId=${seeded.orders.id}&status=error&from=2026-01-10`)).toEqual([percent.id]);
    // Fields a form leaves empty filter nothing.
    expect(await ids('flowId=&status=&from=&to=&q=')).toHaveLength(5);
  });

  it('finds a run by its id, its event id, or words of its error, in any case', async () => {
    const { refused, percent, second } = seeded.runs;
    expect(await ids(`q=${second.id}`)).toEqual([second.id]);
    expect(await ids(`q=${refused.eventId}`)).toEqual([refused.id]);
    expect(await ids('q=crm.test%2Fcontacts')).toEqual([refused.id]);
    expect(await ids('q=%20503%20')).toEqual([refused.id]);
    // % and _ are searched as themselves, not as wildcards.
    expect(await ids('q=100%25')).toEqual([percent.id]);
    expect(await ids('q=_')).toEqual([]);
    expect(await ids(`q=503&flowId=${seeded.orders.id}`)).toEqual([]);
  });

  it('answers 400 with the reason for input it cannot use', async () => {
    const refused = async (query: string) => {
      const answer = await call<{ errors: Array<{ path: string; message: string }> }>(server.url, 'GET', `/api/executions?${query}`);
      expect(answer.status).toBe(400);
      return answer.body.errors;
    };
    expect(await refused('from=yesterday')).toEqual([{ path: 'from', message: expect.stringMatching(/ISO date-time/) }]);
    expect(await refused(`from=${at(5)}&to=${at(1)}`)).toEqual([{ path: 'to', message: '"to" must be after "from"' }]);
    expect(await refused(`q=${'x'.repeat(201)}`)).toEqual([{ path: 'q', message: 'search for at most 200 characters' }]);
    expect(await refused('status=lost')).toEqual([expect.objectContaining({ path: 'status' })]);
  });
});
