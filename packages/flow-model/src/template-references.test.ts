import { describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from './flow-document';
import type { NodeCatalog, NodeTypeDescriptor } from './node-catalog';
import { nodeReferencesOf } from './template-references';
import { validateFlow } from './validate-flow';

const types: NodeTypeDescriptor[] = [
  { type: 'webhook', version: 1, trigger: true, outputs: ['main'], checkParams: () => [] },
  { type: 'transform', version: 1, trigger: false, outputs: ['main'], checkParams: () => [] },
  { type: 'http', version: 1, trigger: false, outputs: ['main'], checkParams: () => [] },
];

const catalog: NodeCatalog = {
  find: (type, version) => types.find((t) => t.type === type && t.version === version),
  versions: (type) => types.filter((t) => t.type === type).map((t) => t.version),
};

/** hook → shape → notify, with notify's url and body given. */
function orders(notify: Record<string, unknown>, extra: Partial<FlowDocumentInput> = {}): FlowDocumentInput {
  return {
    name: 'Orders',
    nodes: [
      { id: 'hook', type: 'webhook' },
      { id: 'shape', type: 'transform', params: { fields: { total: '{{trigger.body.total}}' } } },
      { id: 'notify', type: 'http', name: 'Notify', params: notify },
      ...(extra.nodes ?? []),
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'shape' }, { id: 'e2', source: 'shape', target: 'notify' }, ...(extra.edges ?? [])],
  };
}

describe('nodeReferencesOf', () => {
  it('finds the nodes a template reads, however it reads them', () => {
    const ids = (source: string) => nodeReferencesOf(source).map((reference) => reference.nodeId);
    expect(ids('{{nodes.shape.total}}')).toEqual(['shape']);
    expect(ids('Total: {{nodes.shape.total}} for {{upper nodes.hook.body.name}}')).toEqual(['shape', 'hook']);
    expect(ids('{{#if nodes.check}}{{nodes.shape.total}}{{/if}}')).toEqual(expect.arrayContaining(['check', 'shape']));
    expect(ids('{{#each trigger.body.items}}{{../nodes.shape.total}} {{@root.nodes.hook.x}}{{/each}}')).toEqual(expect.arrayContaining(['shape', 'hook']));
    expect(ids('{{nodes.[my node].items.0}}')).toEqual(['my node']);
  });

  it('ignores what is not the flow’s nodes: item fields inside #each, trigger paths, plain text, broken templates', () => {
    expect(nodeReferencesOf('{{#each trigger.body.items}}{{nodes.qty}}{{/each}}')).toEqual([]);
    expect(nodeReferencesOf('{{trigger.body.nodes.x}} nodes.shape.total')).toEqual([]);
    expect(nodeReferencesOf('{{nodes.shape.total')).toEqual([]);
  });

  it('says how the reference was written', () => {
    expect(nodeReferencesOf('{{nodes.shape.total}}')).toEqual([{ nodeId: 'shape', written: 'nodes.shape.total' }]);
  });
});

describe('validateFlow: templates that read other nodes', () => {
  it('flags a reference to a node that no longer exists, on the node and param that hold it', () => {
    const result = validateFlow(orders({ url: 'https://x.test/{{nodes.gone.id}}' }), catalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        path: 'nodes.2.params.url',
        nodeId: 'notify',
        param: 'url',
        message: expect.stringContaining('uses {{nodes.gone.id}}, but there is no node "gone" before this one'),
      },
    ]);
    expect(result.errors[0].message).toMatch(/^Node "notify" \(Notify\)/);
    expect(result.errors[0].message).toMatch(/deleted or renamed/);
  });

  it('flags a node that exists but does not lead to the template’s node', () => {
    const flow = orders(
      { url: 'https://x.test', body: { fields: { side: '{{nodes.side.value}}' } } },
      { nodes: [{ id: 'side', type: 'transform', params: { fields: { value: '1' } } }], edges: [{ id: 'e3', source: 'hook', target: 'side' }] },
    );
    const result = validateFlow(flow, catalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: 'nodes.2.params.body.fields.side', nodeId: 'notify', param: 'body' });
    expect(result.errors[0].message).toMatch(/there is no node "side" before this one \("side" is in the flow but does not lead to this node/);
  });

  it('accepts references to ancestors, missing fields of ancestors included, and trigger paths', () => {
    const flow = orders({ url: 'https://x.test/{{nodes.shape.total}}/{{nodes.hook.body.maybe}}/{{trigger.body.maybe}}' });
    expect(validateFlow(flow, catalog)).toMatchObject({ ok: true });
  });

  it('can leave references unchecked (for the engine, which fails the step instead)', () => {
    expect(validateFlow(orders({ url: '{{nodes.gone.id}}' }), catalog, { references: false })).toMatchObject({ ok: true });
  });
});
