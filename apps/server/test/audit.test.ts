// The audit log over real HTTP: every audited action, done the way people and scripts do it (an
// API key, a session cookie, the sign-in form), then read back by the owner, newest first, page by
// page. Only the owner may read it, and no secret sent along the way appears in it.
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callAnonymous, type Answer } from './support/api';
import { exampleFlow, order, orderFlowTo } from './support/flows';
import { captureLogs } from './support/log-capture';
import { sessionCookie, TEST_OWNER } from './support/sign-in';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Entry = {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  target: { type: string; id: string | null; name: string | null } | null;
  ip: string | null;
  details: Record<string, unknown>;
};
type Page = { items: Entry[]; nextCursor: string | null };
type Flow = { id: string; name: string; version: number; triggers: Array<{ url: string }> };

const CREDENTIAL_SECRET = 'audit-first-secret-4f9a1c';
const REPLACED_SECRET = 'audit-second-secret-77b2e0';
const WRONG_PASSWORD = 'audit-wrong-password-0d3e';
const EDITOR = { email: 'editor@audit.test', password: 'editor-password-5k2', role: 'editor' };
const VIEWER = { email: 'viewer@audit.test', password: 'viewer-password-8q1', role: 'viewer' };
const CSRF = { 'x-hookflow-csrf': '1' };

let server: TestServer;
let sink: Sink;
/** Every value that must never reach the log. */
const secrets: string[] = [CREDENTIAL_SECRET, REPLACED_SECRET, WRONG_PASSWORD, TEST_OWNER.password, EDITOR.password, VIEWER.password];

beforeAll(async () => {
  // 127.0.0.1 is a trusted proxy here, so a forwarded client address can be checked too.
  server = await startTestServer({ TRUSTED_PROXIES: '127.0.0.1' });
  sink = await startSink();
  secrets.push(server.apiKey ?? 'no key?');
});

afterAll(async () => {
  await server?.close();
  await sink?.close();
});

function expectStatus<T>(answer: Answer<T>, status: number): T {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
}

async function auditPage(query = '', headers: Record<string, string> = {}): Promise<Answer<Page>> {
  return call<Page>(server.url, 'GET', `/api/audit${query}`, undefined, headers);
}

