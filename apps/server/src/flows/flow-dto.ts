// What the API answers for a flow: the flow document itself (so an export is an import) plus
// its state. Entities stay out of controllers.
import type { FlowDocument, ValidationIssue } from '@hookflow/flow-model';
import type { FlowEntity } from '../storage/entities';

export interface TriggerInfo {
  nodeId: string;
  method: string;
  url: string;
}

export interface FlowDto extends FlowDocument {
  id: string;
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

export interface FlowSummaryDto {
  id: string;
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

export interface FlowActivity {
  lastExecutionAt: string | null;
  lastExecutionStatus: string | null;
  failures24h: number;
}

export function toFlowDto(flow: FlowEntity, triggers: TriggerInfo[], testUrl: string, validation?: FlowDto['validation']): FlowDto {
  return {
    ...flow.document,
    id: flow.id,
    active: flow.active,
    version: flow.currentVersion,
    versionId: flow.currentVersionId,
    createdAt: flow.createdAt,
    updatedAt: flow.updatedAt,
    triggers,
    testUrl,
    ...(validation ? { validation } : {}),
  };
}

export function toFlowSummary(flow: FlowEntity, triggers: TriggerInfo[], activity: FlowActivity): FlowSummaryDto {
  return {
    id: flow.id,
    name: flow.name,
    active: flow.active,
    version: flow.currentVersion,
    nodeCount: flow.document.nodes.length,
    createdAt: flow.createdAt,
    updatedAt: flow.updatedAt,
    triggers,
    ...activity,
  };
}
