// The validation rule for answering the caller: a node that answers it (respond) only answers when
// the trigger waits for one ("respond": "respondNode"), and a trigger that waits for one needs one.
import type { NodeTypeDescriptor } from './node-catalog';
import { nodeLabel } from './flow-labels';
import type { IndexedNode } from './node-rules';
import type { ValidationIssue } from './validation-error';

export function respondIssues({ nodes, descriptors }: { nodes: readonly IndexedNode[]; descriptors: ReadonlyMap<string, NodeTypeDescriptor> }): ValidationIssue[] {
  const trigger = nodes.find(({ node }) => descriptors.get(node.id)?.trigger === true);
  if (!trigger) return [];
  const mode = trigger.node.params.respond;
  const answering = nodes.filter(({ node }) => descriptors.get(node.id)?.answers === true);
  if (mode === 'respondNode' && answering.length === 0) {
    return [
      {
        path: `nodes.${trigger.index}.params.respond`,
        nodeId: trigger.node.id,
        param: 'respond',
        message: `${nodeLabel(trigger.node)}: Respond is "with a Respond node", but the flow has none; add a Respond node, or answer at once`,
      },
    ];
  }
  if (mode === 'respondNode') return [];
  const current = mode === 'lastNode' ? 'with the last node’s output' : 'at once';
  return answering.map(({ index, node }) => ({
    path: `nodes.${index}`,
    nodeId: node.id,
    message: `${nodeLabel(node)}: it cannot answer the caller, because the trigger answers ${current}; set the trigger's Respond to "with a Respond node"`,
  }));
}
