// The hot read: one event by id, for the executor of every job that finds no kept trigger output
// (every job of a queue-mode worker). A prepared statement on the pool (PostgreSQL) or on the main
// connection (SQLite) instead of TypeORM's repository, whose query building cost a worker more
// than the read itself. Answers the row as the entity has it (headers and query parsed).
import type { DataSource } from 'typeorm';
import { pgPoolOf, sqliteConnectionOf } from './connections';
import { EVENT_COLUMNS } from './row-columns';
import type { EventRow } from './rows';

export type EventReader = (id: string) => Promise<EventRow | undefined>;

export function createEventReader(dataSource: DataSource): EventReader {
  const columns = EVENT_COLUMNS.map((column) => `"${column}"`).join(', ');
  const pool = pgPoolOf(dataSource);
  if (pool) {
    const schema = dataSource.options.type === 'postgres' ? dataSource.options.schema : undefined;
    const text = `SELECT ${columns} FROM ${schema ? `"${schema}".` : ''}"events" WHERE "id" = $1`;
    // Named: pg prepares it once per connection.
    const name = `hookflow-event-${schema ?? 'public'}`;
    return async (id) => rowOf(firstRow(await pool.query({ name, text, values: [id] })));
  }
  const sqlite = sqliteConnectionOf(dataSource);
  if (!sqlite) throw new Error('no SQLite or PostgreSQL connection to read events from');
  let statement: ReturnType<typeof sqlite.prepare> | undefined;
  return (id) => {
    statement ??= sqlite.prepare(`SELECT ${columns} FROM "events" WHERE "id" = ?`);
    return Promise.resolve(rowOf(statement.get(id)));
  };
}

function firstRow(result: unknown): unknown {
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) return undefined;
  return result.rows[0];
}

function rowOf(raw: unknown): EventRow | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const row: Record<string, unknown> = { ...raw };
  const text = (key: string): string | null => (typeof row[key] === 'string' ? row[key] : null);
  const id = text('id');
  const method = text('method');
  const status = text('status');
  if (id === null || method === null || status === null || !isEventStatus(status)) return undefined;
  return {
    id,
    flowId: text('flowId'),
    flowVersionId: text('flowVersionId'),
    nodeId: text('nodeId'),
    method,
    path: text('path') ?? '',
    headers: parseStrings(text('headers')),
    query: parseQuery(text('query')),
    contentType: text('contentType'),
    body: text('body'),
    rawBody: text('rawBody') ?? '',
    rawEncoding: text('rawEncoding') === 'base64' ? 'base64' : 'utf8',
    status,
    reason: text('reason'),
    httpStatus: Number(row.httpStatus),
    receivedAt: text('receivedAt') ?? '',
    orderingKey: text('orderingKey'),
  };
}

const STATUSES = new Set(['accepted', 'done', 'rejected', 'duplicate', 'dropped']);

function isEventStatus(status: string): status is EventRow['status'] {
  return STATUSES.has(status);
}

/** Headers are stored as a JSON object of strings. */
function parseStrings(json: string | null): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseObject(json))) if (typeof value === 'string') parsed[key] = value;
  return parsed;
}

/** The query is stored as a JSON object of strings and string lists. */
function parseQuery(json: string | null): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(parseObject(json))) {
    if (typeof value === 'string') parsed[key] = value;
    else if (Array.isArray(value)) parsed[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return parsed;
}

function parseObject(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  } catch {
    return {};
  }
}
