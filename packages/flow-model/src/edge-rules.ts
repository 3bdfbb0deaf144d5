// Validation rules about how nodes connect: edges that lead somewhere real through an output the
// node has, nothing leading into the trigger, exactly one trigger, and no loops.
import { ERROR_HANDLE, type FlowEdge } from './flow-document';
import { cycleLabel, edgeLabel, nodeLabel } from './flow-labels';
import { findCycle } from './graph';
import type { NodeTypeDescriptor } from './node-catalog';
import { nodeOutputs } from './node-outputs';
import type { IndexedNode } from './node-rules';
import type { ValidationIssue } from './validation-error';

const EDGE_ENDS: ReadonlyArray<'source' | 'target'> = ['source', 'target'];

export interface IndexedEdge {
  /** Position in the document's edges array. */
  index: number;
  edge: FlowEdge;
}

export interface ConnectionRules {
  nodes: readonly IndexedNode[];
  edges: readonly IndexedEdge[];
  /** Every node id in the document, including nodes that failed the schema. */
  allNodeIds: ReadonlySet<string>;
  /** Node types by node id, for nodes whose type and version are known. */
  descriptors: ReadonlyMap<string, NodeTypeDescriptor>;
}

export function edgeIssues({ nodes, edges, allNodeIds, descriptors }: ConnectionRules): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nodesById = new Map(nodes.map((item) => [item.node.id, item]));
  const seen = new Set<string>();
  for (const { index, edge } of edges) {
    const label = edgeLabel(edge);
    if (seen.has(edge.id)) issues.push({ path: `edges.${index}.id`, message: `${label}: another edge already uses the id "${edge.id}"; edge ids must be unique` });
    seen.add(edge.id);
    for (const end of EDGE_ENDS) {
      if (!allNodeIds.has(edge[end])) {
        const verb = end === 'source' ? 'starts at' : 'leads to';
        issues.push({ path: `edges.${index}.${end}`, message: `${label}: it ${verb} node "${edge[end]}", which is not in the flow` });
      }
    }
    const source = nodesById.get(edge.source);
    const sourceType = descriptors.get(edge.source);
    if (source && sourceType) issues.push(...handleIssues({ index, edge, source, outputs: nodeOutputs(sourceType, source.node) }));
    const target = nodesById.get(edge.target);
    if (target && descriptors.get(edge.target)?.trigger) {
      issues.push({
        path: `edges.${index}.target`,
        nodeId: edge.target,
        message: `${label}: it leads into ${nodeLabel(target.node)}, a trigger; nothing can lead into a trigger`,
      });
    }
  }
  return issues;
}

/**
 * A node that joins branches (merge) must be able to run: two or more edges lead into it, and the
 * trigger reaches it. One edge joins nothing; a merge the trigger cannot reach never runs.
 */
export function joinIssues({ nodes, edges, descriptors, complete }: Pick<ConnectionRules, 'nodes' | 'edges' | 'descriptors'> & { complete: boolean }): ValidationIssue[] {
  const joins = nodes.filter(({ node }) => descriptors.get(node.id)?.joins === true);
  if (joins.length === 0 || !complete) return [];
  const trigger = nodes.find(({ node }) => descriptors.get(node.id)?.trigger === true)?.node.id;
  const reached = new Set<string>(trigger === undefined ? [] : [trigger]);
  for (const pending = trigger === undefined ? [] : [trigger]; pending.length > 0; ) {
    const from = pending.pop();
    for (const { edge } of edges) {
      if (edge.source !== from || reached.has(edge.target)) continue;
      reached.add(edge.target);
      pending.push(edge.target);
    }
  }
  return joins.flatMap(({ index, node }): ValidationIssue[] => {
    const sources = new Set(edges.filter(({ edge }) => edge.target === node.id).map(({ edge }) => `${edge.source}:${edge.sourceHandle ?? ''}`));
    if (sources.size < 2) {
      const has = sources.size === 0 ? 'nothing leads into it' : 'only one path leads into it';
      return [{ path: `nodes.${index}`, nodeId: node.id, message: `${nodeLabel(node)}: it joins branches, but ${has}; connect two or more paths to it` }];
    }
    if (trigger !== undefined && !reached.has(node.id)) {
      return [{ path: `nodes.${index}`, nodeId: node.id, message: `${nodeLabel(node)}: it can never run: no path from the trigger leads to it` }];
    }
    return [];
  });
}

export function triggerIssues({ nodes, descriptors, complete }: Pick<ConnectionRules, 'nodes' | 'descriptors'> & { complete: boolean }): ValidationIssue[] {
  const triggers = nodes.filter(({ node }) => descriptors.get(node.id)?.trigger === true);
  if (triggers.length === 0) {
    return complete ? [{ path: 'nodes', message: 'The flow has no trigger: add a trigger node (such as a webhook) to start it' }] : [];
  }
  const first = triggers[0].node.id;
  return triggers.slice(1).map(({ index, node }) => ({
    path: `nodes.${index}`,
    nodeId: node.id,
    message: `${nodeLabel(node)}: this is a second trigger, but a flow has exactly one (the first is "${first}")`,
  }));
}

export function cycleIssues({ nodes, edges }: Pick<ConnectionRules, 'nodes' | 'edges'>): ValidationIssue[] {
  const cycle = findCycle(
    nodes.map(({ node }) => node),
    edges.map(({ edge }) => edge),
  );
  if (!cycle) return [];
  const last = cycle[cycle.length - 1];
  const closing = edges.find(({ edge }) => edge.source === last && edge.target === cycle[0]);
  return [
    {
      path: closing ? `edges.${closing.index}` : 'edges',
      nodeId: cycle[0],
      message: `The flow loops: ${cycleLabel(cycle)}. A flow must not lead back to a node it came from`,
    },
  ];
}

function handleIssues({ index, edge, source, outputs }: IndexedEdge & { source: IndexedNode; outputs: readonly string[] }): ValidationIssue[] {
  const label = edgeLabel(edge);
  const from = nodeLabel(source.node);
  if (outputs.length === 0) {
    return [{ path: `edges.${index}.source`, nodeId: edge.source, message: `${label}: ${from} has no outputs, so no edge can leave it` }];
  }
  const handle = edge.sourceHandle;
  if (handle === null || handle === undefined || outputs.includes(handle)) return [];
  const known = outputs.map((output) => `"${output}"`).join(', ');
  const hint = handle === ERROR_HANDLE ? ` (set its "On error" to "Send to the error output" to use "${ERROR_HANDLE}")` : '';
  return [
    {
      path: `edges.${index}.sourceHandle`,
      nodeId: edge.source,
      message: `${label}: ${from} has no output "${handle}"; its outputs are ${known}${hint}`,
    },
  ];
}

