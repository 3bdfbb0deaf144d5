// The row shapes group commit writes. The tables belong to their capabilities (events/,
// executions/), whose entities implement these shapes; storage only needs their columns.
import type { EventStatus, StoredExecutionStatus } from '@hookflow/flow-model';

export interface EventRow {
  id: string;
  flowId: string | null;
  flowVersionId: string | null;
  nodeId: string | null;
  method: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  contentType: string | null;
  body: string | null;
  rawBody: string;
  rawEncoding: 'utf8' | 'base64';
  status: EventStatus;
  reason: string | null;
  httpStatus: number;
  receivedAt: string;
  /** What the trigger's ordering key rendered to; null when the event runs unordered. */
  orderingKey: string | null;
}

export interface ExecutionRow {
  id: string;
  flowId: string;
  flowVersionId: string;
  flowVersion: number;
  eventId: string;
  retryOf: string | null;
  status: StoredExecutionStatus;
  steps: string;
  error: string | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Waiting runs (parked at a delay): when to go on (ISO, UTC); null or absent otherwise. */
  resumeAt?: string | null;
}
