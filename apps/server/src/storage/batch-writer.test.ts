// The group-commit writer on a real SQLite file: on SQLite it runs on its own thread and
// connection, so these check what the rest of the server relies on: a resolved write is readable
// at once from the main connection, delivery-id claims settle repeats inside one batch, and a bad
// batch fails alone without stopping the writer.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../config/settings';
import { createBatchWriter, type BatchWriter, type WriteBatch } from './batch-writer';
import { dataSourceOptions } from './data-source-options';
import { EventEntity, eventEntities } from '../events/event.entity';
import { ExecutionEntity } from '../executions/execution.entity';
import { testStoreEnv } from '../../test/support/test-server';
import { newRowId } from './row-id';

function event(overrides: Partial<EventEntity> = {}): EventEntity {
  return {
    id: newRowId(),
    flowId: 'flow-1',
    flowVersionId: 'version-1',
    nodeId: 'hook',
    method: 'POST',
    path: '/hooks/k',
    headers: { 'content-type': 'application/json' },
    query: {},
    contentType: 'application/json',
    body: null,
    rawBody: '{"n":1}',
    rawEncoding: 'utf8',
    status: 'accepted',
    reason: null,
    httpStatus: 202,
    receivedAt: new Date().toISOString(),
    orderingKey: null,
    ...overrides,
  };
}

function batch(parts: Partial<WriteBatch>): WriteBatch {
  return { events: [], executions: [], doneEventIds: [], claims: [], ...parts };
}

/** A migrated store with its writer open, on the settings' store; close() removes it. */
async function openWriter(env: Record<string, string>, cleanUp: () => Promise<void>): Promise<{ dataSource: DataSource; writer: BatchWriter; close(): Promise<void> }> {
  const dataSource = new DataSource(dataSourceOptions(loadSettings(env), [...eventEntities, ExecutionEntity]));
  await dataSource.initialize();
  const writer = createBatchWriter(dataSource);
  await writer.open();
  return {
    dataSource,
    writer,
    close: async () => {
      await writer.close();
      await dataSource.destroy();
      await cleanUp();
    },
  };
}

describe('the SQLite group-commit writer', () => {
  let dir: string;
  let dataSource: DataSource;
  let writer: BatchWriter;
  let close: () => Promise<void>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookflow-writer-'));
    ({ dataSource, writer, close } = await openWriter({ DATA_DIR: dir }, async () => rmSync(dir, { recursive: true, force: true })));
  });

  afterEach(() => close());

  const stored = (id: string) => dataSource.getRepository(EventEntity).findOneBy({ id });

  it('commits a batch that the main connection reads as soon as the write resolves', async () => {
    const rows = [event(), event(), event()];
    await writer.write(batch({ events: rows }), { durable: true });
    for (const row of rows) expect((await stored(row.id))?.rawBody).toBe('{"n":1}');
  });

  it('stores the repeat of a delivery id in the same batch as a duplicate of the first', async () => {
    const first = event();
    const repeat = event();
    const claim = (row: EventEntity) => ({ flowId: 'flow-1', key: 'delivery-7', eventId: row.id, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const duplicates = await writer.write(batch({ events: [first, repeat], claims: [claim(first), claim(repeat)] }), { durable: true });
    expect([...duplicates]).toEqual([[repeat.id, first.id]]);
    expect((await stored(first.id))?.status).toBe('accepted');
    const saved = await stored(repeat.id);
    expect(saved?.status).toBe('duplicate');
    expect(saved?.httpStatus).toBe(200);
    expect(saved?.reason).toContain(first.id);
  });

  it('fails a bad batch with SQLite’s reason, commits none of it, and keeps writing the next ones', async () => {
    const good = event();
    const broken = event({ method: null as unknown as string });
    await expect(writer.write(batch({ events: [good, broken] }), { durable: true })).rejects.toThrow(/NOT NULL/);
    expect(await stored(good.id)).toBeNull();
    const after = event();
    await writer.write(batch({ events: [after], doneEventIds: [after.id] }), { durable: false });
    expect((await stored(after.id))?.status).toBe('done');
  });

  it('refuses to open when its thread cannot reach the database, so the server does not start', async () => {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
    const orphan = createBatchWriter(dataSource);
    await expect(orphan.open()).rejects.toThrow(/SQLite writer thread could not start/);
  });

  it('starts its thread again for a write after close', async () => {
    await writer.write(batch({ events: [event()] }), { durable: true });
    await writer.close();
    const later = event();
    await writer.write(batch({ events: [later] }), { durable: true });
    expect(await stored(later.id)).not.toBeNull();
  });
});

describe.runIf(process.env.DATABASE_URL !== undefined)('the PostgreSQL group-commit writer', () => {
  let dataSource: DataSource;
  let writer: BatchWriter;
  let close: () => Promise<void>;

  beforeEach(async () => {
    const store = await testStoreEnv();
    ({ dataSource, writer, close } = await openWriter(store.env, store.drop));
  });

  afterEach(() => close());

  const execution = (eventId: string, id: string, status: 'success' | 'error'): ExecutionEntity => ({
    id,
    flowId: 'flow-1',
    flowVersionId: 'version-1',
    flowVersion: 1,
    eventId,
    retryOf: null,
    status,
    steps: '[]',
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: 1,
    resumeAt: null,
  });

  it('commits events, then executions with their done marks, and keeps the first record of an execution id', async () => {
    const first = event();
    const second = event();
    await writer.write(batch({ events: [first, second] }), { durable: true });
    await writer.write(batch({ executions: [execution(first.id, first.id, 'success')], doneEventIds: [first.id] }), { durable: false });
    // A redelivered job records the same execution id again: the first record stays.
    await writer.write(batch({ executions: [execution(first.id, first.id, 'error'), execution(second.id, second.id, 'success')], doneEventIds: [first.id, second.id] }), { durable: false });
    const events = dataSource.getRepository(EventEntity);
    expect((await events.findOneByOrFail({ id: first.id })).status).toBe('done');
    expect((await events.findOneByOrFail({ id: second.id })).status).toBe('done');
    const executions = await dataSource.getRepository(ExecutionEntity).find({ order: { id: 'ASC' } });
    expect(executions.map((row) => [row.id, row.status])).toEqual([
      [first.id, 'success'],
      [second.id, 'success'],
    ]);
  });

  it('settles delivery-id claims inside the batch that stores their events', async () => {
    const original = event();
    const repeat = event();
    const claim = (row: EventEntity) => ({ flowId: 'flow-1', key: 'delivery-9', eventId: row.id, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const duplicates = await writer.write(batch({ events: [original, repeat], claims: [claim(original), claim(repeat)] }), { durable: true });
    expect([...duplicates]).toEqual([[repeat.id, original.id]]);
    expect((await dataSource.getRepository(EventEntity).findOneByOrFail({ id: repeat.id })).status).toBe('duplicate');
  });
});
