// Stored credentials over real HTTP: the API never answers their data, the store keeps them
// encrypted, and a flow that uses one sends the secret to the API it calls and nowhere else
// (executions, the credentials API, the server's logs at debug level).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../src/config/settings';
import { CredentialEntity } from '../src/credentials/credential.entity';
import { SecretResolver } from '../src/credentials/secret-resolver';
import { call } from './support/api';
import { captureLogs, type CapturedLogs } from './support/log-capture';
import { startSink, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

const TOKEN = 'bearer-secret-7f3a9c2e41d8b605';
const HMAC_SECRET = 'hmac-secret-5be0c1d2e3f40718';

type Credential = { id: string; name: string; type: string; createdAt: string; updatedAt: string };
type Execution = { id: string; status: string; eventId: string; steps: Array<{ nodeId: string; status: string; input: unknown; output: unknown }> };

function bearerFlow(url: string, credentialId: string) {
  return {
    name: 'Orders with a bearer token',
    nodes: [
      { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST', path: 'orders' } },
      {
        id: 'call',
        type: 'http',
        position: { x: 260, y: 0 },
        params: { url, body: { order: '{{trigger.body.id}}' }, auth: { type: 'bearer', credentialId }, retry: { attempts: 1, backoffMs: 10 } },
      },
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'call', sourceHandle: null }],
  };
}

describe('credentials', () => {
  let server: TestServer;
  let sink: Sink;
  let logs: CapturedLogs;

  beforeAll(async () => {
    logs = captureLogs('debug');
    server = await startTestServer({ LOG_LEVEL: 'debug' }, { logger: logs.logger });
    sink = await startSink();
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  const create = (body: unknown) => call<Credential & { errors?: Array<{ path: string; message: string }> }>(server.url, 'POST', '/api/credentials', body);

  it('creates, lists, reads, renames, replaces and deletes a credential without ever answering its data', async () => {
    const created = await create({ name: 'Warehouse API', type: 'httpBearer', data: { token: 'first-token-value-123' } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['createdAt', 'id', 'name', 'type', 'updatedAt', 'usableBy']);
    expect(created.body).toMatchObject({ name: 'Warehouse API', type: 'httpBearer', usableBy: { mode: 'everyone' } });
    const id = created.body.id;

    const list = await call<Credential[]>(server.url, 'GET', '/api/credentials');
    expect(list.body.find((item) => item.id === id)).toEqual({ ...created.body, usable: true });
    expect(JSON.stringify(list.body)).not.toContain('first-token-value-123');
    expect((await call(server.url, 'GET', `/api/credentials/${id}`)).body).toEqual(created.body);

    const renamed = await call<Credential>(server.url, 'PUT', `/api/credentials/${id}`, { name: 'Warehouse (prod)' });
    expect(renamed).toMatchObject({ status: 200, body: { id, name: 'Warehouse (prod)', type: 'httpBearer' } });
    const replaced = await call<Credential>(server.url, 'PUT', `/api/credentials/${id}`, { data: { token: 'second-token-value-456' } });
    expect(replaced.status).toBe(200);
    expect(JSON.stringify(replaced.body)).not.toContain('second-token');
    expect(await server.app.get(SecretResolver).resolve({ credentialId: id })).toBe('second-token-value-456');

    expect((await call(server.url, 'DELETE', `/api/credentials/${id}`)).status).toBe(204);
    expect((await call(server.url, 'GET', `/api/credentials/${id}`)).status).toBe(404);
  });

  it('answers 400 with the fields to fix, and 409 for a name in use', async () => {
    const missing = await create({ name: 'No token', type: 'httpBearer', data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'data.token' })]);
    const basic = await create({ name: 'Half basic', type: 'httpBasic', data: { user: 'ada' } });
    expect(basic.body.errors?.map((error) => error.path)).toEqual(['data.password']);
    const unknownType = await create({ name: 'Odd', type: 'oauth9', data: {} });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.errors?.[0]).toMatchObject({ path: 'type', message: expect.stringContaining('httpBearer') });
    const extra = await create({ name: 'Extra', type: 'hmac', data: { secret: 'x'.repeat(12) }, owner: 'me' });
    expect(extra.status).toBe(400);
    const slack = await create({ name: 'Slack nothing', type: 'slack', data: {} });
    expect(slack.body.errors?.[0]?.message).toContain('bot token or an incoming webhook URL');

    expect((await create({ name: 'Shared', type: 'hmac', data: { secret: HMAC_SECRET } })).status).toBe(201);
    const twice = await create({ name: 'Shared', type: 'generic', data: { key: 'value' } });
    expect(twice.status).toBe(409);
    expect(JSON.stringify(twice.body)).toContain('Shared');
  });

  it('keeps data encrypted at rest and resolves references for the server', async () => {
    const created = await create({ name: 'Signing secret', type: 'hmac', data: { secret: HMAC_SECRET } });
    const row = await server.app.get(DataSource).getRepository(CredentialEntity).findOneByOrFail({ id: created.body.id });
    expect(row.data).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const plain of [HMAC_SECRET, Buffer.from(HMAC_SECRET).toString('base64'), Buffer.from(HMAC_SECRET).toString('hex')]) {
      expect(row.data).not.toContain(plain);
    }
    const resolver = server.app.get(SecretResolver);
    expect(await resolver.resolve({ credentialId: created.body.id })).toBe(HMAC_SECRET);
    expect(await resolver.resolve({ credentialId: created.body.id, field: 'secret' })).toBe(HMAC_SECRET);
    expect(await resolver.resolve('inline-value')).toBe('inline-value');
    await expect(resolver.resolve({ credentialId: 'no-such-id' })).rejects.toThrow(/unknown credential/);
    await expect(resolver.resolve({ credentialId: created.body.id, field: 'token' })).rejects.toThrow(/no field "token"/);
  });

  // Queue mode refuses to start without ENCRYPTION_KEY (tested in queue-mode.test.ts).
  it.skipIf(process.env.TEST_QUEUE_MODE === '1' && process.env.DATABASE_URL !== undefined)('generates the key once into DATA_DIR with 0600 permissions, with a warning', () => {
    const mode = statSync(join(server.dataDir, 'encryption.key')).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(logs.lines.some((line) => line.includes('ENCRYPTION_KEY is not set'))).toBe(true);
  });

  it('refuses a malformed ENCRYPTION_KEY at start with a clear message', () => {
    expect(() => loadSettings({ ENCRYPTION_KEY: 'too-short' })).toThrow(SettingsError);
    expect(() => loadSettings({ ENCRYPTION_KEY: 'too-short' })).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
    expect(loadSettings({ ENCRYPTION_KEY: 'a'.repeat(64) }).ENCRYPTION_KEY).toBe('a'.repeat(64));
    expect(loadSettings({ ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }).ENCRYPTION_KEY).toBeDefined();
  });

  it('sends a bearer credential to the API and never shows it in executions, the API or the logs', async () => {
    const credential = await create({ name: 'Bearer for orders', type: 'httpBearer', data: { token: TOKEN } });
    const flow = await call<{ id: string }>(server.url, 'POST', '/api/flows', bearerFlow(`${sink.url}/orders`, credential.body.id));
    expect(flow.status).toBe(201);
    const activated = await call<{ triggers: Array<{ url: string }> }>(server.url, 'POST', `/api/flows/${flow.body.id}/activate`);
    expect(activated.status).toBe(200);

    const sent = await call<{ eventId: string }>(server.url, 'POST', new URL(activated.body.triggers[0].url).pathname, { id: 'A-7' });
    expect(sent.status).toBe(202);
    const [received] = await sink.waitFor(1);
    expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received.json()).toEqual({ order: 'A-7' });
    await server.idle();

    const list = await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flow.body.id}`);
    const execution = list.body.items.find((item) => item.eventId === sent.body.eventId);
    expect(execution?.status).toBe('success');
    const detail = await call<Execution>(server.url, 'GET', `/api/executions/${execution?.id}`);
    expect(detail.body.steps.find((step) => step.nodeId === 'call')?.input).toMatchObject({ auth: { type: 'bearer', credentialId: credential.body.id } });
    const testRun = await call(server.url, 'POST', `/api/flows/${flow.body.id}/test-run`, { body: { id: 'T-1' } });

    const answers = [detail, list, testRun, await call(server.url, 'GET', '/api/credentials'), await call(server.url, 'GET', `/api/credentials/${credential.body.id}`)];
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
    expect(logs.lines.length).toBeGreaterThan(0);
    for (const secret of [TOKEN, HMAC_SECRET]) expect(logs.text()).not.toContain(secret);
  });

  it('refuses to delete a credential a flow still uses, naming the flow', async () => {
    const credential = await create({ name: 'In use', type: 'httpBearer', data: { token: 'in-use-token-000111' } });
    const flow = await call<{ id: string }>(server.url, 'POST', '/api/flows', bearerFlow(`${sink.url}/x`, credential.body.id));
    const refused = await call<{ message: string }>(server.url, 'DELETE', `/api/credentials/${credential.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('"Orders with a bearer token"');
    expect(refused.body.message).toContain(flow.body.id);
    expect((await call(server.url, 'DELETE', `/api/flows/${flow.body.id}`)).status).toBe(204);
    expect((await call(server.url, 'DELETE', `/api/credentials/${credential.body.id}`)).status).toBe(204);
  });
});
