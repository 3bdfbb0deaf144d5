// A flow name over the limit is refused with a reason, on create and on save, and never cut to fit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { orderFlowTo } from './support/flows';
import { startTestServer, type TestServer } from './support/test-server';

type Refusal = { errors: Array<{ path: string; message: string }> };

describe('flow name limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers 400 naming the limit and the length for a 319-character name, on create and on save', async () => {
    const flow = orderFlowTo('http://127.0.0.1:9/never');
    const created = await call<{ id: string; name: string }>(server.url, 'POST', '/api/flows', flow);
    expect(created.status).toBe(201);
    const long = { ...flow, name: 'N'.repeat(319) };
    for (const answer of [await call<Refusal>(server.url, 'POST', '/api/flows', long), await call<Refusal>(server.url, 'PUT', `/api/flows/${created.body.id}`, long)]) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ path: 'name', message: 'The flow\'s field "name" is too long: at most 200 characters are allowed (this one has 319)' }]);
    }
    const stored = await call<{ name: string }>(server.url, 'GET', `/api/flows/${created.body.id}`);
    expect(stored.body.name).toBe(flow.name);
  });
});
