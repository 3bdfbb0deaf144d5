// A flow's version history over real HTTP: newest first, paged, with who saved each version, for
// every signed-in role, and never a secret (the list carries no documents). Saving a restored
// version brings its secrets back.
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument, FlowVersionSummaryDto, Page } from '@hookflow/flow-model';
import { FlowEntity } from '../src/flows/flow.entities';
import { call, callAnonymous } from './support/api';
import { orderFlowTo } from './support/flows';
import { sessionCookie } from './support/sign-in';
import { startTestServer, type TestServer } from './support/test-server';

const SECRET = 'history-secret-8c1d5e2f7a90';
const VIEWER = { email: 'history-viewer@example.com', password: 'viewer-password-1', role: 'viewer' };

describe('GET /api/flows/:id/versions', () => {
  let server: TestServer;
  let flowId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const flow = orderFlowTo('http://127.0.0.1:9/never');
    flow.nodes[0]!.params = { ...flow.nodes[0]!.params, auth: { type: 'hmac', preset: 'github', secret: SECRET } };
    const created = await call<{ id: string }>(server.url, 'POST', '/api/flows', flow);
    expect(created.status).toBe(201);
    flowId = created.body.id;
    for (const name of ['Orders v2', 'Orders v3']) {
      expect((await call(server.url, 'PUT', `/api/flows/${flowId}`, { ...flow, name })).status).toBe(200);
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists the versions newest first with their name, size, time and who saved them, and marks the current one', async () => {
    const answer = await call<Page<FlowVersionSummaryDto>>(server.url, 'GET', `/api/flows/${flowId}/versions`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => [item.version, item.name, item.current])).toEqual([
      [3, 'Orders v3', true],
      [2, 'Orders v2', false],
      [1, 'Big orders to the warehouse', false],
    ]);
    expect(answer.body.items.every((item) => item.savedBy?.kind === 'api_key' && item.savedBy.name === 'tests')).toBe(true);
    expect(answer.body.items.every((item) => item.nodeCount === orderFlowTo('http://127.0.0.1:9/never').nodes.length && !Number.isNaN(Date.parse(item.createdAt)))).toBe(true);
    expect(answer.body.nextCursor).toBeNull();
    expect(JSON.stringify(answer.body)).not.toContain(SECRET);
  });

  it('pages with limit and cursor, and refuses a cursor it did not give out', async () => {
    const first = await call<Page<FlowVersionSummaryDto>>(server.url, 'GET', `/api/flows/${flowId}/versions?limit=2`);
    expect(first.body.items.map((item) => item.version)).toEqual([3, 2]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await call<Page<FlowVersionSummaryDto>>(server.url, 'GET', `/api/flows/${flowId}/versions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item) => item.version)).toEqual([1]);
    expect(second.body.nextCursor).toBeNull();
    expect((await call(server.url, 'GET', `/api/flows/${flowId}/versions?cursor=abc`)).status).toBe(400);
    expect((await call(server.url, 'GET', `/api/flows/${flowId}/versions?limit=1000`)).status).toBe(400);
  });

  it('answers 404 for an unknown flow, 401 to strangers, and lets a viewer read it', async () => {
    expect((await call(server.url, 'GET', '/api/flows/no-such-flow/versions')).status).toBe(404);
    expect((await callAnonymous(server.url, 'GET', `/api/flows/${flowId}/versions`)).status).toBe(401);
    expect((await call(server.url, 'POST', '/api/users', VIEWER)).status).toBe(201);
    const cookie = await sessionCookie({ base: server.url, email: VIEWER.email, password: VIEWER.password });
    const viewed = await callAnonymous<Page<FlowVersionSummaryDto>>(server.url, 'GET', `/api/flows/${flowId}/versions`, undefined, { cookie });
    expect(viewed.status).toBe(200);
    expect(viewed.body.items).toHaveLength(3);
  });

  it('the document of a listed version is read with its secrets redacted', async () => {
    const list = await call<Page<FlowVersionSummaryDto>>(server.url, 'GET', `/api/flows/${flowId}/versions`);
    const oldest = list.body.items[2]!;
    const version = await call<{ version: number; document: { nodes: Array<{ params: Record<string, unknown> }> } }>(server.url, 'GET', `/api/flow-versions/${oldest.id}`);
    expect(version.body.version).toBe(1);
    expect(version.body.document.nodes[0]!.params.auth).toMatchObject({ secret: '[redacted]' });
    expect(JSON.stringify(version.body)).not.toContain(SECRET);
  });

  it('saving an old version with restoredFrom brings back its secrets, even where the latest version has none', async () => {
    const list = await call<Page<FlowVersionSummaryDto>>(server.url, 'GET', `/api/flows/${flowId}/versions`);
    const current = await call<FlowDocument>(server.url, 'GET', `/api/flows/${flowId}`);
    const withoutAuth = { ...current.body, nodes: current.body.nodes.map((node, index) => (index === 0 ? { ...node, params: { method: 'POST' } } : node)) };
    expect((await call(server.url, 'PUT', `/api/flows/${flowId}`, withoutAuth)).status).toBe(200);
    const oldest = list.body.items[2]!;
    const old = await call<{ document: FlowDocument }>(server.url, 'GET', `/api/flow-versions/${oldest.id}`);

    expect((await call(server.url, 'PUT', `/api/flows/${flowId}?restoredFrom=unknown-version`, old.body.document)).status).toBe(404);
    const saved = await call<{ version: number }>(server.url, 'PUT', `/api/flows/${flowId}?restoredFrom=${oldest.id}`, old.body.document);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(5);
    const stored = await server.app.get(DataSource).getRepository(FlowEntity).findOneByOrFail({ id: flowId });
    expect(stored.document.nodes[0]!.params.auth).toMatchObject({ secret: SECRET });
    const audit = await call<{ items: Array<{ action: string; details: Record<string, unknown> }> }>(server.url, 'GET', '/api/audit?action=flow.saved&limit=1');
    expect(audit.body.items[0]!.details).toEqual({ version: 5, restoredFrom: 1 });
  });
});
