// Shapes of the server's answers the editor reads. Node types, steps and validation issues come
// from flow-model; the rest mirrors the REST contract.
import type { ExecutionStatus, FlowDocument, StepError, StepRecord, ValidationIssue } from '@hookflow/flow-model';

export type { NodeTypeInfo, StepRecord, ValidationIssue, FlowDocument } from '@hookflow/flow-model';

export interface TriggerInfo {
  nodeId: string;
  method: string;
  url: string;
}

export interface FlowSummary {
  id: string;
  name: string;
  active: boolean;
  version: number;
  nodeCount: number;
  createdAt: string;
  updatedAt: string;
  triggers: TriggerInfo[];
  lastExecutionAt?: string | null;
  lastExecutionStatus?: string | null;
  failures24h?: number;
}

export interface FlowDetail extends FlowDocument {
  id: string;
  active: boolean;
  version: number;
  versionId: string;
  createdAt: string;
  updatedAt: string;
  triggers: TriggerInfo[];
  testUrl?: string;
  validation?: { valid: boolean; errors: ValidationIssue[] };
}

export interface FlowTemplate {
  id: string;
  name: string;
  description: string;
  document: FlowDocument;
}

export type TestRunStatus = 'success' | 'filtered' | 'error';

export interface TestRunResult {
  status: TestRunStatus;
  steps: StepRecord[];
  error?: StepError & { nodeId?: string };
  durationMs: number;
  eventId: string;
}

export interface TestRunRequest {
  payload: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | string[]>;
  method?: string;
  flow?: FlowDocument;
}

/** A request the webhook received (from the test URL stream or the stored events). */
export interface CapturedRequest {
  id: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  contentType?: string | null;
  receivedAt: string;
}

export type EventStatus = 'accepted' | 'done' | 'rejected';

export interface StoredEvent extends CapturedRequest {
  flowId: string | null;
  nodeId?: string | null;
  path?: string | null;
  status: EventStatus;
  reason?: string | null;
  httpStatus?: number | null;
  size?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ExecutionSummary {
  id: string;
  flowId: string;
  flowVersionId: string;
  flowVersion: number;
  eventId: string;
  retryOf: string | null;
  status: ExecutionStatus;
  error: (StepError & { nodeId?: string }) | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  triggerSummary?: string | null;
}

export interface ExecutionDetail extends ExecutionSummary {
  steps: StepRecord[];
}

export interface ExecutionStatsBucket {
  hour: string;
  success: number;
  filtered: number;
  error: number;
}

export interface FlowVersion {
  id: string;
  flowId: string;
  version: number;
  document: FlowDocument;
  createdAt: string;
}
