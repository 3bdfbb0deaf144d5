// The flow document and React Flow share field names; the only move is params & co. into `data`,
// because one generic node component (type "hookflow") renders every node type.
import type { FlowDocument, OnErrorMode } from '@hookflow/flow-model';
import type { Edge, Node } from '@xyflow/react';

export const CANVAS_NODE_TYPE = 'hookflow';

export type FlowNodeData = {
  type: string;
  typeVersion: number;
  name?: string;
  params: Record<string, unknown>;
  disabled?: boolean;
  /** What a failure of this node does; left out, the run stops there. */
  onError?: OnErrorMode;
};

export type EditorNode = Node<FlowNodeData, typeof CANVAS_NODE_TYPE>;
export type EditorEdge = Edge;

export interface FlowContent {
  name: string;
  description?: string;
  /** Flow-level settings (on-error flow) the canvas does not edit but must keep on save. */
  settings?: FlowDocument['settings'];
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export function nodesFromDocument(document: Pick<FlowDocument, 'nodes'>): EditorNode[] {
  return document.nodes.map((node) => ({
    id: node.id,
    type: CANVAS_NODE_TYPE,
    position: { x: node.position?.x ?? 0, y: node.position?.y ?? 0 },
    data: {
      type: node.type,
      typeVersion: node.typeVersion ?? 1,
      params: node.params ?? {},
      ...(node.name === undefined ? {} : { name: node.name }),
      ...(node.disabled === undefined ? {} : { disabled: node.disabled }),
      ...(node.onError === undefined ? {} : { onError: node.onError }),
    },
  }));
}

export function edgesFromDocument(document: Pick<FlowDocument, 'edges'>): EditorEdge[] {
  return (document.edges ?? []).map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? null,
    ...(edge.sourceHandle ? { label: edge.sourceHandle } : {}),
  }));
}

export function toDocument(content: FlowContent): FlowDocument {
  return {
    name: content.name,
    ...(content.description ? { description: content.description } : {}),
    ...(content.settings ? { settings: content.settings } : {}),
    nodes: content.nodes.map(({ id, position, data }) => ({
      id,
      type: data.type,
      typeVersion: data.typeVersion,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
      params: data.params,
      ...(data.name ? { name: data.name } : {}),
      ...(data.disabled ? { disabled: true } : {}),
      ...(data.onError === undefined ? {} : { onError: data.onError }),
    })),
    edges: content.edges.map(({ id, source, target, sourceHandle }) => ({ id, source, target, sourceHandle: sourceHandle ?? null })),
  };
}
