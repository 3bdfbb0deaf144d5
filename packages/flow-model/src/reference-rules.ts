// The validation rule for templates that read other nodes' outputs: each `{{nodes.<id>…}}` must
// name a node that exists and leads to the node holding the template.
import type { IndexedEdge } from './edge-rules';
import type { NodeTypeDescriptor } from './node-catalog';
import { paramIssue, type IndexedNode } from './node-rules';
import { brokenReferences, describeBrokenReference } from './template-references';
import type { ValidationIssue } from './validation-error';

export function referenceIssues({ nodes, edges, allNodeIds, descriptors }: ReferenceRules): ValidationIssue[] {
  const byId = new Map(nodes.map((item) => [item.node.id, item]));
  const parsedIds = new Set(byId.keys());
  const broken = brokenReferences({ nodes: nodes.map(({ node }) => node), edges: edges.map(({ edge }) => edge) }, (id) => descriptors.get(id)?.rawParams);
  // A node that failed the schema is still in the flow: whether it leads here cannot be judged.
  return broken.flatMap((reference) => {
    const holder = byId.get(reference.holderId);
    if (!holder || (reference.reason === 'missing' && allNodeIds.has(reference.nodeId) && !parsedIds.has(reference.nodeId))) return [];
    const paramsSchema = descriptors.get(holder.node.id)?.paramsSchema;
    return [paramIssue({ item: holder, paramPath: reference.paramPath, message: describeBrokenReference(reference), paramsSchema })];
  });
}

interface ReferenceRules {
  nodes: readonly IndexedNode[];
  edges: readonly IndexedEdge[];
  allNodeIds: ReadonlySet<string>;
  descriptors: ReadonlyMap<string, NodeTypeDescriptor>;
}
