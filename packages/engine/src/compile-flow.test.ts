import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileFlow } from './compile-flow';
import type { NodeType } from './node-type';
import { flow } from './test-support/flow-builder';
import { testRegistry } from './test-support/test-node-types';

describe('compileFlow', () => {
  it('lays out the graph: trigger first, topological order, targets by output handle', () => {
    const document = flow()
      .node('notify', 'test-set', { value: 'yes' })
      .node('check', 'test-filter', { pass: '{{trigger.body.ok}}' })
      .node('reject', 'test-set', { value: 'no' })
      .node('hook', 'test-trigger')
      .edge('hook', 'check')
      .edge('check', 'notify', 'true')
      .edge('check', 'reject', 'false')
      .build();

    const compiled = compileFlow({ flow: document, registry: testRegistry() });

    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const ids = compiled.value.nodes.map((n) => n.id);
    expect(ids[0]).toBe('hook');
    expect(ids[1]).toBe('check');
    const check = compiled.value.nodes[1];
    expect([...check.next.keys()].sort()).toEqual(['false', 'true']);
    expect(check.next.get('true')?.map((i) => ids[i])).toEqual(['notify']);
    expect(check.next.get('false')?.map((i) => ids[i])).toEqual(['reject']);
    expect(compiled.value.nodes[0].next.get('out')?.map((i) => ids[i])).toEqual(['check']);
    expect(compiled.value.nodes.map((n) => [n.id, n.isEnd])).toContainEqual(['notify', true]);
    expect(check.isEnd).toBe(false);
    expect(compiled.value.document.name).toBe('test flow');
  });

  it('precompiles params once and renders them on demand, leaving raw params alone', () => {
    const schema = z.object({ text: z.string(), code: z.string() });
    const scripted: NodeType<z.output<typeof schema>> = {
      type: 'scripted',
      version: 1,
      label: 'Scripted',
      description: 'Renders `code` itself.',
      category: 'Data',
      icon: 'code',
      params: schema,
      rawParams: ['code'],
      handles: { inputs: ['in'], outputs: ['out'] },
      async run() {
        return { output: null };
      },
    };
    const document = flow()
      .node('hook', 'test-trigger')
      .node('s', 'scripted', { text: 'hi {{trigger.body.name}}', code: 'later {{item.x}}' })
      .chain('hook', 's')
      .build();

    const compiled = compileFlow({ flow: document, registry: testRegistry().register(scripted) });

    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const context = { trigger: { body: { name: 'Ada' } }, nodes: {}, flow: { id: 'f', name: 'n' } };
    const rendered = Object.fromEntries(compiled.value.nodes[1].params.map((p) => [p.key, p.render(context)]));
    expect(rendered).toEqual({ text: 'hi Ada', code: 'later {{item.x}}' });
  });

  it('returns validation issues for an invalid document', () => {
    const result = compileFlow({ flow: { name: '', nodes: 'nope' }, registry: testRegistry() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('reports unknown node types and template syntax errors with the node and param', () => {
    const unknown = compileFlow({ flow: flow().node('hook', 'test-trigger').node('x', 'nope').chain('hook', 'x').build(), registry: testRegistry() });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors).toContainEqual(expect.objectContaining({ nodeId: 'x' }));

    const broken = compileFlow({
      flow: flow().node('hook', 'test-trigger').node('a', 'test-set', { value: { deep: 'hi {{trigger.body' } }).chain('hook', 'a').build(),
      registry: testRegistry(),
    });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors).toContainEqual(expect.objectContaining({ nodeId: 'a', param: 'value', path: expect.stringMatching(/params\.value/) }));
  });
});

describe('credentials in params', () => {
  it('refuses a credential id computed by a template, wherever it sits, and takes a picked one', () => {
    const templated = flow()
      .node('hook', 'test-trigger')
      .node('send', 'test-set', { value: 'x', auth: { type: 'bearer', credentialId: '{{trigger.body.c}}' }, credentialId: '{{nodes.hook.id}}' })
      .edge('hook', 'send')
      .build();
    const compiled = compileFlow({ flow: templated, registry: testRegistry() });
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    const refusals = compiled.errors.filter((error) => error.message.includes('a credential cannot come from a template'));
    expect(refusals.map((error) => error.path).sort()).toEqual(['nodes.1.params.auth.credentialId', 'nodes.1.params.credentialId']);

    const picked = flow().node('hook', 'test-trigger').node('send', 'test-set', { value: 'x', auth: { credentialId: 'cred-1' } }).edge('hook', 'send').build();
    const fine = compileFlow({ flow: picked, registry: testRegistry() });
    expect(fine.ok ? [] : fine.errors.filter((error) => error.message.includes('credential'))).toEqual([]);
  });
});
