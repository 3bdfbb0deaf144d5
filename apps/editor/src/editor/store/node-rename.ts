// Giving a node a new id: the edges that touch it and the templates that read it (`{{nodes.<id>…}}`)
// follow, through flow-model's parser, or nothing changes and the places that could not follow
// are listed. The last run's view of the node moves with it, so its output stays on show.
import { renameNodeReferences, type RenameProblem } from '@hookflow/flow-model';
import type { EditorCatalog } from '../../catalog/node-type-catalog';
import { edgeId } from './graph-edit';
import type { EditorEdge, EditorNode } from './flow-mapping';
import type { RunSummary } from './run-view';

export type NodeIdRename = { ok: true; nodes: EditorNode[]; edges: EditorEdge[]; run: RunSummary | null } | { ok: false; problems: RenameProblem[] };

export function renameNodeId({ nodes, edges, run, catalog, from, to }: NodeIdRenameInput): NodeIdRename {
  const typeOf = (id: string) => {
    const node = nodes.find((candidate) => candidate.id === id);
    return node ? catalog?.entry(node.data.type, node.data.typeVersion)?.info : undefined;
  };
  const joinIds = new Set(nodes.filter((node) => typeOf(node.id)?.joins === true).map((node) => node.id));
  const result = renameNodeReferences({
    nodes: nodes.map((node) => ({ id: node.id, params: node.data.params })),
    from,
    to,
    rawParamsOf: (id) => typeOf(id)?.rawParams,
    joinIds,
  });
  if (!result.ok) return result;
  const renamed = (id: string) => (id === from ? to : id);
  return {
    ok: true,
    nodes: nodes.map((node) => {
      const params = result.params.get(node.id);
      if (node.id !== from && !params) return node;
      return { ...node, id: renamed(node.id), data: params ? { ...node.data, params } : node.data };
    }),
    edges: edges.map((edge) => {
      if (edge.source !== from && edge.target !== from) return edge;
      const moved = { ...edge, source: renamed(edge.source), target: renamed(edge.target) };
      // An id the editor made from its ends is made again, so a later edge cannot take the old one.
      return edge.id === edgeId(edge) ? { ...moved, id: edgeId(moved) } : moved;
    }),
    run: run ? { ...run, byNode: renameKey(run.byNode, from, to) } : run,
  };
}

/** "Conditions › 1 › Left of Big orders: …": where each refusal sits, in the panel's words. */
export function describeRenameProblem(problem: RenameProblem, nodes: readonly EditorNode[]): string {
  const holder = nodes.find((node) => node.id === problem.nodeId);
  const name = holder?.data.name?.trim() || problem.nodeId;
  return problem.paramPath ? `"${name}" (${problem.paramPath}): ${problem.message}` : problem.message;
}

function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  if (!(from in record)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

export interface NodeIdRenameInput {
  nodes: EditorNode[];
  edges: EditorEdge[];
  run: RunSummary | null;
  catalog: EditorCatalog | null;
  from: string;
  to: string;
}
