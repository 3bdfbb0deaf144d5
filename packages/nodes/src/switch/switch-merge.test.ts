// Switch and merge in real flows on the built-in registry: the event goes down the outputs of the
// rules it matches (or "fallback"), and a merge runs once after the branches, with what they output.
import { describe, expect, it } from 'vitest';
import { compileFlow, runFlow, testTriggerOutput } from '@hookflow/engine';
import type { FlowDocumentInput } from '@hookflow/flow-model';
import { createBuiltInRegistry } from '../registry';

const registry = createBuiltInRegistry();

function byType(mode: 'first' | 'all', mergeMode: 'object' | 'append' = 'object'): FlowDocumentInput {
  return {
    name: 'route by type',
    nodes: [
      { id: 'hook', type: 'webhook', params: { method: 'POST' } },
      {
        id: 'route',
        type: 'switch',
        params: {
          mode,
          rules: [
            { output: 'paid', conditions: [{ left: '{{trigger.body.type}}', op: 'eq', right: 'order.paid' }] },
            { output: 'big', conditions: [{ left: '{{trigger.body.total}}', op: 'gt', right: 100 }] },
          ],
        },
      },
      { id: 'invoice', type: 'transform', params: { fields: { invoice: 'for {{trigger.body.id}}' } } },
      { id: 'vip', type: 'transform', params: { fields: { vip: true } } },
      { id: 'other', type: 'transform', params: { fields: { ignored: '{{trigger.body.type}}' } } },
      { id: 'join', type: 'merge', params: { mode: mergeMode } },
      { id: 'done', type: 'transform', params: { fields: { seen: '{{json nodes.join}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'hook', target: 'route' },
      { id: 'e2', source: 'route', target: 'invoice', sourceHandle: 'paid' },
      { id: 'e3', source: 'route', target: 'vip', sourceHandle: 'big' },
      { id: 'e4', source: 'route', target: 'other', sourceHandle: 'fallback' },
      { id: 'e5', source: 'invoice', target: 'join' },
      { id: 'e6', source: 'vip', target: 'join' },
      { id: 'e7', source: 'join', target: 'done' },
    ],
  };
}

async function run(document: FlowDocumentInput, body: unknown) {
  const compiled = compileFlow({ flow: document, registry });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return runFlow({ compiled: compiled.value, flow: { id: 'f1', name: 'route by type' }, trigger: testTriggerOutput({ body }) });
}

const ran = (result: Awaited<ReturnType<typeof run>>) => result.steps.map((step) => step.nodeId);

describe('switch', () => {
  it('mode "first" sends the event down the first matching rule only', async () => {
    const result = await run(byType('first'), { type: 'order.paid', id: 'A-1', total: 500 });
    expect(ran(result)).toEqual(['hook', 'route', 'invoice', 'join', 'done']);
    expect(result.steps[1]).toMatchObject({ handle: 'paid', output: { matched: ['paid'] } });
    expect(result.steps[1]).not.toHaveProperty('handles');
    expect(result.status).toBe('success');
  });

  it('mode "all" sends it down every matching rule, and the merge runs once with both', async () => {
    const result = await run(byType('all'), { type: 'order.paid', id: 'A-1', total: 500 });
    expect(ran(result)).toEqual(['hook', 'route', 'invoice', 'vip', 'join', 'done']);
    expect(result.steps[1]).toMatchObject({ handle: 'paid', handles: ['paid', 'big'], output: { matched: ['paid', 'big'] } });
    expect(result.steps.find((step) => step.nodeId === 'join')?.output).toEqual({ invoice: { invoice: 'for A-1' }, vip: { vip: true } });
  });

  it('goes to "fallback" when no rule matches; a merge no branch reached does not run', async () => {
    const result = await run(byType('all'), { type: 'order.cancelled', id: 'A-2', total: 5 });
    expect(ran(result)).toEqual(['hook', 'route', 'other']);
    expect(result.steps[1]).toMatchObject({ handle: 'fallback', output: { matched: ['fallback'] } });
    expect(result.status).toBe('success');
  });

  it('the merge keeps only the branches that ran, and "append" makes one list', async () => {
    const one = await run(byType('first'), { type: 'x', id: 'A-3', total: 900 });
    expect(one.steps.find((step) => step.nodeId === 'join')?.output).toEqual({ vip: { vip: true } });
    const appended = await run(byType('all', 'append'), { type: 'order.paid', id: 'A-4', total: 900 });
    expect(appended.steps.find((step) => step.nodeId === 'join')?.output).toEqual([{ invoice: 'for A-4' }, { vip: true }]);
  });

  it('refuses rules that share a name or take "fallback", and edges from outputs it does not have', () => {
    const document = byType('first');
    const route = document.nodes[1];
    route.params = { rules: [{ output: 'paid', conditions: [{ left: 'a', op: 'eq', right: 'a' }] }, { output: 'paid', conditions: [{ left: 'a', op: 'eq', right: 'a' }] }, { output: 'fallback', conditions: [{ left: 'a', op: 'eq', right: 'a' }] }] };
    const compiled = compileFlow({ flow: document, registry });
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    const messages = compiled.errors.map((error) => error.message).join('\n');
    expect(messages).toMatch(/rule 1 already uses the name "paid"/);
    expect(messages).toMatch(/"fallback" is taken by the switch itself/);
    expect(messages).toMatch(/has no output "big"; its outputs are "paid", "fallback"/);
  });
});

describe('merge validation', () => {
  it('refuses a merge with one path into it, and one the trigger never reaches', () => {
    const single = byType('first');
    single.edges = (single.edges ?? []).filter((edge) => edge.id !== 'e6');
    const compiledSingle = compileFlow({ flow: single, registry });
    expect(compiledSingle.ok).toBe(false);
    if (!compiledSingle.ok) expect(compiledSingle.errors.map((error) => error.message).join("\n")).toContain('Node "join" (merge): it joins branches, but only one path leads into it; connect two or more paths to it');

    const orphan = byType('first');
    orphan.nodes.push({ id: 'lonelyA', type: 'transform', params: { fields: { a: 1 } } }, { id: 'lonelyB', type: 'transform', params: { fields: { b: 1 } } }, { id: 'join2', type: 'merge', params: {} });
    orphan.edges = [...(orphan.edges ?? []), { id: 'o1', source: 'lonelyA', target: 'join2' }, { id: 'o2', source: 'lonelyB', target: 'join2' }];
    const compiledOrphan = compileFlow({ flow: orphan, registry });
    expect(compiledOrphan.ok).toBe(false);
    if (!compiledOrphan.ok) expect(compiledOrphan.errors.map((error) => error.message).join("\n")).toContain('Node "join2" (merge): it can never run: no path from the trigger leads to it');
  });
});
