// Shapes of the server's answers the editor reads. The server's answers are defined once in
// flow-model (api-shapes.ts) and named here as the editor's code calls them; shapes only the
// editor sends or builds stay here.
import type {
  ExecutionDto,
  EventStatus,
  ExecutionSummaryDto,
  FlowDocument,
  FlowDto,
  FlowSummaryDto,
  FlowTemplateDto,
  FlowVersionSummaryDto,
  StepError,
  StepRecord,
} from '@hookflow/flow-model';

export type { EventStatus, ExecutionStatsBucket, NodeTypeInfo, Page, StepRecord, TriggerInfo, ValidationIssue, FlowDocument } from '@hookflow/flow-model';
export type FlowSummary = FlowSummaryDto;
export type FlowDetail = FlowDto;
export type FlowTemplate = FlowTemplateDto;
export type FlowVersionSummary = FlowVersionSummaryDto;
export type ExecutionSummary = ExecutionSummaryDto;
export type ExecutionDetail = ExecutionDto;

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

export interface StoredEvent extends CapturedRequest {
  flowId: string | null;
  nodeId?: string | null;
  path?: string | null;
  status: EventStatus;
  reason?: string | null;
  httpStatus?: number | null;
  size?: number;
}

export interface FlowVersion {
  id: string;
  flowId: string;
  version: number;
  document: FlowDocument;
  createdAt: string;
}
