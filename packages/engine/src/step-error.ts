// Maps whatever a node (or rendering) threw to the StepError recorded for the step: typed node
// errors keep their kind and context; anything else is an unexpected runtime failure.
import { TemplateError } from '@hookflow/flow-model';
import type { StepError } from '@hookflow/flow-model';
import { NodeConfigError, NodeRuntimeError } from './node-errors';

export function toStepError(err: unknown): { error: StepError; attempts: number; logs?: string[] } {
  if (err instanceof NodeConfigError) {
    return { error: withOptional({ message: err.message, kind: 'config', retryable: false }, err.param), attempts: 1 };
  }
  if (err instanceof NodeRuntimeError) {
    const error: StepError = { message: err.message, kind: 'runtime', retryable: err.retryable };
    if (err.details !== undefined) error.details = err.details;
    if (err.logs !== undefined) return { error, attempts: err.attempts, logs: err.logs };
    return { error, attempts: err.attempts };
  }
  if (err instanceof TemplateError) {
    return { error: { message: err.message, kind: 'template', retryable: false }, attempts: 1 };
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : `node failed: ${String(err)}`;
  return { error: { message, kind: 'runtime', retryable: false }, attempts: 1 };
}

export function cancelledError(): StepError {
  return { message: 'execution cancelled', kind: 'runtime', retryable: false };
}

function withOptional(error: StepError, param: string | undefined): StepError {
  if (param !== undefined) error.param = param;
  return error;
}
