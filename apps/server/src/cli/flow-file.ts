// One flow as a file in a Git repository: `<key>.json`, pretty-printed, with its fields in one
// fixed order and nothing the server makes up (ids of the flow and its versions, version numbers,
// times, trigger URLs), so exporting twice gives the same bytes and a review shows only real
// changes. Params keep their own order: a transform's fields come out in the order written.
import type { FlowEdge, FlowNode } from '@hookflow/flow-model';
import type { DocumentByName } from './flow-references';

/** The fields a flow file may have at its top level, in the order they are written. */
export const FLOW_FILE_FIELDS = ['key', 'name', 'description', 'active', 'settings', 'nodes', 'edges'] as const;

export function flowFileName(key: string): string {
  return `${key}.json`;
}

/** The file's text: a flow document (references by name) with its key and whether it runs. */
export function flowFileText({ key, active, document }: { key: string; active: boolean; document: DocumentByName }): string {
  const settings = document.settings && Object.keys(document.settings).length > 0 ? document.settings : undefined;
  const file = {
    key,
    name: document.name,
    ...(document.description === undefined ? {} : { description: document.description }),
    active,
    ...(settings === undefined ? {} : { settings }),
    nodes: document.nodes.map(fileNode),
    edges: document.edges.map(fileEdge),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function fileNode(node: FlowNode): Record<string, unknown> {
  return {
    id: node.id,
    type: node.type,
    typeVersion: node.typeVersion,
    ...(node.name === undefined ? {} : { name: node.name }),
    ...(node.disabled ? { disabled: true } : {}),
    position: { x: node.position.x, y: node.position.y },
    params: node.params,
  };
}

function fileEdge(edge: FlowEdge): Record<string, unknown> {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(edge.sourceHandle == null ? {} : { sourceHandle: edge.sourceHandle }),
    ...(edge.targetHandle == null ? {} : { targetHandle: edge.targetHandle }),
  };
}
