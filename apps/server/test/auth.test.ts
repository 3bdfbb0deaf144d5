// The editor and the API are closed to strangers: first-run setup, cookie sessions with CSRF
// protection, API keys for scripts, roles, the sign-in limit, and no password or key in any answer
// or log line. Everything over real HTTP, with the server's logs captured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging/logger';
import { callAnonymous, type Answer } from './support/api';
import { exampleFlow } from './support/flows';
import { sessionCookie, TEST_OWNER } from './support/sign-in';
import { startTestServer, type TestServer } from './support/test-server';

const OWNER = { email: 'Ada@Example.com', password: 'correct horse battery staple', name: 'Ada' };
const EDITOR = { email: 'ed@example.com', password: 'editor-password-1', role: 'editor' };
const VIEWER = { email: 'vi@example.com', password: 'viewer-password-1', role: 'viewer' };
const CSRF = { 'x-hookflow-csrf': '1' };

type User = { id: string; email: string; role: string };

/** Every answer's text and every log line, to check that no secret ever appears in them. */
const seen = { logs: [] as string[], answers: [] as string[] };

async function ask<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const answer = await callAnonymous<T>(base, method, path, body, headers);
  seen.answers.push(JSON.stringify(answer.body));
  return answer;
}

function cookieOf(answer: Answer): string {
  const line = answer.headers.getSetCookie().find((header) => header.startsWith('hookflow_session='));
  if (!line) throw new Error('no session cookie in the answer');
  return line.split(';')[0]!;
}

async function signIn(base: string, who: { email: string; password: string }): Promise<string> {
  const answer = await ask(base, 'POST', '/api/auth/login', { email: who.email, password: who.password });
  expect(answer.status).toBe(200);
  return cookieOf(answer);
}

