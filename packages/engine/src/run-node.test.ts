import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileFlow, type CompiledFlow } from './compile-flow';
import type { NodeType } from './node-type';
import { runNode } from './run-node';
import { testTriggerOutput } from './test-harness';
import { flow, type FlowBuilder } from './test-support/flow-builder';
import { testRegistry } from './test-support/test-node-types';

const joinType: NodeType<Record<string, never>> = {
  type: 'test-join',
  version: 1,
  label: 'Test join',
  description: 'Outputs its inputs.',
  category: 'Flow',
  icon: 'merge',
  params: z.object({}),
  handles: { inputs: ['in'], outputs: ['out'] },
  joins: true,
  async run(ctx) {
    return { output: { ...ctx.inputs } };
  },
};

function compile(builder: FlowBuilder): CompiledFlow {
  const compiled = compileFlow({ flow: builder.build(), registry: testRegistry().register(joinType) });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return compiled.value;
}

const orders = () =>
  flow()
    .node('hook', 'test-trigger')
    .node('shape', 'test-set', { value: { total: '{{trigger.body.total}}' } })
    .node('check', 'test-filter', { pass: '{{nodes.shape.value.total}}' })
    .node('boom', 'test-fail', { kind: 'runtime', message: 'warehouse answered {{nodes.shape.value.total}}' })
    .edge('hook', 'shape')
    .edge('shape', 'check')
    .edge('check', 'boom', 'true');

const test = (compiled: CompiledFlow, nodeId: string, nodes: Record<string, unknown>, body: unknown = {}) =>
  runNode({ compiled, nodeId, trigger: testTriggerOutput({ body }), nodes, flow: { id: 'f1', name: 'orders' } });

describe('runNode: one node on its own', () => {
  it('renders the node against the sample trigger and the given outputs of earlier nodes, and runs only it', async () => {
    const compiled = compile(orders());
    expect(await test(compiled, 'shape', {}, { total: 120 })).toMatchObject({ nodeId: 'shape', status: 'success', handle: 'out', output: { value: { total: 120 } }, attempts: 1 });
    const check = await test(compiled, 'check', { shape: { value: { total: false } } });
    expect(check).toMatchObject({ status: 'success', handle: 'false', input: { pass: false }, output: { passed: false } });
  });

  it('reports the node’s failure, or params that do not render to what it takes, as the step’s error', async () => {
    const compiled = compile(orders());
    expect(await test(compiled, 'boom', { shape: { value: { total: 7 } } })).toMatchObject({
      status: 'error',
      input: { message: 'warehouse answered 7' },
      error: { message: 'warehouse answered 7', kind: 'runtime', retryable: true },
    });
    expect(await test(compiled, 'check', { shape: { value: { total: 'yes' } } })).toMatchObject({ status: 'error', attempts: 0, error: { kind: 'config', param: 'pass' } });
  });

  it('gives a joining node the given outputs of the nodes that lead into it', async () => {
    const compiled = compile(
      flow()
        .node('hook', 'test-trigger')
        .node('a', 'test-set', { value: 1 })
        .node('b', 'test-set', { value: 2 })
        .node('join', 'test-join')
        .edge('hook', 'a')
        .edge('hook', 'b')
        .edge('a', 'join')
        .edge('b', 'join'),
    );
    expect((await test(compiled, 'join', { a: { value: 1 }, hook: {} })).output).toEqual({ a: { value: 1 } });
  });

  it('refuses a node the flow does not have', async () => {
    await expect(test(compile(orders()), 'nope', {})).rejects.toThrow('no node "nope"');
  });
});
