// The columns group commit writes, in order, and a row's values in that order: shared by the
// SQLite writer thread's prepared statements and PostgreSQL's unnest statements.
import type { EventRow, ExecutionRow } from './rows';
import type { SqlValue } from './sqlite-writer';

export const EVENT_COLUMNS = ['id', 'flowId', 'flowVersionId', 'nodeId', 'method', 'path', 'headers', 'query', 'contentType', 'body', 'rawBody', 'rawEncoding', 'status', 'reason', 'httpStatus', 'receivedAt', 'orderingKey'] as const;
export const EXECUTION_COLUMNS = ['id', 'flowId', 'flowVersionId', 'flowVersion', 'eventId', 'retryOf', 'status', 'steps', 'error', 'startedAt', 'finishedAt', 'durationMs', 'resumeAt'] as const;

export function eventValues(row: EventRow): SqlValue[] {
  return [row.id, row.flowId, row.flowVersionId, row.nodeId, row.method, row.path, JSON.stringify(row.headers), JSON.stringify(row.query), row.contentType, row.body, row.rawBody, row.rawEncoding, row.status, row.reason, row.httpStatus, row.receivedAt, row.orderingKey];
}

export function executionValues(row: ExecutionRow): SqlValue[] {
  return [row.id, row.flowId, row.flowVersionId, row.flowVersion, row.eventId, row.retryOf, row.status, row.steps, row.error, row.startedAt, row.finishedAt, row.durationMs, row.resumeAt ?? null];
}
