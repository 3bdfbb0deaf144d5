// The store's schema moves forward in place: a store made by an older Hookflow (before ordered
// triggers) opens with its events intact; and on PostgreSQL, processes starting together on a
// fresh store migrate it once (the others wait on the advisory lock).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config/settings';
import { dataSourceOptions, migrations } from '../src/storage/data-source-options';
import { storedEntities } from '../src/app.module';
import { openStore } from '../src/storage/migrate';
import { call } from './support/api';
import { startTestServer, testStoreEnv } from './support/test-server';

describe('store upgrades', () => {
  it('opens a store made before ordered triggers, with its events, and adds what is new', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-upgrade-'));
    const store = await testStoreEnv();
    try {
      const settings = loadSettings({ DATA_DIR: dataDir, ...store.env });
      const older = new DataSource({ ...dataSourceOptions(settings), migrations: migrations.slice(0, 4) });
      await older.initialize();
      await older.query(
        `INSERT INTO ${store.env.DATABASE_SCHEMA ? `"${store.env.DATABASE_SCHEMA}".` : ''}"events" ("id", "flowId", "flowVersionId", "nodeId", "method", "path", "headers", "query", "contentType", "body", "rawBody", "rawEncoding", "status", "reason", "httpStatus", "receivedAt") VALUES ('old-event-1', 'old-flow', NULL, 'hook', 'POST', '/hooks/old', '{}', '{}', 'application/json', NULL, '{"old":true}', 'utf8', 'rejected', 'kept from before', 401, '2026-11-01T00:00:00.000Z')`,
      );
      await older.destroy();

      const server = await startTestServer({ DATA_DIR: dataDir, ...store.env });
      try {
        const events = await call<{ items: Array<{ id: string; body: unknown; orderingKey: string | null }> }>(server.url, 'GET', '/api/events?limit=10');
        expect(events.body.items).toEqual([expect.objectContaining({ id: 'old-event-1', body: { old: true }, orderingKey: null })]);
      } finally {
        await server.close();
      }
    } finally {
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.DATABASE_URL !== undefined)('migrates once when six processes open a fresh PostgreSQL store together', { timeout: 60_000 }, async () => {
    const store = await testStoreEnv();
    try {
      const options = dataSourceOptions(loadSettings({ ...store.env }), storedEntities);
      const opened = await Promise.allSettled(Array.from({ length: 6 }, () => openStore(options)));
      const failures = opened.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
      const sources = opened.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      try {
        expect(failures).toEqual([]);
        const applied: Array<{ name: string }> = await sources[0].query(`SELECT "name" FROM "${store.env.DATABASE_SCHEMA}"."migrations"`);
        expect(applied.map((row) => row.name).sort()).toEqual(migrations.map((migration) => migration.name).sort());
      } finally {
        await Promise.all(sources.map((source) => source.destroy()));
      }
    } finally {
      await store.drop();
    }
  });
});
