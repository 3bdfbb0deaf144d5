import { describe, expect, it } from 'vitest';
import { TemplateError } from '@hookflow/flow-model';
import type { StepRecord } from '@hookflow/flow-model';
import { compileFlow } from './compile-flow';
import type { CompiledFlow } from './compile-flow';
import { runFlow } from './run-flow';
import type { RunFlowOptions } from './run-flow';
import { testTriggerOutput } from './test-harness';
import { flow, type FlowBuilder } from './test-support/flow-builder';
import { testRegistry } from './test-support/test-node-types';

function compile(builder: FlowBuilder): CompiledFlow {
  const compiled = compileFlow({ flow: builder.build(), registry: testRegistry() });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors, null, 2));
  return compiled.value;
}

function run(builder: FlowBuilder | CompiledFlow, body: unknown = {}, extra: Partial<RunFlowOptions> = {}) {
  const compiled = 'build' in builder ? compile(builder) : builder;
  return runFlow({ compiled, flow: { id: 'f1', name: 'orders' }, trigger: testTriggerOutput({ body }), ...extra });
}

const ranIds = (steps: StepRecord[]) => steps.map((s) => s.nodeId);

describe('runFlow: graph walking', () => {
  const filtered = () =>
    flow()
      .node('hook', 'test-trigger')
      .node('check', 'test-filter', { pass: '{{trigger.body.ok}}' })
      .node('notify', 'test-set', { value: 'passed' })
      .edge('hook', 'check')
      .edge('check', 'notify', 'true');

  it('runs the trigger first, then what its edges reach', async () => {
    const result = await run(filtered(), { ok: true });

    expect(result.status).toBe('success');
    expect(ranIds(result.steps)).toEqual(['hook', 'check', 'notify']);
    expect(result.steps[0]).toMatchObject({ status: 'success', output: testTriggerOutput({ body: { ok: true } }), handle: 'out' });
    expect(result.steps[1]).toMatchObject({ handle: 'true', output: { passed: true } });
  });

  it('is "filtered" when the event leaves on an output with no edge', async () => {
    const result = await run(filtered(), { ok: false });

    expect(result.status).toBe('filtered');
    expect(ranIds(result.steps)).toEqual(['hook', 'check']);
    expect(result.steps[1]).toMatchObject({ status: 'success', handle: 'false' });
    expect(result.error).toBeUndefined();
  });

  it('runs the false branch when it is connected, and only that branch', async () => {
    const builder = filtered().node('reject', 'test-set', { value: 'rejected' }).edge('check', 'reject', 'false');

    const failing = await run(builder, { ok: false });
    expect(failing.status).toBe('success');
    expect(ranIds(failing.steps)).toEqual(['hook', 'check', 'reject']);

    const passing = await run(builder, { ok: true });
    expect(ranIds(passing.steps)).toEqual(['hook', 'check', 'notify']);
  });

  it('follows an edge without a sourceHandle from the first output only', async () => {
    const builder = flow()
      .node('hook', 'test-trigger')
      .node('check', 'test-filter', { pass: '{{trigger.body.ok}}' })
      .node('notify', 'test-set')
      .chain('hook', 'check', 'notify');

    expect(ranIds((await run(builder, { ok: true })).steps)).toEqual(['hook', 'check', 'notify']);
    expect((await run(builder, { ok: false })).status).toBe('filtered');
  });

  it('runs a merge node when at least one incoming edge is active', async () => {
    const builder = filtered()
      .node('reject', 'test-set', { value: 'rejected' })
      .node('merge', 'test-set', { value: '{{nodes.notify.value}}{{nodes.reject.value}}' })
      .edge('check', 'reject', 'false')
      .edge('notify', 'merge')
      .edge('reject', 'merge');

    const result = await run(builder, { ok: false });
    expect(ranIds(result.steps)).toEqual(['hook', 'check', 'reject', 'merge']);
    expect(result.steps[3].output).toEqual({ value: 'rejected', count: 0 });
  });

  it('treats a disabled node as passing nothing on', async () => {
    const builder = flow()
      .node('hook', 'test-trigger')
      .node('off', 'test-set', { value: 1 }, { disabled: true })
      .node('after', 'test-set', { value: 2 })
      .chain('hook', 'off', 'after');

    const result = await run(builder);
    expect(result.status).toBe('filtered');
    expect(result.steps.map((s) => [s.nodeId, s.status])).toEqual([
      ['hook', 'success'],
      ['off', 'skipped'],
    ]);
  });

  it('never runs nodes the trigger cannot reach', async () => {
    const builder = flow().node('hook', 'test-trigger').node('a', 'test-set').node('island', 'test-set').chain('hook', 'a');
    const result = await run(builder);
    expect(result.status).toBe('success');
    expect(ranIds(result.steps)).toEqual(['hook', 'a']);
  });

  it('walks a 500-node chain without overflowing the stack, and the compiled flow is reusable', async () => {
    const builder = flow().node('n0', 'test-trigger');
    const ids = ['n0'];
    for (let i = 1; i < 500; i++) {
      builder.node(`n${i}`, 'test-set', { value: i === 1 ? 1 : `{{nodes.n${i - 1}.value}}` });
      ids.push(`n${i}`);
    }
    const compiled = compile(builder.chain(...ids));

    for (let round = 0; round < 3; round++) {
      const result = await run(compiled);
      expect(result.status).toBe('success');
      expect(result.steps).toHaveLength(500);
      expect(result.steps[499].output).toEqual({ value: 1, count: 0 });
    }
  });
});

