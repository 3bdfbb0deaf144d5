// What the API answers for a flow: the flow document itself (so an export is an import) plus
// its state. Entities stay out of controllers.
import type { FlowDto, FlowSummaryDto, TriggerInfo } from '@hookflow/flow-model';
import type { FlowEntity } from './flow.entities';

export type { FlowDto, FlowSummaryDto, TriggerInfo };

export interface FlowActivity {
  lastExecutionAt: string | null;
  lastExecutionStatus: string | null;
  failures24h: number;
}

export function toFlowDto(flow: FlowEntity, triggers: TriggerInfo[], testUrl: string, validation?: FlowDto['validation']): FlowDto {
  return {
    ...flow.document,
    id: flow.id,
    key: flow.key,
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
    key: flow.key,
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
