// The server's answers, as the editor reads them: one definition for both sides, so a field
// added or renamed on the server is a type error in the editor rather than a silent mismatch.
import type { FlowDocument } from './flow-document';
import type { StepError, StepRecord } from './api-types';
import type { ValidationIssue } from './validation-error';

export interface TriggerInfo {
  nodeId: string;
  method: string;
  url: string;
}

/** GET /api/flows/:id: the flow document itself (an export is an import) plus its state. */
export interface FlowDto extends FlowDocument {
  id: string;
  /** The flow's stable key (flows as code), or null when it has none. */
  key: string | null;
  active: boolean;
  version: number;
  versionId: string;
  createdAt: string;
  updatedAt: string;
  triggers: TriggerInfo[];
  /** Test URL: takes one request while an editor listens, without running the flow. */
  testUrl: string;
  /** Result of the full check (graph, params, templates); activation needs it to be valid. */
  validation?: { valid: boolean; errors: ValidationIssue[] };
}

/** GET /api/flows items. */
export interface FlowSummaryDto {
  id: string;
  /** The flow's stable key (flows as code), or null when it has none. */
  key: string | null;
  name: string;
  active: boolean;
  version: number;
  nodeCount: number;
  createdAt: string;
  updatedAt: string;
  triggers: TriggerInfo[];
  lastExecutionAt: string | null;
  lastExecutionStatus: string | null;
  failures24h: number;
}

/** GET /api/templates items. */
export interface FlowTemplateDto {
  id: string;
  name: string;
  description: string;
  document: FlowDocument;
}

/** waiting: parked at a delay node until resumeAt; it then goes on under the same id. cancelled: stopped by someone while it waited. */
export type StoredExecutionStatus = 'waiting' | 'cancelled' | 'success' | 'filtered' | 'error';

/** GET /api/executions items. */
export interface ExecutionSummaryDto {
  id: string;
  flowId: string;
  flowVersionId: string;
  flowVersion: number;
  eventId: string;
  retryOf: string | null;
  status: StoredExecutionStatus;
  error: (StepError & { nodeId: string }) | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Waiting runs: when the delay ends and the run goes on (ISO, UTC); null otherwise. */
  resumeAt?: string | null;
  /** A short line about the request that started it ("POST {"order":...). */
  triggerSummary?: string;
  /** An error run whose event a later run (a replay) got through: that run's id; null otherwise. */
  resolvedBy?: string | null;
}

/** GET /api/executions/:id. */
export interface ExecutionDto extends ExecutionSummaryDto {
  steps: StepRecord[];
}

export interface ExecutionStatsBucket {
  hour: string;
  success: number;
  filtered: number;
  error: number;
  /** Of `error`, the runs whose event a later run (a replay) got through: no longer open failures. */
  resolved?: number;
}

/** One saved version in GET /api/flows/:id/versions (its document: GET /api/flow-versions/:id). */
export interface FlowVersionSummaryDto {
  id: string;
  version: number;
  /** When it was saved (ISO, UTC). */
  createdAt: string;
  /** The flow's name in that version. */
  name: string;
  nodeCount: number;
  /** Who saved it, from the audit log: a user's email or an API key's name; null when not recorded. */
  savedBy: { kind: string; name: string | null } | null;
  /** The flow's latest version: what the editor opens and an active flow runs. */
  current: boolean;
}

/** What became of a received request. */
export type EventStatus = 'accepted' | 'done' | 'rejected' | 'duplicate' | 'dropped';

/** A keyset page: pass nextCursor back as cursor. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
