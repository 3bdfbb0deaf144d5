// Per-credential permissions and the people who hold them, over real HTTP: the owner chooses who
// may use each credential, and activating, saving an active flow or test-running refuses an author
// who may not (owners always may). The owner also changes roles, and there is always an owner.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/settings';
import { dataSourceOptions, migrations } from '../src/storage/data-source-options';
import { CredentialUsableBy1796900000000 } from '../src/storage/migrations/1796900000000-credential-usable-by';
import { call, type Answer } from './support/api';
import { UsersService } from '../src/auth/users.service';
import { sessionCookie, TEST_OWNER } from './support/sign-in';
import { startTestServer, testStoreEnv, type TestServer } from './support/test-server';

const ED = { email: 'ed@example.com', password: 'editor-password-ed', role: 'editor' };
const EVE = { email: 'eve@example.com', password: 'editor-password-eve', role: 'editor' };
const VIC = { email: 'vic@example.com', password: 'viewer-password-vic', role: 'viewer' };

type User = { id: string; email: string; role: string };
type Credential = { id: string; name: string; type: string; usableBy?: unknown; usable?: boolean };
type Refusal = { error: string; message: string; errors?: Array<{ path: string; nodeId: string; message: string }> };
type AuditPage = { items: Array<{ action: string; target: { name: string } | null; details: Record<string, unknown> }> };

function flowUsing(credentialId: string) {
  return {
    name: 'Orders to the warehouse',
    nodes: [
      { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST', path: 'orders' } },
      { id: 'call', type: 'http', position: { x: 260, y: 0 }, params: { url: 'http://127.0.0.1:9/orders', auth: { type: 'bearer', credentialId } } },
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'call', sourceHandle: null }],
  };
}

