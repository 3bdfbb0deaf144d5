// Pure edits of the canvas graph: where a new node goes, what a deletion takes with it, how a
// pasted selection gets fresh ids. The store calls these; tests can too.
import { wouldCreateCycle } from '@hookflow/flow-model';
import type { Connection } from '@xyflow/react';
import type { EditorCatalog } from '../../catalog/node-type-catalog';
import { CANVAS_NODE_TYPE, type EditorEdge, type EditorNode, type FlowNodeData } from './flow-mapping';

export const NODE_SPACING_X = 260;

export interface Clipboard {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

/** A readable id unique in the flow: "transform", "transform_2", … (templates read nodes.<id>). */
export function freshNodeId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56) || 'node';
  if (!taken.has(clean)) return clean;
  for (let counter = 2; ; counter += 1) {
    const candidate = `${clean}_${counter}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function edgeId({ source, sourceHandle, target }: { source: string; sourceHandle?: string | null; target: string }): string {
  return `e_${source}${sourceHandle ? `_${sourceHandle}` : ''}_${target}`;
}

export function makeEdge(connection: { source: string; target: string; sourceHandle?: string | null }): EditorEdge {
  const sourceHandle = connection.sourceHandle ?? null;
  return { id: edgeId(connection), source: connection.source, target: connection.target, sourceHandle, ...(sourceHandle ? { label: sourceHandle } : {}) };
}

export function makeNode({ id, type, version, position }: { id: string; type: string; version: number; position: { x: number; y: number } }): EditorNode {
  const data: FlowNodeData = { type, typeVersion: version, params: {} };
  return { id, type: CANVAS_NODE_TYPE, position, data, selected: true };
}

/** Why a connection is refused, as a sentence to show, or undefined when it is fine. */
export function connectionProblem({ connection, nodes, edges, catalog }: ConnectionCheck): string | undefined {
  const { source, target } = connection;
  if (!source || !target) return 'Pick two nodes to connect';
  if (source === target) return 'A node cannot connect to itself';
  const targetNode = nodes.find((node) => node.id === target);
  const targetType = targetNode ? catalog?.entry(targetNode.data.type) : undefined;
  if (targetType?.info.trigger) return 'A trigger starts the flow: nothing can lead into it';
  const handle = connection.sourceHandle ?? null;
  if (edges.some((edge) => edge.source === source && edge.target === target && (edge.sourceHandle ?? null) === handle)) return 'These nodes are already connected';
  if (wouldCreateCycle(edges, { source, target })) return `Flows can't loop: ${nodeName(nodes, target)} already leads to ${nodeName(nodes, source)}`;
  return undefined;
}

/** "Shape the order" (its name) or "shape" (its id), quoted, as the canvas shows it. */
function nodeName(nodes: readonly EditorNode[], id: string): string {
  const name = nodes.find((node) => node.id === id)?.data.name?.trim();
  return `"${name || id}"`;
}

/** Where a node added "after" another goes: to its right, below any node already there. */
export function positionAfter(anchor: EditorNode | undefined, nodes: readonly EditorNode[]): { x: number; y: number } {
  if (!anchor) {
    const right = nodes.reduce((max, node) => Math.max(max, node.position.x), -NODE_SPACING_X);
    return { x: right + NODE_SPACING_X, y: nodes[0]?.position.y ?? 0 };
  }
  const x = anchor.position.x + NODE_SPACING_X;
  let y = anchor.position.y;
  while (nodes.some((node) => Math.abs(node.position.x - x) < 120 && Math.abs(node.position.y - y) < 60)) y += 100;
  return { x, y };
}

export function withoutSelection({ nodes, edges }: { nodes: EditorNode[]; edges: EditorEdge[] }): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const removed = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
  return {
    nodes: nodes.filter((node) => !removed.has(node.id)),
    edges: edges.filter((edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target)),
  };
}

export function copySelection({ nodes, edges }: { nodes: EditorNode[]; edges: EditorEdge[] }): Clipboard | null {
  const copied = nodes.filter((node) => node.selected);
  if (copied.length === 0) return null;
  const ids = new Set(copied.map((node) => node.id));
  return { nodes: structuredClone(copied), edges: structuredClone(edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target))) };
}

/** The clipboard's nodes with new ids, moved down-right, selected; edges between them follow. */
export function pasteClipboard({ clipboard, nodes, offset }: { clipboard: Clipboard; nodes: readonly EditorNode[]; offset: number }): Clipboard {
  const taken = new Set(nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  const pasted = clipboard.nodes.map((node) => {
    const id = freshNodeId(node.id, taken);
    taken.add(id);
    renamed.set(node.id, id);
    return { ...structuredClone(node), id, selected: true, position: { x: node.position.x + offset, y: node.position.y + offset } };
  });
  const pastedEdges = clipboard.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    return source && target ? [makeEdge({ source, target, sourceHandle: edge.sourceHandle })] : [];
  });
  return { nodes: pasted, edges: pastedEdges };
}

export interface ConnectionCheck {
  connection: Pick<Connection, 'source' | 'target'> & { sourceHandle?: string | null };
  nodes: readonly EditorNode[];
  edges: readonly EditorEdge[];
  catalog: EditorCatalog | null;
}
