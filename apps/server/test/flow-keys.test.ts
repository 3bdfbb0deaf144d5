// Flow keys over the API: a stable slug a flow may carry (flows as code), unique on a server,
// kept when a save leaves it out (the editor never sends it) and removed only by null.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/settings';
import { dataSourceOptions, migrations } from '../src/storage/data-source-options';
import { FlowKeys1796500000000 } from '../src/storage/migrations/1796500000000-flow-keys';
import { call } from './support/api';
import { startTestServer, testStoreEnv, type TestServer } from './support/test-server';

type Flow = { id: string; key: string | null; version: number; errors?: Array<{ path: string; message: string }>; message?: string };

const document = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST', path: 'in' } }],
  edges: [],
  ...extra,
});

describe('flow keys', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  const create = (body: unknown) => call<Flow>(server.url, 'POST', '/api/flows', body);
  const save = (id: string, body: unknown) => call<Flow>(server.url, 'PUT', `/api/flows/${id}`, body);

  it('answers the key in the flow and in the list, and null for a flow without one', async () => {
    const keyed = await create(document('Keyed', { key: 'keyed-flow' }));
    const plain = await create(document('Plain'));
    expect([keyed.status, keyed.body.key, plain.body.key]).toEqual([201, 'keyed-flow', null]);
    const list = await call<Array<{ id: string; key: string | null }>>(server.url, 'GET', '/api/flows');
    expect(list.body.find((flow) => flow.id === keyed.body.id)?.key).toBe('keyed-flow');
    expect(list.body.find((flow) => flow.id === plain.body.id)?.key).toBeNull();
    expect((await call<Flow>(server.url, 'GET', `/api/flows/${keyed.body.id}`)).body.key).toBe('keyed-flow');
  });

  it('refuses a key another flow has with 409, and a key that is no slug with 400', async () => {
    await create(document('First', { key: 'taken' }));
    const second = await create(document('Second', { key: 'taken' }));
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/^The key "taken" is already used by the flow "First" \(/);
    const other = await create(document('Other'));
    expect((await save(other.body.id, document('Other', { key: 'taken' }))).status).toBe(409);
    const bad = await create(document('Bad', { key: 'Not A Slug' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toMatchObject({ path: 'key' });
  });

  it('keeps the key when a save leaves it out, changes it when given and removes it with null', async () => {
    const created = await create(document('Kept', { key: 'kept' }));
    const editorSave = await save(created.body.id, document('Kept, renamed'));
    expect([editorSave.status, editorSave.body.key]).toEqual([200, 'kept']);
    expect((await save(created.body.id, document('Kept', { key: 'kept-2' }))).body.key).toBe('kept-2');
    const removed = await save(created.body.id, document('Kept', { key: null }));
    expect([removed.status, removed.body.key]).toEqual([200, null]);
    expect((await create(document('Reuses', { key: 'kept-2' }))).status).toBe(201);
  });

  it('lets one of two flows saved at once with the same key have it', async () => {
    const answers = await Promise.all([create(document('Race 1', { key: 'race' })), create(document('Race 2', { key: 'race' }))]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
  });
});

describe('flow keys on a store made before them', () => {
  it('opens with the old flows keyless, and they take a key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-keys-upgrade-'));
    const store = await testStoreEnv();
    try {
      const settings = loadSettings({ DATA_DIR: dataDir, ...store.env });
      const older = new DataSource({ ...dataSourceOptions(settings), migrations: migrations.slice(0, migrations.indexOf(FlowKeys1796500000000)) });
      await older.initialize();
      const schema = store.env.DATABASE_SCHEMA ? `"${store.env.DATABASE_SCHEMA}".` : '';
      const old = JSON.stringify(document('Old flow'));
      await older.query(
        `INSERT INTO ${schema}"flows" ("id", "name", "document", "currentVersionId", "currentVersion", "active", "triggerKey", "createdAt", "updatedAt") VALUES ('old-flow', 'Old flow', '${old}', 'old-version', 1, ${store.env.DATABASE_URL ? 'false' : '0'}, NULL, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
      );
      await older.query(`INSERT INTO ${schema}"flow_versions" ("id", "flowId", "version", "document", "createdAt") VALUES ('old-version', 'old-flow', 1, '${old}', '2026-11-01T00:00:00.000Z')`);
      await older.destroy();

      const server = await startTestServer({ DATA_DIR: dataDir, ...store.env });
      try {
        expect((await call<Flow>(server.url, 'GET', '/api/flows/old-flow')).body).toMatchObject({ name: 'Old flow', key: null });
        const saved = await call<Flow>(server.url, 'PUT', '/api/flows/old-flow', document('Old flow', { key: 'old-flow' }));
        expect([saved.status, saved.body.key, saved.body.version]).toEqual([200, 'old-flow', 2]);
      } finally {
        await server.close();
      }
    } finally {
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
