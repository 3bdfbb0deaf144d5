// Renaming a switch rule renames its output: the edges that left the old name follow it instead of
// being flagged as leaving an output the switch no longer has.
import type { NodeTypeInfo } from '@hookflow/flow-model';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../catalog/node-type-catalog';
import { nodeTypesFixture } from '../../test-support/node-types.fixture';
import { createEditorStore } from './editor-store';

const switchType: NodeTypeInfo = {
  type: 'switch',
  version: 1,
  label: 'Switch',
  description: 'Routes by rules.',
  category: 'Flow',
  icon: 'switch',
  trigger: false,
  handles: { inputs: ['main'], outputs: ['fallback'], namedOutputs: { param: 'rules', key: 'output' } },
  paramsSchema: { type: 'object', properties: { rules: { type: 'array', items: { type: 'object', properties: { output: { type: 'string' } } } } } },
};

const rule = (output: string) => ({ output, conditions: [{ left: '{{trigger.body.type}}', op: 'eq', right: output }] });

function store() {
  return createEditorStore({
    flowId: 'flow-1',
    catalog: buildCatalog([...nodeTypesFixture, switchType]),
    document: {
      name: 'route',
      nodes: [
        { id: 'hook', type: 'webhook', typeVersion: 1, position: { x: 0, y: 0 }, params: { method: 'POST' } },
        { id: 'route', type: 'switch', typeVersion: 1, position: { x: 200, y: 0 }, params: { rules: [rule('paid'), rule('big')] } },
        { id: 'a', type: 'transform', typeVersion: 1, position: { x: 400, y: 0 }, params: { fields: { a: '1' } } },
        { id: 'b', type: 'transform', typeVersion: 1, position: { x: 400, y: 200 }, params: { fields: { b: '1' } } },
      ],
      edges: [
        { id: 'e1', source: 'hook', target: 'route', sourceHandle: null },
        { id: 'e2', source: 'route', target: 'a', sourceHandle: 'paid' },
        { id: 'e3', source: 'route', target: 'b', sourceHandle: 'big' },
      ],
    },
  });
}

describe('renaming a switch rule', () => {
  it('moves the edges of that rule’s output to the new name, as it is typed, and leaves the others', () => {
    const editor = store();
    for (const name of ['paid-', 'paid-e', 'paid-eu']) editor.getState().updateNode({ id: 'route', patch: { params: { rules: [rule(name), rule('big')] } }, field: 'params' });
    expect(editor.getState().edges.map((edge) => [edge.id, edge.sourceHandle, edge.label])).toEqual([
      ['e1', null, undefined],
      ['e2', 'paid-eu', 'paid-eu'],
      ['e3', 'big', 'big'],
    ]);
    expect(editor.getState().issues.byNode.route ?? []).toEqual([]);
  });

  it('moves nothing when a rule is removed: the edge of the removed output is flagged', () => {
    const editor = store();
    editor.getState().updateNode({ id: 'route', patch: { params: { rules: [rule('big')] } }, field: 'params' });
    expect(editor.getState().edges.map((edge) => edge.sourceHandle)).toEqual([null, 'paid', 'big']);
  });
});