describe('a fresh install, set up in the editor', () => {
  let server: TestServer;
  let ownerCookie: string;
  let apiKey: string;

  beforeAll(async () => {
    const logger = createLogger('trace', { write: (line: string) => void seen.logs.push(line) });
    server = await startTestServer({ OWNER_EMAIL: '', OWNER_PASSWORD: '' }, { logger });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('asks for the owner account first, and refuses a second setup', async () => {
    expect((await ask(server.url, 'GET', '/api/auth/status')).body).toEqual({ setupRequired: true, signedIn: false });
    const short = await ask<{ errors: Array<{ path: string }> }>(server.url, 'POST', '/api/auth/setup', { email: 'a@b.co', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0]!.path).toBe('password');

    const setup = await ask<{ user: User }>(server.url, 'POST', '/api/auth/setup', OWNER);
    expect(setup.status).toBe(201);
    expect(setup.body.user).toMatchObject({ email: 'ada@example.com', role: 'owner' });
    expect(cookieOf(setup)).toMatch(/^hookflow_session=.{40,}/);
    expect((await ask(server.url, 'GET', '/api/auth/status')).body).toEqual({ setupRequired: false, signedIn: false });

    const again = await ask(server.url, 'POST', '/api/auth/setup', { email: 'mallory@example.com', password: 'mallory-password' });
    expect(again.status).toBe(409);
  });

  it('signs in with an httpOnly, SameSite session cookie, and refuses a wrong password', async () => {
    const wrong = await ask(server.url, 'POST', '/api/auth/login', { email: OWNER.email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'unauthorized', message: 'Wrong email or password.' });
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const unknown = await ask(server.url, 'POST', '/api/auth/login', { email: 'nobody@example.com', password: OWNER.password });
    expect(unknown.status).toBe(401);

    const login = await ask<{ user: User }>(server.url, 'POST', '/api/auth/login', { email: 'ADA@example.com', password: OWNER.password });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe('ada@example.com');
    const setCookie = login.headers.getSetCookie().find((line) => line.startsWith('hookflow_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    // Served over plain http here (no COOKIE_SECURE, http PUBLIC_URL).
    expect(setCookie).not.toMatch(/Secure/i);
    ownerCookie = cookieOf(login);
  });

  it('lets the cookie read, and change only with the CSRF header', async () => {
    const me = await ask<{ user: User; via: string }>(server.url, 'GET', '/api/auth/me', undefined, { cookie: ownerCookie });
    expect(me.body).toMatchObject({ user: { email: 'ada@example.com', role: 'owner' }, via: 'session' });
    expect((await ask(server.url, 'GET', '/api/flows', undefined, { cookie: ownerCookie })).status).toBe(200);

    const flow = exampleFlow('order-to-http.json');
    const forged = await ask(server.url, 'POST', '/api/flows', flow, { cookie: ownerCookie });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: 'forbidden' });
    expect(String(forged.body.message)).toMatch(/X-Hookflow-CSRF/);
    expect((await ask(server.url, 'POST', '/api/flows', flow, { cookie: ownerCookie, ...CSRF })).status).toBe(201);
  });

  it('makes an API key shown once, lists it without its value, and revokes it', async () => {
    const created = await callAnonymous<{ id: string; key: string; name: string; prefix: string }>(server.url, 'POST', '/api/api-keys', { name: 'deploy script' }, { cookie: ownerCookie, ...CSRF });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^hf_[A-Za-z0-9_-]{43}$/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    apiKey = created.body.key;
    const bearer = { authorization: `Bearer ${apiKey}` };

    const list = await ask<{ items: Array<Record<string, unknown>> }>(server.url, 'GET', '/api/api-keys', undefined, bearer);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'deploy script', prefix: created.body.prefix })]);
    expect(list.body.items[0]).not.toHaveProperty('key');
    expect(JSON.stringify(list.body)).not.toContain(apiKey);

    // Keys need no CSRF header: browsers never send them on their own.
    expect((await ask(server.url, 'POST', '/api/flows', exampleFlow('order-to-http.json'), bearer)).status).toBe(201);
    expect((await ask(server.url, 'GET', '/api/auth/me', undefined, bearer)).body).toMatchObject({ via: 'api-key', user: { role: 'owner' } });

    expect((await ask(server.url, 'DELETE', `/api/api-keys/${created.body.id}`, undefined, { cookie: ownerCookie, ...CSRF })).status).toBe(204);
    expect((await ask(server.url, 'GET', '/api/flows', undefined, bearer)).status).toBe(401);
  });

  it('answers 401 to strangers on every /api route, and leaves webhooks, health and the page public', async () => {
    const routes: Array<[string, string]> = [
      ['GET', '/api/flows'],
      ['POST', '/api/flows'],
      ['GET', '/api/flows/some-id'],
      ['DELETE', '/api/flows/some-id'],
      ['GET', '/api/flows/some-id/test-events'],
      ['GET', '/api/executions'],
      ['GET', '/api/events'],
      ['GET', '/api/node-types'],
      ['GET', '/api/templates'],
      ['GET', '/api/api-keys'],
      ['POST', '/api/api-keys'],
      ['GET', '/api/users'],
      ['GET', '/api/credentials'],
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/logout'],
    ];
    for (const [method, path] of routes) {
      const answer = await ask(server.url, method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect({ method, path, status: answer.status, error: answer.body.error }).toEqual({ method, path, status: 401, error: 'unauthorized' });
    }
    const badKeys = ['Bearer hf_not-a-real-key', `Bearer hf_${'A'.repeat(43)}`, 'Basic b3duZXI6cGFzcw==', `Bearer ${ownerCookie.split('=')[1]}`];
    for (const authorization of badKeys) expect((await ask(server.url, 'GET', '/api/flows', undefined, { authorization })).status).toBe(401);
    // A wrong Authorization header is not rescued by a valid cookie.
    expect((await ask(server.url, 'GET', '/api/flows', undefined, { authorization: badKeys[0]!, cookie: ownerCookie })).status).toBe(401);

    expect((await ask(server.url, 'GET', '/healthz')).status).toBe(200);
    expect((await ask(server.url, 'GET', '/api/auth/status')).status).toBe(200);
    const hook = await ask(server.url, 'POST', '/hooks/unknown-key/orders', { order: 1 });
    expect(hook.status).toBe(404);
    expect(hook.body.error).not.toBe('unauthorized');
  });

  it('gives editors the flows and viewers a read-only look; only the owner manages people and keys', async () => {
    const owner = { cookie: ownerCookie, ...CSRF };
    for (const person of [EDITOR, VIEWER]) expect((await ask(server.url, 'POST', '/api/users', person, owner)).status).toBe(201);
    const users = await ask<{ items: Array<Record<string, unknown>> }>(server.url, 'GET', '/api/users', undefined, owner);
    expect(users.body.items.map((user) => user.role)).toEqual(['owner', 'editor', 'viewer']);
    expect(JSON.stringify(users.body)).not.toMatch(/password|argon2/i);
    expect((await ask(server.url, 'POST', '/api/users', EDITOR, owner)).status).toBe(409);

    const editor = { cookie: await signIn(server.url, EDITOR), ...CSRF };
    expect((await ask(server.url, 'GET', '/api/flows', undefined, editor)).status).toBe(200);
    expect((await ask(server.url, 'POST', '/api/flows', exampleFlow('order-to-http.json'), editor)).status).toBe(201);
    expect((await ask(server.url, 'GET', '/api/api-keys', undefined, editor)).status).toBe(403);
    expect((await ask(server.url, 'POST', '/api/api-keys', { name: 'mine' }, editor)).status).toBe(403);
    expect((await ask(server.url, 'POST', '/api/users', { ...VIEWER, email: 'x@example.com' }, editor)).status).toBe(403);
    // Editors see which credentials there are (to pick one in a flow), never manage them.
    expect((await ask(server.url, 'GET', '/api/credentials', undefined, editor)).status).toBe(200);
    expect((await ask(server.url, 'POST', '/api/credentials', { name: 'x', type: 'hmac', data: { secret: 'x' } }, editor)).status).toBe(403);

    const viewer = { cookie: await signIn(server.url, VIEWER), ...CSRF };
    expect((await ask(server.url, 'GET', '/api/flows', undefined, viewer)).status).toBe(200);
    const post = await ask(server.url, 'POST', '/api/flows', exampleFlow('order-to-http.json'), viewer);
    expect(post.status).toBe(403);
    expect(post.body.message).toMatch(/viewer/);
    expect((await ask(server.url, 'GET', '/api/users', undefined, viewer)).status).toBe(403);

    const viewerId = (users.body.items[2]!.id as string);
    expect((await ask(server.url, 'DELETE', `/api/users/${viewerId}`, undefined, owner)).status).toBe(204);
    expect((await ask(server.url, 'GET', '/api/flows', undefined, viewer)).status).toBe(401);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const cookie = await signIn(server.url, OWNER);
    const out = await ask(server.url, 'POST', '/api/auth/logout', undefined, { cookie, ...CSRF });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/hookflow_session=;/);
    expect((await ask(server.url, 'GET', '/api/auth/me', undefined, { cookie })).status).toBe(401);
    // Other sessions of the same person stay signed in.
    expect((await ask(server.url, 'GET', '/api/auth/me', undefined, { cookie: ownerCookie })).status).toBe(200);
  });

  it('never puts a password, a session token or a revoked key in an answer or a log line', async () => {
    await server.idle();
    expect(seen.logs.length).toBeGreaterThan(0);
    const secrets = [OWNER.password, EDITOR.password, VIEWER.password, apiKey, ownerCookie.split('=')[1]!];
    const logs = seen.logs.join('\n');
    const answers = seen.answers.join('\n');
    for (const secret of secrets) {
      expect(logs).not.toContain(secret);
      expect(answers).not.toContain(secret);
    }
  });
});

