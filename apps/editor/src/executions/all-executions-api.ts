// GET /api/executions across every flow, with the filters the global executions page offers
// (docs/api.md, "Executions").
import type { ExecutionSummary, Page } from '../api/api-types';
import { queryString, requestJson } from '../api/http';

export interface ExecutionFilters {
  flowId: string;
  status: string;
  /** Start of the range, as typed in a datetime-local field (local time); '' for none. */
  from: string;
  to: string;
  /** An execution id, an event id, or words of the error message. */
  q: string;
}

export const NO_FILTERS: ExecutionFilters = { flowId: '', status: '', from: '', to: '', q: '' };

export function fetchAllExecutions({ filters, limit, cursor }: { filters: ExecutionFilters; limit: number; cursor?: string }): Promise<Page<ExecutionSummary>> {
  const query = { ...filters, from: toInstant(filters.from), to: toInstant(filters.to), q: filters.q.trim(), limit, cursor };
  return requestJson<Page<ExecutionSummary>>(`/api/executions${queryString(query)}`);
}

export const allExecutionsKey = (filters: ExecutionFilters) => ['executions', 'all', filters] as const;

/** A datetime-local value ("2026-01-31T08:00", local time) as the ISO instant the server wants. */
export function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
