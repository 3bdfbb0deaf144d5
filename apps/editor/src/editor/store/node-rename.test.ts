// Renaming a node's id: the templates that read it and the edges that touch it follow, through
// flow-model's template parser; what cannot follow refuses the rename and is listed.
import type { NodeTypeInfo } from '@hookflow/flow-model';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../catalog/node-type-catalog';
import { nodeTypesFixture } from '../../test-support/node-types.fixture';
import { makeStore } from '../../test-support/render-helpers';
import { createEditorStore } from './editor-store';

const flowType = (type: string, extra: Partial<NodeTypeInfo>): NodeTypeInfo => ({
  type,
  version: 1,
  label: type,
  description: type,
  category: 'Data',
  icon: type,
  trigger: false,
  handles: { inputs: ['main'], outputs: ['main'] },
  paramsSchema: { type: 'object', properties: {} },
  ...extra,
});
const catalog = buildCatalog([...nodeTypesFixture, flowType('code', { rawParams: ['code'] }), flowType('merge', { joins: true })]);

const conditionsOf = (store: ReturnType<typeof makeStore>, id: string) => store.getState().nodes.find((node) => node.id === id)?.data.params.conditions;

describe('editor store: renaming a node', () => {
  it('rewrites {{nodes.shape…}} in the filter, moves the edges, keeps the flow valid, and undoes as one step', () => {
    const store = makeStore();
    store.getState().setRun({ status: 'success', steps: [{ nodeId: 'shape', nodeType: 'transform', status: 'success', output: { total: 120 }, startedAt: '', durationMs: 1, attempts: 1 }] });
    expect(store.getState().renameNode({ from: 'shape', to: 'order' })).toEqual([]);
    const state = store.getState();
    expect(state.nodes.map((node) => node.id)).toEqual(['hook', 'order', 'big']);
    expect(conditionsOf(store, 'big')).toEqual([{ left: '{{nodes.order.total}}', op: 'gt', right: 100 }]);
    expect(state.edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
      ['e1', 'hook', 'order'],
      ['e2', 'order', 'big'],
    ]);
    expect(state.issues.byNode.big).toBeUndefined();
    expect(state.run?.byNode.order?.status).toBe('success');
    store.getState().undo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['hook', 'shape', 'big']);
    expect(conditionsOf(store, 'big')).toEqual([{ left: '{{nodes.shape.total}}', op: 'gt', right: 100 }]);
  });

  it('gives edges the editor named after their ends a name after the new ends', () => {
    const store = makeStore();
    store.getState().connect({ source: 'hook', target: 'big', sourceHandle: null, targetHandle: null });
    store.getState().renameNode({ from: 'hook', to: 'orders' });
    expect(store.getState().edges.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e_orders_big']);
  });

  it('refuses a taken or malformed id and changes nothing', () => {
    const store = makeStore();
    expect(store.getState().renameNode({ from: 'shape', to: 'big' })).toEqual(['another node already has the id "big"']);
    expect(store.getState().renameNode({ from: 'shape', to: 'my shape' })).toEqual([expect.stringMatching(/letters, digits/)]);
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['hook', 'shape', 'big']);
    expect(store.getState().revision).toBe(0);
  });

  it('follows a merge’s key for the node, and refuses code that names it or a lookup known only at run time', () => {
    const store = createEditorStore({
      flowId: 'flow-1',
      catalog,
      document: {
        name: 'join',
        nodes: [
          { id: 'hook', type: 'webhook', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
          { id: 'shape', type: 'transform', typeVersion: 1, position: { x: 0, y: 0 }, params: { fields: { a: '1' } } },
          { id: 'join', type: 'merge', typeVersion: 1, position: { x: 0, y: 0 }, params: {} },
          { id: 'out', type: 'transform', typeVersion: 1, position: { x: 0, y: 0 }, params: { fields: { a: '{{nodes.join.shape.a}}', b: '{{lookup nodes trigger.body.step}}' } } },
          { id: 'js', type: 'code', typeVersion: 1, position: { x: 0, y: 0 }, params: { code: 'return nodes.shape.a;' } },
        ],
        edges: [
          { id: 'e1', source: 'hook', target: 'shape' },
          { id: 'e2', source: 'shape', target: 'join' },
          { id: 'e3', source: 'join', target: 'out' },
          { id: 'e4', source: 'out', target: 'js' },
        ],
      },
    });
    expect(store.getState().renameNode({ from: 'shape', to: 'order' })).toEqual([
      expect.stringMatching(/^"out" \(fields\.b\): "lookup nodes" reads a node by a name known only when it runs/),
      expect.stringMatching(/^"js" \(code\): its code mentions "shape"; code is not rewritten/),
    ]);
    store.getState().updateNode({ id: 'out', patch: { params: { fields: { a: '{{nodes.join.shape.a}}' } } } });
    store.getState().updateNode({ id: 'js', patch: { params: { code: 'return nodes.join;' } } });
    expect(store.getState().renameNode({ from: 'shape', to: 'order' })).toEqual([]);
    expect(store.getState().nodes.find((node) => node.id === 'out')?.data.params).toEqual({ fields: { a: '{{nodes.join.order.a}}' } });
  });
});
