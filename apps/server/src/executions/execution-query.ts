// What GET /api/executions accepts: a flow, a status, a time range on the start time, and a search
// (an execution or event id, or words of the error message), newest first in keyset pages.
// The event's body is not searched: it is unindexed text up to the body limit per event, so a
// search would read every stored body on each request.
import type { SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import { PageQuerySchema } from '../common/cursor';
import type { ExecutionEntity } from './execution.entity';

const MAX_SEARCH_CHARS = 200;

/** An ISO date-time with its zone (or a bare date, taken as midnight UTC), kept as stored: UTC with milliseconds. */
const Instant = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(text) && !Number.isNaN(Date.parse(text)), {
    message: 'use an ISO date-time with its zone, e.g. 2026-01-31T08:00:00Z, or a date, e.g. 2026-01-31',
  })
  .transform((text) => new Date(text).toISOString());

/** A parameter left empty (`?from=`) is no filter, as forms send it. */
const unlessBlank = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const ExecutionListQuerySchema = PageQuerySchema.extend({
  flowId: unlessBlank(z.string().max(200)),
  eventId: unlessBlank(z.string().max(200)),
  status: unlessBlank(z.enum(['waiting', 'cancelled', 'success', 'filtered', 'error'])),
  /** Started at or after this time. */
  from: unlessBlank(Instant),
  /** Started before this time. */
  to: unlessBlank(Instant),
  q: unlessBlank(z.string().max(MAX_SEARCH_CHARS, `search for at most ${MAX_SEARCH_CHARS} characters`).transform((text) => text.trim())),
}).refine((query) => !query.from || !query.to || query.from < query.to, { path: ['to'], message: '"to" must be after "from"' });

export type ExecutionListQuery = z.output<typeof ExecutionListQuerySchema>;

/** Narrows the builder (alias "e") to the query's filters; the message is read from the error's JSON per dialect. */
export function applyExecutionFilters({ builder, query, postgres }: { builder: SelectQueryBuilder<ExecutionEntity>; query: Partial<ExecutionListQuery>; postgres: boolean }): void {
  if (query.flowId) builder.andWhere('e.flowId = :flowId', { flowId: query.flowId });
  if (query.status) builder.andWhere('e.status = :status', { status: query.status });
  if (query.eventId) builder.andWhere('e.eventId = :eventId', { eventId: query.eventId });
  if (query.from) builder.andWhere('e.startedAt >= :from', { from: query.from });
  if (query.to) builder.andWhere('e.startedAt < :to', { to: query.to });
  if (query.q) {
    const message = postgres ? `(CAST(e.error AS jsonb) ->> 'message') ILIKE :pattern ESCAPE '\\'` : `json_extract(e.error, '$.message') LIKE :pattern ESCAPE '\\'`;
    builder.andWhere(`(e.id = :q OR e.eventId = :q OR (e.error IS NOT NULL AND ${message}))`, { q: query.q, pattern: `%${escapeLike(query.q)}%` });
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