describe('who may use a credential', () => {
  let server: TestServer;
  const users: Record<string, User> = {};
  const as: Record<string, Record<string, string>> = {};
  const credentials: Record<string, string> = {};

  /** As a signed-in person (cookie and CSRF header); as the owner's API key without `who`. */
  const ask = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, who?: string): Promise<Answer<T>> =>
    call<T>(server.url, method, path, body, who ? as[who] : {});

  beforeAll(async () => {
    server = await startTestServer();
    for (const person of [ED, EVE, VIC]) {
      const made = await ask<User>('POST', '/api/users', person);
      expect(made.status).toBe(201);
      users[person.email] = made.body;
      as[person.email] = { cookie: await sessionCookie({ base: server.url, ...person }), 'x-hookflow-csrf': '1' };
    }
    const make = async (name: string, usableBy?: unknown) => {
      const made = await ask<Credential>('POST', '/api/credentials', { name, type: 'httpBearer', data: { token: `token-of-${name.length}-chars` }, usableBy });
      expect(made.status).toBe(201);
      credentials[name] = made.body.id;
    };
    await make('Open to all');
    await make('Ed only', { mode: 'users', userIds: [users[ED.email]!.id] });
    await make('Owners only', { mode: 'roles', roles: [] });
    await make('Editors', { mode: 'roles', roles: ['editor'] });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists every credential to every role, each saying whether the caller may use it, and who may only to owners', async () => {
    const owner = await ask<Credential[]>('GET', '/api/credentials');
    expect(owner.body.find((item) => item.name === 'Ed only')).toMatchObject({ usable: true, usableBy: { mode: 'users', userIds: [users[ED.email]!.id] } });
    expect(owner.body.find((item) => item.name === 'Open to all')?.usableBy).toEqual({ mode: 'everyone' });

    const eve = await ask<Credential[]>('GET', '/api/credentials', undefined, EVE.email);
    expect(eve.status).toBe(200);
    expect(Object.fromEntries(eve.body.map((item) => [item.name, item.usable]))).toEqual({ 'Open to all': true, 'Ed only': false, 'Owners only': false, Editors: true });
    expect(eve.body.every((item) => item.usableBy === undefined)).toBe(true);
    expect(JSON.stringify(eve.body)).not.toContain('token-of');
    const ed = await ask<Credential[]>('GET', '/api/credentials', undefined, ED.email);
    expect(ed.body.find((item) => item.name === 'Ed only')?.usable).toBe(true);
    expect((await ask('GET', '/api/credentials', undefined, VIC.email)).status).toBe(200);

    // Everything else about credentials stays the owner's.
    expect((await ask('GET', `/api/credentials/${credentials['Ed only']}`, undefined, EVE.email)).status).toBe(403);
    expect((await ask('PUT', `/api/credentials/${credentials['Ed only']}`, { usableBy: { mode: 'everyone' } }, EVE.email)).status).toBe(403);
  });

  it('refuses activation by an editor who may not use a credential, naming it and the node, and lets an allowed author activate', async () => {
    const flow = await ask<{ id: string }>('POST', '/api/flows', flowUsing(credentials['Ed only']!), EVE.email);
    expect(flow.status).toBe(201);

    const refused = await ask<Refusal>('POST', `/api/flows/${flow.body.id}/activate`, undefined, EVE.email);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');
    expect(refused.body.message).toContain('"Ed only" (node call)');
    expect(refused.body.message).toMatch(/ask an owner/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ nodeId: 'call', path: 'nodes.1.params.auth.credentialId' })]);
    expect((await ask<{ active: boolean }>('GET', `/api/flows/${flow.body.id}`)).body.active).toBe(false);

    const testRun = await ask<Refusal>('POST', `/api/flows/${flow.body.id}/test-run`, { payload: {} }, EVE.email);
    expect(testRun.status).toBe(403);
    expect(testRun.body.message).toContain('"Ed only"');

    const byEd = await ask<{ active: boolean }>('POST', `/api/flows/${flow.body.id}/activate`, undefined, ED.email);
    expect(byEd).toMatchObject({ status: 200, body: { active: true } });

    // Saving an active flow makes the saver its author: Eve may not put her version live.
    const saved = await ask<Refusal>('PUT', `/api/flows/${flow.body.id}`, { ...flowUsing(credentials['Ed only']!), name: 'Changed by Eve' }, EVE.email);
    expect(saved.status).toBe(403);
    expect(saved.body.message).toContain('"Ed only"');
    expect((await ask<{ name: string }>('GET', `/api/flows/${flow.body.id}`)).body.name).toBe('Orders to the warehouse');
    // A draft is hers to save once the flow is off; it still cannot go live through her.
    expect((await ask('POST', `/api/flows/${flow.body.id}/deactivate`, undefined, EVE.email)).status).toBe(200);
    expect((await ask('PUT', `/api/flows/${flow.body.id}`, { ...flowUsing(credentials['Ed only']!), name: 'Draft by Eve' }, EVE.email)).status).toBe(200);
    expect((await ask('POST', `/api/flows/${flow.body.id}/activate`, undefined, EVE.email)).status).toBe(403);
  });

  it('closes the ways around the rule: a templated credential id, a replay on an unchecked draft, an on-error flow', async () => {
    // A credential picked by a template could be any credential at run time: validation refuses it.
    const templated = flowUsing('{{trigger.body.credential}}');
    const made = await ask<{ id: string; validation?: { errors: Array<{ message: string; path: string }> } }>('POST', '/api/flows', templated, EVE.email);
    expect(made.body.validation?.errors).toEqual([expect.objectContaining({ path: 'nodes.1.params.auth.credentialId', message: expect.stringContaining('a credential cannot come from a template') })]);
    expect((await ask('POST', `/api/flows/${made.body.id}/activate`, undefined, EVE.email)).status).toBe(400);
    // Spaces around an id are the same credential, and the same refusal.
    const spaced = await ask<{ id: string }>('POST', '/api/flows', flowUsing(` ${credentials['Ed only']!} `), EVE.email);
    expect((await ask('POST', `/api/flows/${spaced.body.id}/activate`, undefined, EVE.email)).status).toBe(403);

    // Eve's flow went live without the credential and failed once; she then adds Ed's credential to the draft.
    const flow = await ask<{ id: string; triggers: Array<{ url: string }> }>('POST', '/api/flows', flowUsing(credentials['Open to all']!), EVE.email);
    const live = await ask<{ triggers: Array<{ url: string }> }>('POST', `/api/flows/${flow.body.id}/activate`, undefined, EVE.email);
    const sent = await fetch(live.body.triggers[0]!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(sent.status).toBe(202);
    await server.idle();
    const failed = await ask<{ items: Array<{ id: string; status: string }> }>('GET', `/api/executions?flowId=${flow.body.id}`);
    expect(failed.body.items[0]?.status).toBe('error');
    expect((await ask('POST', `/api/flows/${flow.body.id}/deactivate`, undefined, EVE.email)).status).toBe(200);
    expect((await ask('PUT', `/api/flows/${flow.body.id}`, flowUsing(credentials['Ed only']!), EVE.email)).status).toBe(200);
    // Replaying on the current version would run that draft: refused for her, as activating it is.
    const replay = await ask<Refusal>('POST', '/api/executions/replay', { executionIds: [failed.body.items[0]!.id], version: 'current' }, EVE.email);
    expect(replay.status).toBe(403);
    expect(replay.body.message).toContain('"Ed only"');
    expect((await ask('POST', '/api/executions/replay', { executionIds: [failed.body.items[0]!.id], version: 'original' }, EVE.email)).status).toBe(202);

    // An on-error flow runs whenever its flow fails, active or not: it is checked like a live one.
    const alerts = await ask<{ id: string }>('POST', '/api/flows', flowUsing(credentials['Open to all']!), EVE.email);
    const watched = { ...flowUsing(credentials['Open to all']!), settings: { onErrorFlowId: alerts.body.id } };
    const source = await ask<{ id: string }>('POST', '/api/flows', watched, EVE.email);
    expect((await ask('POST', `/api/flows/${source.body.id}/activate`, undefined, EVE.email)).status).toBe(200);
    const sneaked = await ask<Refusal>('PUT', `/api/flows/${alerts.body.id}`, flowUsing(credentials['Ed only']!), EVE.email);
    expect(sneaked.status).toBe(403);
    expect(sneaked.body.message).toContain('"Ed only"');
    await ask('POST', `/api/flows/${source.body.id}/deactivate`, undefined, EVE.email);
    // Off again, the draft is hers; then activating the watching flow checks its on-error flow too.
    expect((await ask('PUT', `/api/flows/${alerts.body.id}`, flowUsing(credentials['Ed only']!), EVE.email)).status).toBe(200);
    const again = await ask<Refusal>('POST', `/api/flows/${source.body.id}/activate`, undefined, EVE.email);
    expect(again.status).toBe(403);
    expect(again.body.message).toContain('"Ed only"');
  });

  it('goes by role for role rules, names every refused credential, and lets owners use everything', async () => {
    const twoCredentials = flowUsing(credentials['Owners only']!);
    twoCredentials.nodes.push({ id: 'again', type: 'http', position: { x: 520, y: 0 }, params: { url: 'http://127.0.0.1:9/b', auth: { type: 'bearer', credentialId: credentials['Ed only']! } } });
    const flow = await ask<{ id: string }>('POST', '/api/flows', { ...twoCredentials, edges: [...twoCredentials.edges, { id: 'e2', source: 'call', target: 'again', sourceHandle: null }] });
    const refused = await ask<Refusal>('POST', `/api/flows/${flow.body.id}/activate`, undefined, EVE.email);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('the credentials "Owners only" (node call), "Ed only" (node again)');
    expect(refused.body.errors?.map((issue) => issue.nodeId)).toEqual(['call', 'again']);
    expect((await ask('POST', `/api/flows/${flow.body.id}/activate`)).status).toBe(200);

    const editors = await ask<{ id: string }>('POST', '/api/flows', flowUsing(credentials.Editors!), EVE.email);
    expect((await ask('POST', `/api/flows/${editors.body.id}/activate`, undefined, EVE.email)).status).toBe(200);
    const open = await ask<{ id: string }>('POST', '/api/flows', flowUsing(credentials['Open to all']!), EVE.email);
    expect((await ask('POST', `/api/flows/${open.body.id}/activate`, undefined, EVE.email)).status).toBe(200);
  });

  it('takes effect when the owner changes who may use a credential, and audits the change', async () => {
    const flow = await ask<{ id: string }>('POST', '/api/flows', flowUsing(credentials['Owners only']!), EVE.email);
    expect((await ask('POST', `/api/flows/${flow.body.id}/activate`, undefined, EVE.email)).status).toBe(403);
    const changed = await ask<Credential>('PUT', `/api/credentials/${credentials['Owners only']}`, { usableBy: { mode: 'users', userIds: [users[EVE.email]!.id, users[EVE.email]!.id] } });
    expect(changed).toMatchObject({ status: 200, body: { usableBy: { mode: 'users', userIds: [users[EVE.email]!.id] } } });
    expect((await ask('POST', `/api/flows/${flow.body.id}/activate`, undefined, EVE.email)).status).toBe(200);

    const audit = await ask<AuditPage>('GET', '/api/audit?action=credential.updated');
    expect(audit.body.items[0]).toMatchObject({ target: { name: 'Owners only' }, details: { changed: ['usableBy'], usableBy: 'users' } });
  });

  it('refuses a rule naming nobody known, or of an unknown kind, with the field to fix', async () => {
    const unknownUser = await ask<{ errors: Array<{ path: string; message: string }> }>('PUT', `/api/credentials/${credentials.Editors}`, { usableBy: { mode: 'users', userIds: ['no-such-user'] } });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.errors[0]).toMatchObject({ path: 'usableBy.userIds', message: expect.stringContaining('no-such-user') });
    const badMode = await ask<{ errors: Array<{ path: string }> }>('POST', '/api/credentials', { name: 'Odd rule', type: 'hmac', data: { secret: 'x' }, usableBy: { mode: 'teams' } });
    expect(badMode.status).toBe(400);
    expect(badMode.body.errors[0]?.path).toMatch(/^usableBy/);
  });
});

