// Group commit on PostgreSQL. A batch without delivery-id claims is one statement on the pool, so
// one round trip and its own transaction: INSERT ... SELECT FROM unnest(...) per table, the "done"
// marks as an UPDATE, all as data-modifying CTEs. Execution batches turn synchronous_commit off for
// their transaction (set_config(..., true) inside the statement): the next event commit flushes
// them, and after a power loss their event is still accepted and runs again. A batch with claims
// needs the claims' answer before its inserts, so it runs as a transaction of several statements.
// Going to the pool directly skips TypeORM's query runner, which cost more per batch than the
// statement itself (measured on a queue-mode worker: TypeORM ~6% of its CPU).
import type { DataSource, EntityManager } from 'typeorm';
import type { BatchWriter, MaintenanceStatement, WriteBatch } from './batch-writer';
import { pgPoolOf } from './connections';
import { claimOnPostgres, withDuplicates, type Duplicates } from './dedupe-claims';
import { EVENT_COLUMNS, EXECUTION_COLUMNS, eventValues, executionValues } from './row-columns';
import type { SqlValue } from './sqlite-writer';

const EVENT_TYPES = ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'text', 'text', 'text', 'varchar', 'text', 'text', 'varchar', 'varchar', 'text', 'int', 'varchar', 'varchar'];
const EXECUTION_TYPES = ['varchar', 'varchar', 'varchar', 'int', 'varchar', 'varchar', 'varchar', 'text', 'text', 'varchar', 'varchar', 'int', 'varchar'];

export function postgresWriter(dataSource: DataSource): BatchWriter {
  const schema = dataSource.options.type === 'postgres' ? dataSource.options.schema : undefined;
  const table = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
  const write = (batch: WriteBatch, { durable }: { durable: boolean }): Promise<Duplicates> => {
    const pool = pgPoolOf(dataSource);
    if (batch.claims.length > 0 || !pool) return transactionWrite({ dataSource, table, batch, durable });
    return pool.query(batchStatement({ table, batch, durable })).then(() => new Map<string, string>());
  };
  const maintain = async ({ sql, params }: MaintenanceStatement): Promise<number> => {
    const pool = pgPoolOf(dataSource);
    const result: unknown = pool ? await pool.query({ text: sql, values: params }) : await dataSource.query(sql, params);
    return rowCountOf(result);
  };
  return { write, maintain, releaseFreePages: () => Promise.resolve(0), open: () => Promise.resolve(), close: () => Promise.resolve() };
}

/** pg's result of a DELETE carries rowCount; TypeORM's answers [rows, count]. */
function rowCountOf(result: unknown): number {
  if (typeof result === 'object' && result !== null && 'rowCount' in result && typeof result.rowCount === 'number') return result.rowCount;
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/** One statement for a batch without claims; its parts in CTEs, its values as one array per column. */
export function batchStatement({ table, batch, durable }: { table: (name: string) => string; batch: WriteBatch; durable: boolean }): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const parts: string[] = [];
  const unnest = (columnValues: SqlValue[][], types: string[]): string => {
    const params = types.map((type, i) => {
      values.push(columnValues[i]);
      return `$${values.length}::${type}[]`;
    });
    return `SELECT * FROM unnest(${params.join(', ')})`;
  };
  const names = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(', ');
  if (batch.events.length > 0) {
    const columns = columnsOf(batch.events.map(eventValues), EVENT_COLUMNS.length);
    parts.push(`ev AS (INSERT INTO ${table('events')} (${names(EVENT_COLUMNS)}) ${unnest(columns, EVENT_TYPES)})`);
  }
  if (batch.executions.length > 0) {
    const columns = columnsOf(batch.executions.map(executionValues), EXECUTION_COLUMNS.length);
    // A job that runs twice (redelivered after a crash) keeps the first record of its execution id.
    parts.push(`ex AS (INSERT INTO ${table('executions')} (${names(EXECUTION_COLUMNS)}) ${unnest(columns, EXECUTION_TYPES)} ON CONFLICT ("id") DO NOTHING)`);
  }
  if (batch.doneEventIds.length > 0) {
    values.push(batch.doneEventIds);
    parts.push(`dn AS (UPDATE ${table('events')} SET "status" = 'done' WHERE "id" = ANY($${values.length}::varchar[]) AND "status" = 'accepted')`);
  }
  const relax = durable ? 'SELECT 1' : `SELECT set_config('synchronous_commit', 'off', true)`;
  return { text: parts.length > 0 ? `WITH ${parts.join(', ')} ${relax}` : relax, values };
}

async function transactionWrite(args: { dataSource: DataSource; table: (name: string) => string; batch: WriteBatch; durable: boolean }): Promise<Duplicates> {
  const { dataSource, table, batch, durable } = args;
  return dataSource.transaction(async (manager: EntityManager) => {
    const duplicates = batch.claims.length > 0 ? await claimOnPostgres({ manager, table: table('dedupe_keys'), claims: batch.claims, now: new Date().toISOString() }) : new Map<string, string>();
    const statement = batchStatement({ table, batch: { ...batch, events: withDuplicates(batch.events, duplicates) }, durable });
    await manager.query(statement.text, statement.values);
    return duplicates;
  });
}

/** Rows to one array per column, as unnest wants them. */
function columnsOf(rows: SqlValue[][], width: number): SqlValue[][] {
  const columns: SqlValue[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i += 1) columns[i].push(row[i]);
  return columns;
}