describe('runFlow: params', () => {
  it('renders templates against the trigger, earlier nodes and the flow, keeping types of bare paths', async () => {
    const builder = flow()
      .node('hook', 'test-trigger')
      .node('a', 'test-set', { value: { x: '{{trigger.body.n}}', list: '{{trigger.body.list}}' } })
      .node('b', 'test-set', {
        value: { typed: '{{nodes.a.value.x}}', text: 'n={{nodes.a.value.x}} in {{flow.name}}', items: '{{nodes.a.value.list}}' },
        count: '{{nodes.a.value.x}}',
      })
      .chain('hook', 'a', 'b');

    const result = await run(builder, { n: 7, list: [1, 2] });

    expect(result.steps[2].input).toEqual({
      value: { typed: 7, text: 'n=7 in orders', items: [1, 2] },
      count: 7,
    });
    expect(result.steps[2].output).toEqual({ value: { typed: 7, text: 'n=7 in orders', items: [1, 2] }, count: 7 });
  });

  it('fails the step as a config error naming the param when the rendered value has the wrong type', async () => {
    const builder = flow().node('hook', 'test-trigger').node('a', 'test-set', { count: '{{trigger.body.count}}' }).chain('hook', 'a');

    const result = await run(builder, { count: 'abc' });

    expect(result.status).toBe('error');
    expect(result.error).toEqual({ nodeId: 'a', kind: 'config', retryable: false, param: 'count', message: 'param "count": expected number, got "abc"' });
    expect(result.steps[1]).toMatchObject({ status: 'error', attempts: 0, input: { count: 'abc' } });
  });

  it('fails the step as a template error when rendering throws', async () => {
    const builder = flow()
      .node('hook', 'test-trigger')
      .node('a', 'test-set', { value: { deep: '{{#each trigger.body.items}}{{this}}{{/each}}' } })
      .chain('hook', 'a');
    const compiled = compile(builder);
    const throwing = { ...compiled.nodes[1], params: [{ key: 'value', render: () => compileFailure() }] };

    const result = await run({ ...compiled, nodes: [compiled.nodes[0], throwing] });

    expect(result.error).toMatchObject({ nodeId: 'a', kind: 'template', param: 'value', message: 'param "value.deep": boom' });
  });

  it('rejects a flow whose params are wrong before any run', () => {
    const builder = flow().node('hook', 'test-trigger').node('a', 'test-set', { count: 'abc' }).chain('hook', 'a');
    const compiled = compileFlow({ flow: builder.build(), registry: testRegistry() });
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.errors).toContainEqual(expect.objectContaining({ nodeId: 'a', param: 'count' }));
  });
});

function compileFailure(): never {
  throw new TemplateError('boom', { path: 'deep' });
}

describe('runFlow: errors', () => {
  const failing = (params: Record<string, unknown>) =>
    flow()
      .node('hook', 'test-trigger')
      .node('boom', 'test-fail', params, { name: 'Call the API' })
      .node('after', 'test-set')
      .chain('hook', 'boom', 'after');

  it('stops at the first error and names the node', async () => {
    const steps: StepRecord[] = [];
    const result = await run(failing({ kind: 'config', message: 'channel is not a channel' }), {}, { onStep: (s) => steps.push(s) });

    expect(result.status).toBe('error');
    expect(result.error).toEqual({ nodeId: 'boom', kind: 'config', retryable: false, param: 'message', message: 'channel is not a channel' });
    expect(ranIds(result.steps)).toEqual(['hook', 'boom']);
    expect(result.steps[1]).toMatchObject({ nodeType: 'test-fail', name: 'Call the API', status: 'error', attempts: 1 });
    expect(steps).toEqual(result.steps);
  });

  it('records runtime errors with their attempts, retryability and details', async () => {
    const result = await run(failing({ kind: 'runtime', attempts: 3, message: 'upstream said 503' }));

    expect(result.error).toEqual({ nodeId: 'boom', kind: 'runtime', retryable: true, message: 'upstream said 503', details: { status: 503 } });
    expect(result.steps[1].attempts).toBe(3);
  });

  it('reports an unexpected throw as a non-retryable runtime error', async () => {
    const result = await run(failing({ kind: 'bug', message: 'x is undefined' }));
    expect(result.error).toEqual({ nodeId: 'boom', kind: 'runtime', retryable: false, message: 'TypeError: x is undefined' });
  });

  it('records attempts a node reports on success', async () => {
    const compiled = compile(flow().node('hook', 'test-trigger').node('a', 'test-set').chain('hook', 'a'));
    const retrying = { ...compiled.nodes[1], nodeType: { ...compiled.nodes[1].nodeType, run: async () => ({ output: 'ok', attempts: 2 }) } };

    const result = await run({ ...compiled, nodes: [compiled.nodes[0], retrying] });

    expect(result.steps[1]).toMatchObject({ status: 'success', output: 'ok', attempts: 2, handle: 'out' });
  });

  it('fails a node that emits an output it does not declare', async () => {
    const compiled = compile(flow().node('hook', 'test-trigger').node('a', 'test-set').chain('hook', 'a'));
    const lying = { ...compiled.nodes[1], nodeType: { ...compiled.nodes[1].nodeType, run: async () => ({ output: 1, handle: 'maybe' }) } };

    const result = await run({ ...compiled, nodes: [compiled.nodes[0], lying] });

    expect(result.error).toMatchObject({ nodeId: 'a', kind: 'runtime', message: 'node emitted unknown output "maybe" (outputs: out)' });
  });
});

