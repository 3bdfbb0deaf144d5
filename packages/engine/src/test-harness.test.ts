import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NodeRegistry } from './node-registry';
import type { NodeType } from './node-type';
import { runNodeInFlow } from './test-harness';
import { testFail, testFilter, testSet, testTrigger } from './test-support/test-node-types';

describe('runNodeInFlow', () => {
  it('renders params against the trigger and validates them after rendering', async () => {
    const { result, step } = await runNodeInFlow({
      nodeType: testSet,
      params: { value: '{{trigger.body.order.id}}', count: '{{trigger.query.n}}' },
      trigger: { body: { order: { id: 'A-1' } }, query: { n: '3' } },
    });

    // A query value is a string, and count wants a number.
    expect(result.status).toBe('error');
    expect(step).toMatchObject({ nodeId: 'node', status: 'error', input: { value: 'A-1', count: '3' }, error: { kind: 'config', param: 'count' } });
  });

  it('returns the step of the node under test', async () => {
    const { result, step } = await runNodeInFlow({ nodeType: testFilter, params: { pass: '{{trigger.body.ok}}' }, trigger: { body: { ok: false } } });

    expect(result.status).toBe('success');
    expect(step).toMatchObject({ nodeType: 'test-filter', name: 'Test filter', status: 'success', handle: 'false', output: { passed: false } });
  });

  it('runs a trigger node type on its own', async () => {
    const { step } = await runNodeInFlow({ nodeType: testTrigger, trigger: { method: 'PUT' } });
    expect(step.output).toMatchObject({ method: 'PUT', body: {}, eventId: 'evt_test' });
  });

  it('passes services and errors through', async () => {
    const { step } = await runNodeInFlow({ nodeType: testFail, params: { kind: 'runtime', attempts: 2 } });
    expect(step).toMatchObject({ status: 'error', attempts: 2, error: { kind: 'runtime', retryable: true } });
  });

  it('accepts a registry of other node types, the node under test taking precedence', async () => {
    const registry = new NodeRegistry().register(testSet).register(testFilter);
    const { step } = await runNodeInFlow({ nodeType: testSet, params: { value: 1 }, registry });
    expect(step.output).toEqual({ value: 1, count: 0 });
  });

  it('explains why the tiny flow does not compile', async () => {
    const strict: NodeType<{ n: number }> = {
      ...testSet,
      type: 'strict',
      params: z.object({ n: z.number() }),
      run: async (_ctx, params) => ({ output: params.n }),
    };
    await expect(runNodeInFlow({ nodeType: strict, params: { n: 'abc' } })).rejects.toThrow(/does not compile:\n.*params\.n/);
  });
});
