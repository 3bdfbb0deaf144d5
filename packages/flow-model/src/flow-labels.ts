// How validation messages name things, so every message reads the same to a flow author:
// Node "shape" (Shape order), Edge "e3" (check → notify), The flow.

/** `Node "shape" (Shape order)`: the id, then the name, or the type when the node has no name. */
export function nodeLabel(node: { id: string; type?: string; name?: string }): string {
  const detail = node.name?.trim() || node.type;
  return detail ? `Node "${node.id}" (${detail})` : `Node "${node.id}"`;
}

/** `Edge "e3" (check → notify)`. */
export function edgeLabel(edge: { id: string; source: string; target: string }): string {
  return `Edge "${edge.id}" (${edge.source} → ${edge.target})`;
}

/** `"a" → "b" → "a"` for the cycle ["a", "b"]. */
export function cycleLabel(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].map((id) => `"${id}"`).join(' → ');
}

/** The first segment of a dotted param path: "fields" for "fields.total". */
export function topLevelParam(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}