describe('an install set up from the environment', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ LOGIN_MAX_ATTEMPTS: '3', TRUSTED_PROXIES: '127.0.0.1' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('has its owner from OWNER_EMAIL and OWNER_PASSWORD, and no setup to do', async () => {
    expect((await ask(server.url, 'GET', '/api/auth/status')).body).toEqual({ setupRequired: false, signedIn: false });
    expect((await ask(server.url, 'POST', '/api/auth/setup', { email: 'x@example.com', password: 'x-password-1' })).status).toBe(409);
    const me = await ask(server.url, 'GET', '/api/auth/me', undefined, { authorization: `Bearer ${server.apiKey}` });
    expect(me.body).toMatchObject({ user: { email: TEST_OWNER.email, role: 'owner' }, via: 'api-key' });
  });

  it('tells a browser on /api/auth/status whether it is signed in, answering 200 either way', async () => {
    const cookie = await sessionCookie({ base: server.url, email: TEST_OWNER.email, password: TEST_OWNER.password });
    const signedIn = await ask(server.url, 'GET', '/api/auth/status', undefined, { cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({ setupRequired: false, signedIn: true, user: expect.objectContaining({ email: TEST_OWNER.email, role: 'owner' }), via: 'session' });
    const byKey = await ask(server.url, 'GET', '/api/auth/status', undefined, { authorization: `Bearer ${server.apiKey}` });
    expect(byKey.body).toMatchObject({ signedIn: true, via: 'api-key' });
    const strangers: Array<Record<string, string>> = [{}, { cookie: 'hookflow_session=ended-or-made-up' }, { authorization: 'Bearer hf_not-a-real-key' }];
    for (const headers of strangers) {
      const stranger = await ask(server.url, 'GET', '/api/auth/status', undefined, headers);
      expect(stranger.status).toBe(200);
      expect(stranger.body).toEqual({ setupRequired: false, signedIn: false });
    }
  });

  it('behind a trusted proxy, limits the client address from X-Forwarded-For, not the proxy', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 3; i += 1) {
      expect((await ask(server.url, 'POST', '/api/auth/login', { email: `guess${i}@example.com`, password: 'guess-password' }, from('203.0.113.5'))).status).toBe(401);
    }
    expect((await ask(server.url, 'POST', '/api/auth/login', { email: 'another@example.com', password: 'guess-password' }, from('203.0.113.5'))).status).toBe(429);
    expect((await ask(server.url, 'POST', '/api/auth/login', TEST_OWNER, from('198.51.100.7'))).status).toBe(200);
  });

  it('counts a burst of parallel guesses: no more than the limit get a password check', async () => {
    const from = { 'x-forwarded-for': '203.0.113.77' };
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ask(server.url, 'POST', '/api/auth/login', { email: `burst${i}@example.com`, password: 'guess-password' }, from)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(9);
  });

  it('answers 429 with Retry-After once the failed sign-ins are used up, even to the right password', async () => {
    for (let i = 0; i < 3; i += 1) expect((await ask(server.url, 'POST', '/api/auth/login', { email: TEST_OWNER.email, password: `guess-${i}` })).status).toBe(401);
    const limited = await ask(server.url, 'POST', '/api/auth/login', TEST_OWNER);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'too_many_requests' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The address is limited too, whichever account it tries next.
    expect((await ask(server.url, 'POST', '/api/auth/login', { email: 'other@example.com', password: 'whatever-1' })).status).toBe(429);
    // API keys are not sign-ins and keep working.
    expect((await ask(server.url, 'GET', '/api/flows', undefined, { authorization: `Bearer ${server.apiKey}` })).status).toBe(200);
  });
});