/** The whole log, walked page by page with the cursor. */
async function walk(limit: number): Promise<{ entries: Entry[]; pages: number }> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page = expectStatus(await auditPage(`?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    entries.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { entries, pages };
}

describe('the audit log', () => {
  const did: { flow?: Flow; imported?: Flow; credentialId?: string; editorId?: string; viewerId?: string; keyId?: string; eventId?: string; executionId?: string } = {};

  it('records what people and scripts do, with who did it and to what', async () => {
    // Flows, by the test's API key ("tests"), and one by the owner's session cookie.
    const flow = expectStatus(await call<Flow>(server.url, 'POST', '/api/flows', orderFlowTo(`${sink.url}/orders`)), 201);
    const imported = expectStatus(await call<Flow>(server.url, 'POST', '/api/flows?source=import', exampleFlow('github-push-to-slack.json')), 201);
    const ownerCookie = await sessionCookie({ base: server.url, ...TEST_OWNER });
    expectStatus(await call<Flow>(server.url, 'PUT', `/api/flows/${imported.id}`, { ...exampleFlow('github-push-to-slack.json'), name: 'Pushes to #dev' }, { cookie: ownerCookie, ...CSRF }), 200);
    const active = expectStatus(await call<Flow>(server.url, 'POST', `/api/flows/${flow.id}/activate`), 200);
    Object.assign(did, { flow, imported });

    // A real event, then its replay, a retry of its run and a replay of that run.
    const accepted = expectStatus(await call<{ eventId: string }>(server.url, 'POST', new URL(active.triggers[0]!.url).pathname, order(250, 'A-1')), 202);
    await server.idle();
    const runs = expectStatus(await call<{ items: Array<{ id: string }> }>(server.url, 'GET', `/api/executions?flowId=${flow.id}`), 200);
    did.eventId = accepted.eventId;
    did.executionId = runs.items[0]!.id;
    expectStatus(await call(server.url, 'POST', `/api/events/${accepted.eventId}/replay`), 202);
    expectStatus(await call(server.url, 'POST', `/api/executions/${did.executionId}/retry`), 202);
    expectStatus(await call(server.url, 'POST', '/api/executions/replay', { executionIds: [did.executionId], version: 'current' }), 202);
    await server.idle();
    expectStatus(await call(server.url, 'POST', `/api/flows/${flow.id}/deactivate`), 200);
    expectStatus(await call(server.url, 'DELETE', `/api/flows/${imported.id}`), 204);

    // A credential with a secret, renamed with a new secret, then deleted.
    const credential = expectStatus(await call<{ id: string }>(server.url, 'POST', '/api/credentials', { name: 'Warehouse API', type: 'httpBearer', data: { token: CREDENTIAL_SECRET } }), 201);
    did.credentialId = credential.id;
    expectStatus(await call(server.url, 'PUT', `/api/credentials/${credential.id}`, { name: 'Warehouse API (new)', data: { token: REPLACED_SECRET } }), 200);
    expectStatus(await call(server.url, 'DELETE', `/api/credentials/${credential.id}`), 204);

    // People and keys.
    did.editorId = expectStatus(await call<{ id: string }>(server.url, 'POST', '/api/users', EDITOR), 201).id;
    did.viewerId = expectStatus(await call<{ id: string }>(server.url, 'POST', '/api/users', VIEWER), 201).id;
    expectStatus(await call(server.url, 'DELETE', `/api/users/${did.viewerId}`), 204);
    const key = expectStatus(await call<{ id: string; key: string }>(server.url, 'POST', '/api/api-keys', { name: 'deploy script' }), 201);
    secrets.push(key.key);
    did.keyId = key.id;
    expectStatus(await call(server.url, 'DELETE', `/api/api-keys/${key.id}`), 204);

    // Sign-ins: a wrong password (from a client behind the trusted proxy), an unknown email, a
    // password typed into the email field, and a right one.
    const forwarded = { 'x-forwarded-for': '203.0.113.9' };
    expectStatus(await callAnonymous(server.url, 'POST', '/api/auth/login', { email: EDITOR.email, password: WRONG_PASSWORD }, forwarded), 401);
    expectStatus(await callAnonymous(server.url, 'POST', '/api/auth/login', { email: 'nobody@audit.test', password: WRONG_PASSWORD }), 401);
    expectStatus(await callAnonymous(server.url, 'POST', '/api/auth/login', { email: WRONG_PASSWORD, password: WRONG_PASSWORD }), 401);
    const editorLogin = await callAnonymous(server.url, 'POST', '/api/auth/login', { email: EDITOR.email, password: EDITOR.password });
    expectStatus(editorLogin, 200);

    const { entries } = await walk(200);
    const owner = { kind: 'user', name: TEST_OWNER.email };
    const script = { kind: 'api_key', name: 'tests' };
    const anonymous = { kind: 'anonymous', id: null, name: null };
    // Oldest first: what the test server did to start (owner from OWNER_EMAIL, its sign-in and key), then the above.
    const expected = [
      { action: 'user.created', actor: { kind: 'system', id: null, name: null }, target: { type: 'user', name: TEST_OWNER.email }, details: { role: 'owner', via: 'OWNER_EMAIL' } },
      { action: 'auth.signed_in', actor: owner, target: { type: 'user', name: TEST_OWNER.email }, ip: '127.0.0.1' },
      { action: 'api_key.created', actor: owner, target: { type: 'api_key', name: 'tests' } },
      { action: 'flow.created', actor: script, target: { type: 'flow', id: flow.id, name: flow.name }, details: { version: 1 }, ip: '127.0.0.1' },
      { action: 'flow.imported', actor: script, target: { type: 'flow', id: imported.id, name: imported.name }, details: { version: 1, source: 'import' } },
      { action: 'auth.signed_in', actor: owner, target: { type: 'user', name: TEST_OWNER.email } },
      { action: 'flow.saved', actor: owner, target: { type: 'flow', id: imported.id, name: 'Pushes to #dev' }, details: { version: 2 } },
      { action: 'flow.activated', actor: script, target: { type: 'flow', id: flow.id, name: flow.name }, details: { version: 1 } },
      { action: 'event.replayed', actor: script, target: { type: 'event', id: accepted.eventId, name: flow.name }, details: { flowId: flow.id, newEventId: expect.any(String) } },
      { action: 'execution.retried', actor: script, target: { type: 'execution', id: did.executionId, name: flow.name }, details: { flowId: flow.id, newExecutionId: expect.any(String) } },
      { action: 'execution.replayed', actor: script, target: { type: 'flow', id: flow.id, name: flow.name }, details: { count: 1, flows: 1, version: 'current', allFailed: false } },
      { action: 'flow.deactivated', actor: script, target: { type: 'flow', id: flow.id } },
      { action: 'flow.deleted', actor: script, target: { type: 'flow', id: imported.id, name: 'Pushes to #dev' }, details: { version: 2 } },
      { action: 'credential.created', actor: script, target: { type: 'credential', id: credential.id, name: 'Warehouse API' }, details: { type: 'httpBearer' } },
      {
        action: 'credential.updated',
        actor: script,
        target: { type: 'credential', id: credential.id, name: 'Warehouse API (new)' },
        details: { type: 'httpBearer', changed: ['name', 'data'], renamedFrom: 'Warehouse API' },
      },
      { action: 'credential.deleted', actor: script, target: { type: 'credential', id: credential.id, name: 'Warehouse API (new)' } },
      { action: 'user.created', actor: script, target: { type: 'user', id: did.editorId, name: EDITOR.email }, details: { role: 'editor' } },
      { action: 'user.created', actor: script, target: { type: 'user', id: did.viewerId, name: VIEWER.email }, details: { role: 'viewer' } },
      { action: 'user.removed', actor: script, target: { type: 'user', id: did.viewerId, name: VIEWER.email }, details: { role: 'viewer' } },
      { action: 'api_key.created', actor: script, target: { type: 'api_key', id: key.id, name: 'deploy script' } },
      { action: 'api_key.revoked', actor: script, target: { type: 'api_key', id: key.id, name: 'deploy script' } },
      { action: 'auth.sign_in_failed', actor: anonymous, target: { type: 'user', id: did.editorId, name: EDITOR.email }, details: { reason: 'wrong_password' }, ip: '203.0.113.9' },
      { action: 'auth.sign_in_failed', actor: anonymous, target: { type: 'user', id: null, name: 'nobody@audit.test' }, details: { reason: 'unknown_email' }, ip: '127.0.0.1' },
      { action: 'auth.sign_in_failed', actor: anonymous, target: { type: 'user', id: null, name: '(not an email address)' }, details: { reason: 'unknown_email' } },
      { action: 'auth.signed_in', actor: { kind: 'user', id: did.editorId, name: EDITOR.email }, target: { type: 'user', id: did.editorId } },
    ];
    expect([...entries].reverse()).toMatchObject(expected);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(entry.at)).not.toBeNaN();
    }
    // The API key actor is the key, by its id; the session actor is the person, by theirs.
    const keyActs = entries.filter((entry) => entry.actor.kind === 'api_key');
    expect(new Set(keyActs.map((entry) => entry.actor.id)).size).toBe(1);
    expect(entries.find((entry) => entry.action === 'flow.saved')?.actor.id).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it('never holds a password, an API key or a credential’s data', async () => {
    const text = JSON.stringify((await walk(200)).entries);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('pages newest first with a cursor, every entry exactly once', async () => {
    const all = (await walk(200)).entries;
    expect(all.length).toBeGreaterThan(20);
    const sorted = [...all].sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
    expect(all.map((entry) => entry.id)).toEqual(sorted.map((entry) => entry.id));
    for (const limit of [1, 4, 7]) {
      const { entries, pages } = await walk(limit);
      expect(entries.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
    // New entries arrive at the top and do not disturb a walk already under way.
    const first = expectStatus(await auditPage('?limit=5'), 200);
    expectStatus(await callAnonymous(server.url, 'POST', '/api/auth/login', { email: 'late@audit.test', password: WRONG_PASSWORD }), 401);
    const rest = expectStatus(await auditPage(`?limit=200&cursor=${encodeURIComponent(first.nextCursor ?? '')}`), 200);
    expect([...first.items, ...rest.items].map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
    expect(expectStatus(await auditPage(), 200).items).toHaveLength(Math.min(50, all.length + 1));
  });

  it('filters by action and by actor', async () => {
    const saved = expectStatus(await auditPage('?action=flow.saved'), 200);
    expect(saved.items.map((entry) => entry.action)).toEqual(['flow.saved']);
    const editorOnly = expectStatus(await auditPage(`?actor=${did.editorId}`), 200);
    expect(editorOnly.items.map((entry) => entry.action)).toEqual(['auth.signed_in']);
  });

  it('refuses a bad cursor, limit or action with a reason', async () => {
    const cursor = await auditPage('?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(JSON.stringify(cursor.body)).toContain('not a cursor this API gave out');
    for (const limit of ['0', '201', 'many', '2.5']) {
      const answer = await auditPage(`?limit=${limit}`);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('limit must be a whole number from 1 to 200');
    }
    const action = await auditPage('?action=flow.exploded');
    expect(action.status).toBe(400);
    expect(JSON.stringify(action.body)).toContain('action must be one of');
  });

  it('is the owner’s alone: editors and viewers get 403, strangers 401', async () => {
    const editorCookie = await sessionCookie({ base: server.url, email: EDITOR.email, password: EDITOR.password });
    const forbidden = await callAnonymous(server.url, 'GET', '/api/audit', undefined, { cookie: editorCookie });
    expect(forbidden.status).toBe(403);
    expect(JSON.stringify(forbidden.body)).toContain('owner');
    const viewer = expectStatus(await call<{ id: string }>(server.url, 'POST', '/api/users', { ...VIEWER, email: 'viewer2@audit.test' }), 201);
    const viewerCookie = await sessionCookie({ base: server.url, email: 'viewer2@audit.test', password: VIEWER.password });
    expect((await callAnonymous(server.url, 'GET', '/api/audit', undefined, { cookie: viewerCookie })).status).toBe(403);
    expect(viewer.id).toBeTruthy();
    expect((await callAnonymous(server.url, 'GET', '/api/audit')).status).toBe(401);
  });
});

describe('when the audit log cannot be written', () => {
  it('still does what was asked, and logs the lost entry as an error', async () => {
    const logs = captureLogs('info');
    const broken = await startTestServer({}, { logger: logs.logger });
    try {
      // The table gone (a store restored without it, say): every audit insert fails.
      await broken.app.get(DataSource).query(`DROP TABLE ${broken.settings.DATABASE_SCHEMA ? `"${broken.settings.DATABASE_SCHEMA}".` : ''}"audit_log"`);
      const created = await call<Flow>(broken.url, 'POST', '/api/flows', exampleFlow('github-push-to-slack.json'));
      expect(created.status).toBe(201);
      expect((await call(broken.url, 'GET', `/api/flows/${created.body.id}`)).status).toBe(200);
      const lost = logs.lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'audit entry not written; the action itself was done');
      expect(lost).toMatchObject({ level: 50, audit: { action: 'flow.created', actorKind: 'api_key', targetType: 'flow', targetId: created.body.id } });
    } finally {
      await broken.close();
    }
  });
});
