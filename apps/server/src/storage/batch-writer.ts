// The hot write path of group commit, in plain SQL: one transaction inserts a batch of events and
// executions and marks events done. TypeORM's insert builder costs more per row than SQLite does
// to store it, so on SQLite prepared statements run on a writer thread (sqlite-writer.ts), and on
// PostgreSQL each table gets one INSERT ... SELECT FROM unnest(...).
import type { DataSource } from 'typeorm';
import { claimOnPostgres, duplicateReason, SQLITE_CLAIM_SQL, SQLITE_OWNER_SQL, withDuplicates, type DedupeClaim, type Duplicates } from './dedupe-claims';
import { SqliteWriterThread, type SqlValue } from './sqlite-writer';
import type { EventRow, ExecutionRow } from './rows';

export interface WriteBatch {
  events: EventRow[];
  executions: ExecutionRow[];
  doneEventIds: string[];
  /** Delivery ids to claim for events of this batch (idempotency), in the same transaction. */
  claims: DedupeClaim[];
}

export interface BatchWriter {
  /** Ready to write (SQLite: the writer thread is running); fails the start-up otherwise. */
  open(): Promise<void>;
  /**
   * Resolves with the events whose claim lost (stored as duplicates, not to be run). durable: on
   * disk before it resolves (events); else flushed by the next durable commit (execution records).
   */
  write(batch: WriteBatch, options: { durable: boolean }): Promise<Duplicates>;
  close(): Promise<void>;
}

const EVENT_COLUMNS = ['id', 'flowId', 'flowVersionId', 'nodeId', 'method', 'path', 'headers', 'query', 'contentType', 'body', 'rawBody', 'rawEncoding', 'status', 'reason', 'httpStatus', 'receivedAt', 'orderingKey'] as const;
const EXECUTION_COLUMNS = ['id', 'flowId', 'flowVersionId', 'flowVersion', 'eventId', 'retryOf', 'status', 'steps', 'error', 'startedAt', 'finishedAt', 'durationMs'] as const;

function eventValues(row: EventRow): SqlValue[] {
  return [row.id, row.flowId, row.flowVersionId, row.nodeId, row.method, row.path, JSON.stringify(row.headers), JSON.stringify(row.query), row.contentType, row.body, row.rawBody, row.rawEncoding, row.status, row.reason, row.httpStatus, row.receivedAt, row.orderingKey];
}

function executionValues(row: ExecutionRow): SqlValue[] {
  return [row.id, row.flowId, row.flowVersionId, row.flowVersion, row.eventId, row.retryOf, row.status, row.steps, row.error, row.startedAt, row.finishedAt, row.durationMs];
}

export function createBatchWriter(dataSource: DataSource): BatchWriter {
  const sqlite = sqliteHandle(dataSource);
  return sqlite ? sqliteWriter(sqlite) : postgresWriter(dataSource);
}

interface SqliteHandle {
  name: string;
  pragma(source: string, options: { simple: true }): unknown;
}

function sqliteHandle(dataSource: DataSource): SqliteHandle | undefined {
  if (dataSource.options.type !== 'better-sqlite3') return undefined;
  const driver: unknown = dataSource.driver;
  if (typeof driver !== 'object' || driver === null || !('databaseConnection' in driver)) return undefined;
  const connection: unknown = driver.databaseConnection;
  return isSqliteHandle(connection) ? connection : undefined;
}

function isSqliteHandle(value: unknown): value is SqliteHandle {
  return typeof value === 'object' && value !== null && 'pragma' in value && typeof value.pragma === 'function' && 'name' in value && typeof value.name === 'string';
}

/**
 * Group commits run on a writer thread with its own connection (WAL lets the main connection read
 * meanwhile); it takes the main connection's durability setting. The write lock in StoreService
 * keeps every other write transaction from overlapping a group commit.
 */
