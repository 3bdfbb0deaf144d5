import { describe, expect, it } from 'vitest';
import type { FlowEdge } from './flow-document';
import { GraphCycleError, edgeHandle, findCycle, incomingEdges, outgoingEdges, topologicalOrder, wouldCreateCycle } from './graph';

/** A tiny fluent builder: graph().chain('a', 'b', 'c').edge('c', 'a').build(). */
function graph() {
  const nodes: Array<{ id: string }> = [];
  const known = new Set<string>();
  const edges: FlowEdge[] = [];
  const addNode = (id: string): void => {
    if (known.has(id)) return;
    known.add(id);
    nodes.push({ id });
  };
  const builder = {
    node(...ids: string[]) {
      ids.forEach(addNode);
      return builder;
    },
    edge(source: string, target: string, sourceHandle: string | null = null) {
      addNode(source);
      addNode(target);
      edges.push({ id: `e${edges.length}`, source, target, sourceHandle });
      return builder;
    },
    chain(...ids: string[]) {
      ids.forEach(addNode);
      for (let i = 1; i < ids.length; i++) builder.edge(ids[i - 1], ids[i]);
      return builder;
    },
    build: () => ({ nodes, edges }),
  };
  return builder;
}

describe('findCycle', () => {
  it('answers null for a graph without loops', () => {
    const { nodes, edges } = graph().chain('hook', 'a', 'b').edge('hook', 'b').build();
    expect(findCycle(nodes, edges)).toBeNull();
  });

  it('names the nodes on a loop, in edge order', () => {
    const { nodes, edges } = graph().chain('hook', 'a', 'b', 'c').edge('c', 'a').build();
    expect(findCycle(nodes, edges)).toEqual(['a', 'b', 'c']);
  });

  it('finds a self-loop', () => {
    const { nodes, edges } = graph().node('hook').edge('x', 'x').build();
    expect(findCycle(nodes, edges)).toEqual(['x']);
  });

  it('ignores edges to unknown nodes', () => {
    expect(findCycle([{ id: 'a' }], [{ source: 'a', target: 'ghost' }, { source: 'ghost', target: 'a' }])).toBeNull();
  });

  it('handles a 1000-node chain without overflowing the stack', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    const { nodes, edges } = graph().chain(...ids).build();
    expect(findCycle(nodes, edges)).toBeNull();
    expect(findCycle(nodes, [...edges, { id: 'back', source: 'n999', target: 'n0' }])).toHaveLength(1000);
  });

  it('handles a 100k-node chain', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const { nodes, edges } = graph().chain(...ids).build();
    expect(findCycle(nodes, edges)).toBeNull();
    expect(topologicalOrder(nodes, edges)).toHaveLength(100_000);
  });
});

describe('wouldCreateCycle', () => {
  const { edges } = graph().chain('hook', 'a', 'b', 'c').build();
  it('is true when the target already reaches the source', () => {
    expect(wouldCreateCycle(edges, { source: 'c', target: 'a' })).toBe(true);
    expect(wouldCreateCycle(edges, { source: 'b', target: 'b' })).toBe(true);
  });
  it('is false otherwise', () => {
    expect(wouldCreateCycle(edges, { source: 'a', target: 'c' })).toBe(false);
    expect(wouldCreateCycle(edges, { source: 'c', target: 'new' })).toBe(false);
  });
  it('copes with long chains', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    const chain = graph().chain(...ids).build().edges;
    expect(wouldCreateCycle(chain, { source: 'n999', target: 'n0' })).toBe(true);
  });
});

describe('topologicalOrder', () => {
  it('puts every node after the nodes that lead to it, breadth first in edge order', () => {
    const { nodes, edges } = graph().node('hook', 'x', 'y', 'z').edge('hook', 'y').edge('hook', 'x').edge('y', 'z').edge('x', 'z').build();
    expect(topologicalOrder(nodes, edges)).toEqual(['hook', 'y', 'x', 'z']);
  });

  it('includes unconnected nodes', () => {
    const { nodes, edges } = graph().node('lonely').chain('a', 'b').build();
    expect(topologicalOrder(nodes, edges)).toEqual(['lonely', 'a', 'b']);
  });

  it('throws GraphCycleError naming the loop', () => {
    const { nodes, edges } = graph().chain('hook', 'a', 'b').edge('b', 'a').build();
    expect(() => topologicalOrder(nodes, edges)).toThrow(GraphCycleError);
    expect(() => topologicalOrder(nodes, edges)).toThrow('the flow loops: "a" → "b" → "a"');
  });
});

describe('outgoingEdges and incomingEdges', () => {
  const { edges } = graph().edge('hook', 'check').edge('check', 'yes', 'true').edge('check', 'no', 'false').edge('check', 'also', null).build();

  it('list all edges leaving or entering a node', () => {
    expect(outgoingEdges(edges, 'check').map((edge) => edge.target)).toEqual(['yes', 'no', 'also']);
    expect(incomingEdges(edges, 'check').map((edge) => edge.source)).toEqual(['hook']);
    expect(outgoingEdges(edges, 'nobody')).toEqual([]);
  });

  it('filter by handle, exactly or with the default output', () => {
    expect(outgoingEdges(edges, 'check', 'true').map((edge) => edge.target)).toEqual(['yes']);
    expect(outgoingEdges(edges, 'check', { handle: 'true', defaultHandle: 'true' }).map((edge) => edge.target)).toEqual(['yes', 'also']);
    expect(outgoingEdges(edges, 'check', { handle: 'false', defaultHandle: 'true' }).map((edge) => edge.target)).toEqual(['no']);
  });

  it('edgeHandle resolves a null sourceHandle to the default', () => {
    expect(edgeHandle({ source: 'a', target: 'b', sourceHandle: null }, 'main')).toBe('main');
    expect(edgeHandle({ source: 'a', target: 'b', sourceHandle: 'false' }, 'true')).toBe('false');
  });
});
