// Deleting a node that another node's templates read: the editor says so on the reader, at the
// param, as soon as the node is gone (the same rule the server applies on save and activation).
import { describe, expect, it } from 'vitest';
import { makeStore } from '../../test-support/render-helpers';

describe('editor store: templates that read a deleted node', () => {
  it('flags the filter that reads {{nodes.shape.total}} once "shape" is deleted, and clears on undo', () => {
    const store = makeStore();
    expect(store.getState().issues.byNode.big).toBeUndefined();
    store.getState().selectNode('shape');
    store.getState().deleteSelection();
    store.getState().connect({ source: 'hook', target: 'big', sourceHandle: null, targetHandle: null });
    const issues = store.getState().issues.byNode.big ?? [];
    expect(issues).toEqual([expect.objectContaining({ path: 'nodes.1.params.conditions.0.left', param: 'conditions' })]);
    expect(issues[0].message).toMatch(/uses \{\{nodes\.shape\.total\}\}, but there is no node "shape" before this one/);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().issues.byNode.big).toBeUndefined();
  });
});
