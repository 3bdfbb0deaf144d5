// POST /api/flows/:id/nodes/:nodeId/test (docs/api.md, "Flows"): one node of the draft, run alone.
import type { StepRecord } from '@hookflow/flow-model';
import type { FlowDocument } from '../../api/api-types';
import { postJson } from '../../api/http';

export interface NodeTestRequest {
  flow: FlowDocument;
  payload: unknown;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  method?: string;
  /** Outputs of earlier nodes, by id, as the node's templates read them. */
  nodes: Record<string, unknown>;
}

export function testNode({ flowId, nodeId, request }: { flowId: string; nodeId: string; request: NodeTestRequest }): Promise<{ step: StepRecord }> {
  return postJson<{ step: StepRecord }>(`/api/flows/${encodeURIComponent(flowId)}/nodes/${encodeURIComponent(nodeId)}/test`, request);
}
