import { describe, expect, it } from 'vitest';
import { TemplateError } from '@hookflow/flow-model';
import { NodeConfigError, NodeRuntimeError } from './node-errors';
import { cancelledError, toStepError } from './step-error';

describe('toStepError', () => {
  it('keeps the kind and context of typed node errors', () => {
    expect(toStepError(new NodeConfigError('no such channel', { param: 'channel' }))).toEqual({
      error: { message: 'no such channel', kind: 'config', retryable: false, param: 'channel' },
      attempts: 1,
    });
    expect(toStepError(new NodeRuntimeError('HTTP 503', { retryable: true, attempts: 3, details: { status: 503 } }))).toEqual({
      error: { message: 'HTTP 503', kind: 'runtime', retryable: true, details: { status: 503 } },
      attempts: 3,
    });
    expect(toStepError(new TemplateError('bad helper')).error).toEqual({ message: 'bad helper', kind: 'template', retryable: false });
  });

  it('reports anything else as a non-retryable runtime failure', () => {
    expect(toStepError(new RangeError('too far')).error).toEqual({ message: 'RangeError: too far', kind: 'runtime', retryable: false });
    expect(toStepError('a string').error.message).toBe('node failed: a string');
  });

  it('describes cancellation', () => {
    expect(cancelledError()).toEqual({ message: 'execution cancelled', kind: 'runtime', retryable: false });
  });
});
