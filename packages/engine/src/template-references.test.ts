// A step whose templates read a node that does not run before it fails, naming the node and
// param, instead of rendering an empty string and reporting success.
import { describe, expect, it } from 'vitest';
import { compileFlow } from './compile-flow';
import { runFlow } from './run-flow';
import { testTriggerOutput } from './test-harness';
import { flow } from './test-support/flow-builder';
import { testRegistry } from './test-support/test-node-types';

const withBrokenReference = () =>
  flow()
    .node('hook', 'test-trigger')
    .node('a', 'test-set', { value: 'total {{nodes.missing.x}}' })
    .node('b', 'test-set', { value: 'never' })
    .chain('hook', 'a', 'b')
    .build();

describe('templates that read a node which does not run before theirs', () => {
  it('refuse to compile by default, naming node and param', () => {
    const compiled = compileFlow({ flow: withBrokenReference(), registry: testRegistry() });
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.errors).toEqual([expect.objectContaining({ nodeId: 'a', param: 'value', message: expect.stringContaining('uses {{nodes.missing.x}}, but there is no node "missing" before this one') })]);
  });

  it('fail the step when a stored version that has one runs, and stop the execution there', async () => {
    const compiled = compileFlow({ flow: withBrokenReference(), registry: testRegistry(), brokenReferences: 'fail-step' });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const result = await runFlow({ compiled: compiled.value, flow: { id: 'f1', name: 'orders' }, trigger: testTriggerOutput({ body: {} }) });
    expect(result.status).toBe('error');
    expect(result.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['hook', 'success'],
      ['a', 'error'],
    ]);
    expect(result.error).toMatchObject({ nodeId: 'a', kind: 'template', param: 'value', retryable: false });
    expect(result.error?.message).toMatch(/uses \{\{nodes\.missing\.x\}\}, but there is no node "missing" before this one/);
  });

  it('keep optional lookups into nodes that ran: a missing field still renders empty', async () => {
    const document = flow()
      .node('hook', 'test-trigger')
      .node('a', 'test-set', { value: 'x' })
      .node('b', 'test-set', { value: '[{{nodes.a.nothing}}][{{trigger.body.maybe}}][{{nodes.hook.body.maybe}}]' })
      .chain('hook', 'a', 'b')
      .build();
    const compiled = compileFlow({ flow: document, registry: testRegistry(), brokenReferences: 'fail-step' });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const result = await runFlow({ compiled: compiled.value, flow: { id: 'f1', name: 'orders' }, trigger: testTriggerOutput({ body: {} }) });
    expect(result.status).toBe('success');
    expect(result.steps[2].output).toMatchObject({ value: '[][][]' });
  });
});