describe('people and their roles', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  const ownerId = async (): Promise<string> => {
    const list = await call<{ items: User[] }>(server.url, 'GET', '/api/users');
    return list.body.items.find((user) => user.email === TEST_OWNER.email)!.id;
  };

  it('changes a role, which counts from the next request on, and audits it', async () => {
    const made = await call<User>(server.url, 'POST', '/api/users', { email: 'rae@example.com', password: 'rae-password-123', role: 'viewer' });
    const rae = { cookie: await sessionCookie({ base: server.url, email: 'rae@example.com', password: 'rae-password-123' }), 'x-hookflow-csrf': '1' };
    expect((await call(server.url, 'POST', '/api/flows', flowUsing('none'), rae)).status).toBe(403);

    const promoted = await call<User>(server.url, 'PATCH', `/api/users/${made.body.id}`, { role: 'editor' });
    expect(promoted).toMatchObject({ status: 200, body: { id: made.body.id, role: 'editor' } });
    expect(JSON.stringify(promoted.body)).not.toMatch(/password|argon/i);
    expect((await call(server.url, 'POST', '/api/flows', flowUsing('none'), rae)).status).toBe(201);

    const audit = await call<AuditPage>(server.url, 'GET', '/api/audit?action=user.role_changed');
    expect(audit.body.items).toEqual([expect.objectContaining({ target: expect.objectContaining({ name: 'rae@example.com' }), details: { role: 'editor', previousRole: 'viewer' } })]);
    // The same role again changes nothing and writes nothing.
    expect((await call(server.url, 'PATCH', `/api/users/${made.body.id}`, { role: 'editor' })).status).toBe(200);
    expect((await call<AuditPage>(server.url, 'GET', '/api/audit?action=user.role_changed')).body.items).toHaveLength(1);
  });

  it('answers 400, 403 and 404 for a bad role, a non-owner and an unknown user', async () => {
    const bad = await call<{ errors: Array<{ path: string }> }>(server.url, 'PATCH', `/api/users/${await ownerId()}`, { role: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.path).toBe('role');
    expect((await call(server.url, 'PATCH', '/api/users/no-such-user', { role: 'viewer' })).status).toBe(404);
    await call(server.url, 'POST', '/api/users', { email: 'ned@example.com', password: 'ned-password-123', role: 'editor' });
    const ned = { cookie: await sessionCookie({ base: server.url, email: 'ned@example.com', password: 'ned-password-123' }), 'x-hookflow-csrf': '1' };
    expect((await call(server.url, 'PATCH', `/api/users/${await ownerId()}`, { role: 'viewer' }, ned)).status).toBe(403);
  });

  it('never leaves the install without an owner', async () => {
    const own = await call<{ message: string }>(server.url, 'PATCH', `/api/users/${await ownerId()}`, { role: 'editor' });
    expect(own.status).toBe(409);
    expect(own.body.message).toMatch(/your own role/);

    // Only another owner could demote or remove the last one; asked directly, the service still refuses.
    const service = server.app.get(UsersService);
    const onlyOwner = await ownerId();
    await expect(service.changeRole({ id: onlyOwner, role: 'viewer', actingUserId: 'someone-else' })).rejects.toThrow(
      'owner@hookflow.test is the only owner and cannot be given the role viewer; make another user an owner first.',
    );
    await expect(service.remove({ id: onlyOwner, actingUserId: 'someone-else' })).rejects.toThrow(/is the only owner and cannot be removed/);

    // Two owners demoting each other at the same moment: one wins; the other is refused, as no
    // longer an owner (403) or as the last one (409).
    const second = await call<User>(server.url, 'POST', '/api/users', { email: 'oona@example.com', password: 'oona-password-1', role: 'owner' });
    const oona = { cookie: await sessionCookie({ base: server.url, email: 'oona@example.com', password: 'oona-password-1' }), 'x-hookflow-csrf': '1' };
    const [first, other] = await Promise.all([
      call<{ message?: string }>(server.url, 'PATCH', `/api/users/${second.body.id}`, { role: 'editor' }),
      call<{ message?: string }>(server.url, 'PATCH', `/api/users/${await ownerId()}`, { role: 'editor' }, oona),
    ]);
    expect([first.status, other.status].filter((status) => status === 200)).toHaveLength(1);
    const loser = first.status === 200 ? other : first;
    expect(loser.body.message).toMatch(/is the only owner and cannot be given the role editor|Your role \(editor\) may not do this/);
    const owners = (await call<{ items: User[] }>(server.url, 'GET', '/api/users', undefined, first.status === 200 ? {} : oona)).body.items.filter((user) => user.role === 'owner');
    expect(owners).toHaveLength(1);
  });
});

describe('credentials saved before per-credential permissions', () => {
  it('stay usable by every editor after the upgrade', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-usable-by-'));
    const store = await testStoreEnv();
    try {
      const older = new DataSource({ ...dataSourceOptions(loadSettings({ DATA_DIR: dataDir, ...store.env })), migrations: migrations.filter((migration) => migration !== CredentialUsableBy1796900000000) });
      await older.initialize();
      const table = `${store.env.DATABASE_SCHEMA ? `"${store.env.DATABASE_SCHEMA}".` : ''}"credentials"`;
      await older.query(`INSERT INTO ${table} ("id", "name", "type", "data", "createdAt", "updatedAt") VALUES ('old-credential', 'From before', 'hmac', 'v1.a.b.c', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`);
      await older.destroy();

      const server = await startTestServer({ DATA_DIR: dataDir, ...store.env });
      try {
        const list = await call<Credential[]>(server.url, 'GET', '/api/credentials');
        expect(list.body).toEqual([expect.objectContaining({ id: 'old-credential', usableBy: { mode: 'everyone' }, usable: true })]);
      } finally {
        await server.close();
      }
    } finally {
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
