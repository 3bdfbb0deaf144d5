import { describe, expect, it } from 'vitest';
import { makeStore } from '../../test-support/render-helpers';
import { toDocument } from './flow-mapping';

const ids = (store: ReturnType<typeof makeStore>) => store.getState().nodes.map((node) => node.id);

describe('editor store', () => {
  it('starts clean and validates with flow-model', () => {
    const store = makeStore();
    const state = store.getState();
    expect(state.revision).toBe(state.savedRevision);
    expect(state.issues.byNode).toEqual({});
  });

  it('undoes and redoes a deletion, with the edges that went with it', () => {
    const store = makeStore();
    store.getState().selectNode('shape');
    store.getState().deleteSelection();
    expect(ids(store)).toEqual(['hook', 'big']);
    expect(store.getState().edges).toEqual([]);
    store.getState().undo();
    expect(ids(store)).toEqual(['hook', 'shape', 'big']);
    expect(store.getState().edges.map((edge) => edge.id)).toEqual(['e1', 'e2']);
    store.getState().redo();
    expect(ids(store)).toEqual(['hook', 'big']);
  });

  it('marks the flow dirty on edits and clean once saved', () => {
    const store = makeStore();
    store.getState().updateNode({ id: 'shape', patch: { name: 'Shape it' } });
    const { revision, savedRevision } = store.getState();
    expect(revision).not.toBe(savedRevision);
    store.getState().markSaved(revision);
    expect(store.getState().savedRevision).toBe(revision);
  });

  it('makes one undo step of quick edits to one field', () => {
    const store = makeStore();
    for (const name of ['S', 'Sh', 'Sha']) store.getState().updateNode({ id: 'shape', patch: { name }, field: 'name' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().nodes[1].data.name).toBeUndefined();
  });

  it('copies and pastes the selection with fresh ids and its inner edges', () => {
    const store = makeStore();
    store.getState().onNodesChange([
      { type: 'select', id: 'shape', selected: true },
      { type: 'select', id: 'big', selected: true },
    ]);
    store.getState().copy();
    store.getState().paste();
    const state = store.getState();
    expect(ids(store)).toEqual(['hook', 'shape', 'big', 'shape_2', 'big_2']);
    expect(state.nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['shape_2', 'big_2']);
    expect(state.edges.map(({ source, target }) => `${source}->${target}`)).toContain('shape_2->big_2');
    expect(state.nodes[3].position).toEqual({ x: 300, y: 40 });
    expect(state.nodes[3].data.params).toEqual(state.nodes[1].data.params);
    store.getState().undo();
    expect(ids(store)).toEqual(['hook', 'shape', 'big']);
  });

  it('refuses a connection that would make a loop or lead into the trigger', () => {
    const store = makeStore();
    store.getState().connect({ source: 'big', target: 'hook', sourceHandle: 'true', targetHandle: null });
    expect(store.getState().notice).toMatch(/trigger/);
    store.getState().connect({ source: 'big', target: 'shape', sourceHandle: 'true', targetHandle: null });
    expect(store.getState().notice).toBe('Flows can\'t loop: "shape" already leads to "big".');
    expect(store.getState().edges).toHaveLength(2);
  });

  it('adds a node after the selected one and wires it, filter outputs by name', () => {
    const store = makeStore();
    store.getState().selectNode('big');
    const id = store.getState().addNode({ type: 'http' });
    expect(id).toBe('http');
    const edge = store.getState().edges.find((candidate) => candidate.target === 'http');
    expect(edge).toMatchObject({ source: 'big', sourceHandle: 'true' });
    expect(store.getState().nodes.find((node) => node.id === 'http')?.data.params).toMatchObject({ method: 'POST', failOnStatus: true });
  });

  it('pins validation problems on the node they name', () => {
    const store = makeStore();
    store.getState().selectNode('big');
    store.getState().addNode({ type: 'http' });
    const problems = store.getState().issues.byNode.http ?? [];
    expect(problems.map((issue) => issue.path)).toContain('nodes.3.params.url');
    store.getState().updateNode({ id: 'http', patch: { params: { url: 'https://example.com' } } });
    expect(store.getState().issues.byNode.http).toBeUndefined();
  });

  it('writes the same document format back', () => {
    const store = makeStore();
    const document = toDocument(store.getState());
    expect(document.edges[0]).toEqual({ id: 'e1', source: 'hook', target: 'shape', sourceHandle: null });
    expect(document.nodes[2]).toMatchObject({ id: 'big', type: 'filter', typeVersion: 1, params: { match: 'all' } });
  });

  it('shows a filter whose output leads nowhere as filtered', () => {
    const store = makeStore();
    const step = { nodeType: 'x', attempts: 1, startedAt: '2026-01-01T00:00:00Z', durationMs: 1 };
    store.getState().selectNode('big');
    store.getState().addNode({ type: 'http' });
    expect(store.getState().edges.at(-1)).toMatchObject({ source: 'big', target: 'http', sourceHandle: 'true' });
    store.getState().setRun({
      status: 'filtered',
      steps: [
        { ...step, nodeId: 'hook', status: 'success', handle: 'main' },
        { ...step, nodeId: 'big', status: 'success', handle: 'false' },
      ],
    });
    expect(store.getState().run?.byNode.big?.status).toBe('filtered');
    expect(store.getState().run?.byNode.hook?.status).toBe('success');
    store.getState().setRun({ status: 'success', steps: [{ ...step, nodeId: 'big', status: 'success', handle: 'true' }] });
    expect(store.getState().run?.byNode.big?.status).toBe('success');
  });
});
