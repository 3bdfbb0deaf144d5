// What the API answers for executions: steps and error as JSON, entities kept out of controllers.
import type { ExecutionDto, ExecutionSummaryDto } from '@hookflow/flow-model';
import type { ExecutionEntity } from './execution.entity';

export type { ExecutionDto, ExecutionSummaryDto };

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
    resumeAt: row.status === 'waiting' ? row.resumeAt : null,
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