function sqliteWriter(main: SqliteHandle): BatchWriter {
  const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(', ');
  const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ');
  const thread = new SqliteWriterThread({
    file: main.name,
    pragmas: [`busy_timeout = ${String(main.pragma('busy_timeout', { simple: true }))}`],
    synchronous: relaxedSynchronous(Number(main.pragma('synchronous', { simple: true }))),
    sql: {
      insertEvent: `INSERT INTO "events" (${quoted(EVENT_COLUMNS)}) VALUES (${marks(EVENT_COLUMNS.length)})`,
      // A job that runs twice (redelivered after a crash) keeps the first record of its execution id.
      insertExecution: `INSERT INTO "executions" (${quoted(EXECUTION_COLUMNS)}) VALUES (${marks(EXECUTION_COLUMNS.length)}) ON CONFLICT ("id") DO NOTHING`,
      markDone: `UPDATE "events" SET "status" = 'done' WHERE "id" = ? AND "status" = 'accepted'`,
      claim: SQLITE_CLAIM_SQL,
      owner: SQLITE_OWNER_SQL,
    },
    duplicate: {
      statusIndex: EVENT_COLUMNS.indexOf('status'),
      httpStatusIndex: EVENT_COLUMNS.indexOf('httpStatus'),
      reasonIndex: EVENT_COLUMNS.indexOf('reason'),
      reasonTemplate: duplicateReason('\u0000'),
    },
  });
  return {
    write: (batch, { durable }) =>
      thread.write({
        durable,
        events: batch.events.map(eventValues),
        executions: batch.executions.map(executionValues),
        done: batch.doneEventIds,
        claims: batch.claims.map((claim) => [claim.flowId, claim.key, claim.eventId, claim.expiresAt]),
        now: new Date().toISOString(),
      }),
    open: () => thread.open(),
    close: () => thread.close(),
  };
}

function postgresWriter(dataSource: DataSource): BatchWriter {
  const eventTypes = ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'text', 'text', 'text', 'varchar', 'text', 'text', 'varchar', 'varchar', 'text', 'int', 'varchar', 'varchar'];
  const executionTypes = ['varchar', 'varchar', 'varchar', 'int', 'varchar', 'varchar', 'varchar', 'text', 'text', 'varchar', 'varchar', 'int'];
  const schema = dataSource.options.type === 'postgres' ? dataSource.options.schema : undefined;
  const table = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
  const insertSql = (name: string, columns: readonly string[], types: string[]) =>
    `INSERT INTO ${table(name)} (${columns.map((column) => `"${column}"`).join(', ')}) SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`;
  const insertEvents = insertSql('events', EVENT_COLUMNS, eventTypes);
  const insertExecutions = `${insertSql('executions', EXECUTION_COLUMNS, executionTypes)} ON CONFLICT ("id") DO NOTHING`;
  const write = (batch: WriteBatch, { durable }: { durable: boolean }): Promise<Duplicates> =>
    dataSource.transaction(async (manager) => {
      if (!durable) await manager.query('SET LOCAL synchronous_commit = off');
      const duplicates =
        batch.claims.length > 0
          ? await claimOnPostgres({ manager, table: table('dedupe_keys'), claims: batch.claims, now: new Date().toISOString() })
          : new Map<string, string>();
      const events = withDuplicates(batch.events, duplicates);
      if (events.length > 0) await manager.query(insertEvents, columnsOf(events.map(eventValues), EVENT_COLUMNS.length));
      if (batch.executions.length > 0) await manager.query(insertExecutions, columnsOf(batch.executions.map(executionValues), EXECUTION_COLUMNS.length));
      if (batch.doneEventIds.length > 0) {
        await manager.query(`UPDATE ${table('events')} SET "status" = 'done' WHERE "id" = ANY($1::varchar[]) AND "status" = 'accepted'`, [batch.doneEventIds]);
      }
      return duplicates;
    });
  return { write, open: () => Promise.resolve(), close: () => Promise.resolve() };
}

/** SQLite's synchronous levels: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. Non-durable batches skip the fsync. */
function relaxedSynchronous(configured: number): { durable: number; relaxed: number } {
  return { durable: configured, relaxed: Math.min(configured, 1) };
}

/** Rows to one array per column, as unnest wants them. */
function columnsOf(rows: SqlValue[][], width: number): SqlValue[][] {
  const columns: SqlValue[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i += 1) columns[i].push(row[i]);
  return columns;
}
