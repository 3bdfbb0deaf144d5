// Left-to-right layout of the graph with dagre; positions only, nothing else changes.
import { Graph, layout } from '@dagrejs/dagre';
import type { EditorEdge, EditorNode } from '../store/flow-mapping';

const FALLBACK_SIZE = { width: 200, height: 64 };

export function autoLayout({ nodes, edges }: { nodes: readonly EditorNode[]; edges: readonly EditorEdge[] }): Record<string, { x: number; y: number }> {
  const graph = new Graph<object, { width: number; height: number; x?: number; y?: number }, object>();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.measured?.width ?? FALLBACK_SIZE.width, height: node.measured?.height ?? FALLBACK_SIZE.height });
  }
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  layout(graph);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const node of nodes) {
    const placed = graph.node(node.id);
    if (placed.x === undefined || placed.y === undefined) continue;
    // dagre answers centres; React Flow positions the top-left corner.
    positions[node.id] = { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) };
  }
  return positions;
}
