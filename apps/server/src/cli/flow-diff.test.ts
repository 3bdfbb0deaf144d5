import { describe, expect, it } from 'vitest';
import { parseFlowDocument, type FlowDocument } from '@hookflow/flow-model';
import { flowChanges } from './flow-diff';

function flow(changes: Record<string, unknown> = {}): FlowDocument {
  const parsed = parseFlowDocument({
    key: 'orders',
    name: 'Orders',
    nodes: [
      { id: 'hook', type: 'webhook', params: { method: 'POST', path: 'orders', auth: { type: 'bearer', token: '[redacted]' } } },
      { id: 'shape', type: 'transform', params: { fields: { a: '1', b: '2' } } },
    ],
    edges: [{ id: 'e1', source: 'hook', target: 'shape', sourceHandle: null }],
    ...changes,
  });
  if (!parsed.ok) throw new Error('bad test flow');
  return parsed.value;
}

describe('flowChanges', () => {
  it('finds nothing between a flow and itself, however "nothing" is written', () => {
    const server = flow();
    const file = flow({ edges: [{ id: 'e1', source: 'hook', target: 'shape' }], settings: {} });
    expect(flowChanges(server, file)).toEqual([]);
  });

  it('names changed, added and removed parts by node id', () => {
    const file = flow({
      name: 'Orders v2',
      nodes: [
        { id: 'hook', type: 'webhook', params: { method: 'POST', path: 'orders', auth: { type: 'bearer', token: '[redacted]' } } },
        { id: 'shape', type: 'transform', params: { fields: { a: '1', b: '3' } } },
        { id: 'more', type: 'transform', params: {} },
      ],
      edges: [],
    });
    expect(flowChanges(flow(), file)).toEqual(['name', 'nodes.shape.params.fields.b', 'nodes.more (added)', 'edges.e1 (removed)']);
  });

  it('counts a secret the server hides as unchanged, and a new order of fields as a change', () => {
    const hidden = flow({ nodes: [{ id: 'hook', type: 'webhook', params: { method: 'POST', path: 'orders', auth: { type: 'bearer', token: 'the-real-one' } } }, { id: 'shape', type: 'transform', params: { fields: { a: '1', b: '2' } } }] });
    expect(flowChanges(flow(), hidden)).toEqual([]);
    const reordered = flow({ nodes: [flow().nodes[0], { id: 'shape', type: 'transform', params: { fields: { b: '2', a: '1' } } }] });
    expect(flowChanges(flow(), reordered)).toEqual(['nodes.shape.params.fields (order)']);
  });
});
