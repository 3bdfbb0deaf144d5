// Which node of a flow starts it: the node whose type the registry marks as a trigger. Its method
// and readable path decide the trigger URL intake matches.
import type { NodeRegistry } from '@hookflow/engine';
import type { FlowDocument } from '@hookflow/flow-model';

export interface TriggerNode {
  id: string;
  type: string;
  method: string;
  path: string;
  params: Record<string, unknown>;
}

export function triggerNodeOf(document: FlowDocument, registry: NodeRegistry): TriggerNode | undefined {
  const node = document.nodes.find((candidate) => registry.get(candidate.type, candidate.typeVersion)?.trigger === true);
  if (!node) return undefined;
  const method = typeof node.params.method === 'string' ? node.params.method.toUpperCase() : 'POST';
  const path = typeof node.params.path === 'string' ? triggerPath(node.params.path) : '';
  return { id: node.id, type: node.type, method, path, params: node.params };
}

/** A trigger's readable path as it is matched: no slashes at either end (the node's param and the URL alike). */
export function triggerPath(raw: string): string {
  return raw.replace(/^\/+|\/+$/g, '');
}