describe('runFlow: cancellation and services', () => {
  const waiting = () => flow().node('hook', 'test-trigger').node('wait', 'test-wait', { ms: 5_000 }).node('after', 'test-set').chain('hook', 'wait', 'after');

  it('stops with "execution cancelled" when the signal aborts mid-node', async () => {
    const controller = new AbortController();
    const pending = run(waiting(), {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);

    const result = await pending;

    expect(result.status).toBe('error');
    expect(result.error).toEqual({ nodeId: 'wait', kind: 'runtime', retryable: false, message: 'execution cancelled' });
    expect(ranIds(result.steps)).toEqual(['hook', 'wait']);
  });

  it('runs nothing when the signal is already aborted', async () => {
    const result = await run(waiting(), {}, { signal: AbortSignal.abort() });
    expect(result.error).toMatchObject({ nodeId: 'hook', message: 'execution cancelled' });
    expect(result.steps).toHaveLength(1);
  });

  it('stops even when a node ignores its signal', async () => {
    const compiled = compile(waiting());
    const deaf = { ...compiled.nodes[1], nodeType: { ...compiled.nodes[1].nodeType, run: () => new Promise<never>(() => undefined) } };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);

    const result = await run({ ...compiled, nodes: [compiled.nodes[0], deaf, compiled.nodes[2]] }, {}, { signal: controller.signal });

    expect(result.error).toMatchObject({ nodeId: 'wait', message: 'execution cancelled' });
  });

  it('uses the injected clock and hands services to nodes', async () => {
    const compiled = compile(flow().node('hook', 'test-trigger').node('a', 'test-set').chain('hook', 'a'));
    const seen: unknown[] = [];
    const spy = {
      ...compiled.nodes[1],
      nodeType: {
        ...compiled.nodes[1].nodeType,
        run: async (ctx: Parameters<(typeof compiled.nodes)[1]['nodeType']['run']>[0]) => {
          seen.push(ctx.nodeId, ctx.flow, ctx.settings.REGION, ctx.now().toISOString(), Object.keys(ctx.data.nodes));
          return { output: null };
        },
      },
    };
    const now = () => new Date('2025-03-01T12:00:00Z');

    const result = await run({ ...compiled, nodes: [compiled.nodes[0], spy] }, {}, { services: { now, settings: { REGION: 'eu' } } });

    expect(result.startedAt).toBe('2025-03-01T12:00:00.000Z');
    expect(result.steps.every((s) => s.startedAt === '2025-03-01T12:00:00.000Z')).toBe(true);
    expect(seen).toEqual(['a', { id: 'f1', name: 'orders' }, 'eu', '2025-03-01T12:00:00.000Z', ['hook']]);
  });

  it('gives each node the HTTP client the host picks for its type, else the shared one', async () => {
    const compiled = compile(flow().node('hook', 'test-trigger').node('a', 'test-set').chain('hook', 'a'));
    const clients: unknown[] = [];
    const spy = { ...compiled.nodes[1], nodeType: { ...compiled.nodes[1].nodeType, run: async (ctx: { http: unknown }) => (clients.push(ctx.http), { output: null }) } };
    const shared = { request: async () => ({ status: 200, headers: {}, body: '', attempts: 1 }) };
    const forSet = { request: shared.request };
    const asked: string[] = [];
    const httpFor = (type: string) => (asked.push(type), type === 'test-set' ? forSet : shared);

    await run({ ...compiled, nodes: [compiled.nodes[0], spy] }, {}, { services: { http: shared, httpFor } });
    await run({ ...compiled, nodes: [compiled.nodes[0], spy] }, {}, { services: { http: shared } });

    expect(asked).toEqual(['test-trigger', 'test-set']);
    expect(clients[0]).toBe(forSet);
    expect(clients[1]).toBe(shared);
  });
});
