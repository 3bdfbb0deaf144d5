// Every REST call the editor makes, one function each, named after what it does.
import { deleteJson, postJson, putJson, queryString, requestJson } from './http';
import type {
  ExecutionDetail,
  ExecutionStatsBucket,
  ExecutionSummary,
  FlowDetail,
  FlowDocument,
  FlowSummary,
  FlowTemplate,
  FlowVersion,
  FlowVersionSummary,
  NodeTypeInfo,
  Page,
  StoredEvent,
  TestRunRequest,
  TestRunResult,
} from './api-types';

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export type FlowSource = 'import' | 'template' | 'copy';

export const api = {
  nodeTypes: () => requestJson<NodeTypeInfo[]>('/api/node-types'),
  templates: () => requestJson<FlowTemplate[]>('/api/templates'),

  flows: () => requestJson<FlowSummary[]>('/api/flows'),
  flow: (id: string) => requestJson<FlowDetail>(flowPath(id)),
  /** `source` tells the server's audit log where the flow came from (an import is logged as one). */
  createFlow: (document: FlowDocument, source?: FlowSource) => postJson<FlowDetail>(`/api/flows${queryString({ source })}`, document),
  /** `restoredFrom`: the old version this document was restored from, whose secrets the server then keeps. */
  saveFlow: (id: string, document: FlowDocument, restoredFrom?: string | null) => putJson<FlowDetail>(`${flowPath(id)}${queryString({ restoredFrom })}`, document),
  deleteFlow: (id: string) => deleteJson(flowPath(id)),
  activateFlow: (id: string) => postJson<FlowDetail>(`${flowPath(id)}/activate`),
  deactivateFlow: (id: string) => postJson<FlowDetail>(`${flowPath(id)}/deactivate`),
  testRun: (id: string, request: TestRunRequest) => postJson<TestRunResult>(`${flowPath(id)}/test-run`, request),
  testEventsUrl: (id: string) => `${flowPath(id)}/test-events`,

  events: (query: { flowId: string; limit?: number; cursor?: string }) => requestJson<Page<StoredEvent>>(`/api/events${queryString(query)}`),
  replayEvent: (id: string) => postJson<{ eventId: string }>(`/api/events/${encodeURIComponent(id)}/replay`),

  executions: (query: { flowId: string; status?: string; limit?: number; cursor?: string }) =>
    requestJson<Page<ExecutionSummary>>(`/api/executions${queryString(query)}`),
  execution: (id: string) => requestJson<ExecutionDetail>(`/api/executions/${encodeURIComponent(id)}`),
  retryExecution: (id: string) => postJson<{ executionId: string }>(`/api/executions/${encodeURIComponent(id)}/retry`),
  cancelExecution: (id: string) => postJson<{ id: string; status: 'cancelled' }>(`/api/executions/${encodeURIComponent(id)}/cancel`),
  executionStats: (query: { flowId: string; hours?: number }) =>
    requestJson<{ buckets: ExecutionStatsBucket[] }>(`/api/executions/stats${queryString(query)}`),
  flowVersions: (id: string, query: { limit?: number; cursor?: string }) => requestJson<Page<FlowVersionSummary>>(`${flowPath(id)}/versions${queryString(query)}`),
  flowVersion: (versionId: string) => requestJson<FlowVersion>(`/api/flow-versions/${encodeURIComponent(versionId)}`),
};
