// What the API answers for executions: steps and error as JSON, entities kept out of controllers.
import type { StepError, StepRecord } from '@hookflow/flow-model';
import type { ExecutionEntity } from '../storage/entities';

export interface ExecutionSummaryDto {
  id: string;
  flowId: string;
  flowVersionId: string;
  flowVersion: number;
  eventId: string;
  retryOf: string | null;
  status: ExecutionEntity['status'];
  error: (StepError & { nodeId: string }) | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

export interface ExecutionDto extends ExecutionSummaryDto {
  steps: StepRecord[];
}

export function toExecutionSummary(row: ExecutionEntity): ExecutionSummaryDto {
  return {
    id: row.id,
    flowId: row.flowId,
    flowVersionId: row.flowVersionId,
    flowVersion: row.flowVersion,
    eventId: row.eventId,
    retryOf: row.retryOf,
    status: row.status,
    error: parseJson(row.error),
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.durationMs,
  };
}

export function toExecutionDto(row: ExecutionEntity): ExecutionDto {
  return { ...toExecutionSummary(row), steps: parseJson(row.steps) ?? [] };
}

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  const value: T = JSON.parse(text);
  return value;
}
