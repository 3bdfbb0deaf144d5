// The failed list (dead letter) and replays, as the server answers them (docs/api.md, "Delivery").
import type { ExecutionSummary, Page } from '../api/api-types';
import { postJson, queryString, requestJson } from '../api/http';

/** What the failing http step sent: secrets already redacted by the server. */
export interface FailedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyPreview: string;
}

export interface FailedResponse {
  status: number;
  headers: Record<string, string>;
  bodyPreview: string;
}

export interface FailedExecution extends ExecutionSummary {
  request: FailedRequest | null;
  response: FailedResponse | null;
}

export type ReplayVersion = 'original' | 'current';

export type ReplayRequest = { executionIds: string[]; version: ReplayVersion } | { flowId: string; allFailed: true; version: ReplayVersion };

export interface ReplayResult {
  replayed: Array<{ executionId: string; retryOf: string }>;
}

export const failedApi = {
  list: (query: { flowId: string; limit?: number; cursor?: string }) =>
    requestJson<Page<FailedExecution>>(`/api/flows/${encodeURIComponent(query.flowId)}/failed${queryString({ limit: query.limit, cursor: query.cursor })}`),
  replay: (request: ReplayRequest) => postJson<ReplayResult>('/api/executions/replay', request),
};

export const failedKey = (flowId: string) => ['executions', flowId, 'failed-list'] as const;
