// Each node's onError: "stop" fails the run there (the default), "continue" records the failed step
// with { error } as its output and goes on, "route" goes on through the node's "error" output.
import { describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@hookflow/flow-model';
import { compileFlow } from './compile-flow';
import { runFlow } from './run-flow';
import { testTriggerOutput } from './test-harness';
import { flow } from './test-support/flow-builder';
import { testRegistry } from './test-support/test-node-types';

async function run(document: FlowDocumentInput) {
  const compiled = compileFlow({ flow: document, registry: testRegistry() });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return runFlow({ compiled: compiled.value, flow: { id: 'f1', name: 'orders' }, trigger: testTriggerOutput({ body: {} }) });
}

const failing = () => ({ kind: 'runtime', message: 'the API answered 503' });

describe('onError', () => {
  it('stops the run at the failed node by default', async () => {
    const result = await run(flow().node('hook', 'test-trigger').node('call', 'test-fail', failing()).node('after', 'test-set', { value: 1 }).chain('hook', 'call', 'after').build());
    expect(result.status).toBe('error');
    expect(result.steps.map((step) => step.nodeId)).toEqual(['hook', 'call']);
    expect(result.handledError).toBeUndefined();
  });

  it('"continue" records the failed step, gives later nodes { error } and ends as success with the error handled', async () => {
    const document = flow()
      .node('hook', 'test-trigger')
      .node('call', 'test-fail', failing(), { onError: 'continue' })
      .node('after', 'test-set', { value: 'failed with: {{nodes.call.error.message}}' })
      .chain('hook', 'call', 'after')
      .build();
    const result = await run(document);
    expect(result.status).toBe('success');
    expect(result.error).toBeUndefined();
    expect(result.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['hook', 'success'],
      ['call', 'error'],
      ['after', 'success'],
    ]);
    expect(result.steps[1]).toMatchObject({ error: { message: 'the API answered 503', handled: true }, output: { error: { message: 'the API answered 503', kind: 'runtime' } } });
    expect(result.steps[2].output).toMatchObject({ value: 'failed with: the API answered 503' });
    expect(result.handledError).toMatchObject({ nodeId: 'call', message: 'the API answered 503', handled: true });
  });

  it('"route" sends a failure through the error output only, and a success through the usual one only', async () => {
    const build = (kind: 'fail' | 'set') =>
      flow()
        .node('hook', 'test-trigger')
        .node('call', kind === 'fail' ? 'test-fail' : 'test-set', kind === 'fail' ? failing() : { value: 'ok' }, { onError: 'route' })
        .node('onward', 'test-set', { value: 'usual' })
        .node('alert', 'test-set', { value: 'alert: {{nodes.call.error.message}}' })
        .edge('hook', 'call')
        .edge('call', 'onward')
        .edge('call', 'alert', 'error')
        .build();
    const failed = await run(build('fail'));
    expect(failed.status).toBe('success');
    expect(failed.steps.map((step) => [step.nodeId, step.status, step.handle])).toEqual([
      ['hook', 'success', 'out'],
      ['call', 'error', 'error'],
      ['alert', 'success', 'out'],
    ]);
    expect(failed.steps[2].output).toMatchObject({ value: 'alert: the API answered 503' });

    const succeeded = await run(build('set'));
    expect(succeeded.status).toBe('success');
    expect(succeeded.steps.map((step) => step.nodeId)).toEqual(['hook', 'call', 'onward']);
    expect(succeeded.handledError).toBeUndefined();
  });

  it('counts a routed node whose only edges leave its error output as an end when it succeeds', async () => {
    const document = flow()
      .node('hook', 'test-trigger')
      .node('call', 'test-set', { value: 'ok' }, { onError: 'route' })
      .node('alert', 'test-set', { value: 'alert' })
      .edge('hook', 'call')
      .edge('call', 'alert', 'error')
      .build();
    const result = await run(document);
    expect(result.status).toBe('success');
    expect(result.steps.map((step) => step.nodeId)).toEqual(['hook', 'call']);
  });

  it('refuses an edge from an "error" output of a node that does not route its failures, saying how to fix it', () => {
    const document = flow().node('hook', 'test-trigger').node('call', 'test-fail', failing()).node('alert', 'test-set').edge('hook', 'call').edge('call', 'alert', 'error').build();
    const compiled = compileFlow({ flow: document, registry: testRegistry() });
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.errors[0].message).toMatch(/has no output "error"; its outputs are "out" \(set its "On error" to "Send to the error output"/);
  });

  it('refuses "On error" on a trigger, and an unknown mode', () => {
    const onTrigger = compileFlow({ flow: flow().node('hook', 'test-trigger', {}, { onError: 'continue' }).build(), registry: testRegistry() });
    expect(onTrigger.ok).toBe(false);
    if (!onTrigger.ok) expect(onTrigger.errors[0]).toMatchObject({ path: 'nodes.0.onError', message: expect.stringContaining('a trigger has no "On error"') });
    const unknown = compileFlow({ flow: flow().node('hook', 'test-trigger').node('x', 'test-set', {}, { onError: 'ignore' as 'stop' }).chain('hook', 'x').build(), registry: testRegistry() });
    expect(unknown.ok).toBe(false);
  });

  it('never swallows a cancellation: a cancelled run still ends as an error', async () => {
    const document = flow().node('hook', 'test-trigger').node('wait', 'test-wait', { ms: 5_000 }, { onError: 'continue' }).node('after', 'test-set').chain('hook', 'wait', 'after').build();
    const compiled = compileFlow({ flow: document, registry: testRegistry() });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const controller = new AbortController();
    const running = runFlow({ compiled: compiled.value, flow: { id: 'f1', name: 'orders' }, trigger: testTriggerOutput({ body: {} }), signal: controller.signal, onStep: () => undefined });
    controller.abort(new Error('shutting down'));
    const result = await running;
    expect(result.status).toBe('error');
    expect(result.steps.map((step) => step.nodeId)).not.toContain('after');
  });
});
