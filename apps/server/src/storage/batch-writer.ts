// The hot write path of group commit, in plain SQL: one transaction inserts a batch of events and
// executions and marks events done. TypeORM's insert builder costs more per row than SQLite does
// to store it, so on SQLite prepared statements run on a writer thread (sqlite-writer.ts), and on
// PostgreSQL a batch is one statement on the pool (postgres-writer.ts).
import type { DataSource } from 'typeorm';
import { duplicateReason, SQLITE_CLAIM_SQL, SQLITE_OWNER_SQL, type DedupeClaim, type Duplicates } from './dedupe-claims';
import { sqliteConnectionOf, type SqliteConnection } from './connections';
import { postgresWriter } from './postgres-writer';
import { EVENT_COLUMNS, EXECUTION_COLUMNS, eventValues, executionValues } from './row-columns';
import type { EventRow, ExecutionRow } from './rows';
import { SqliteWriterThread, type MaintenanceStatement } from './sqlite-writer';

export type { MaintenanceStatement } from './sqlite-writer';

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
  /**
   * Housekeeping (retention's page of deletes), SQL in the store's own dialect, off the hot path:
   * on SQLite queued on the writer thread between group commits, without an fsync of its own; on
   * PostgreSQL one statement on the pool. Answers the rows it changed.
   */
  maintain(statement: MaintenanceStatement): Promise<number>;
  /** SQLite: one incremental-vacuum step of up to `pages` pages; answers the pages still free. PostgreSQL: 0 (autovacuum's work). */
  releaseFreePages(pages: number): Promise<number>;
  close(): Promise<void>;
}

export function createBatchWriter(dataSource: DataSource): BatchWriter {
  const sqlite = sqliteConnectionOf(dataSource);
  return sqlite ? sqliteWriter(sqlite) : postgresWriter(dataSource);
}

/**
 * Group commits run on a writer thread with its own connection (WAL lets the main connection read
 * meanwhile); it takes the main connection's durability setting. The write lock in StoreService
 * keeps every other write transaction from overlapping a group commit.
 */
function sqliteWriter(main: SqliteConnection): BatchWriter {
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
    maintain: (statement) => thread.maintain([statement]).then(([changes]) => changes ?? 0),
    releaseFreePages: (pages) => thread.vacuum(pages),
    open: () => thread.open(),
    close: () => thread.close(),
  };
}

/** SQLite's synchronous levels: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. Non-durable batches skip the fsync. */
function relaxedSynchronous(configured: number): { durable: number; relaxed: number } {
  return { durable: configured, relaxed: Math.min(configured, 1) };
}
