// Pure graph helpers over flow nodes and edges, shared by the editor (can these two connect?),
// validation (is there a loop?) and the engine (what runs next?). Iterative throughout: a flow of
// a thousand nodes in a chain must not overflow the stack. Edges naming an unknown node are ignored.

/**
 * The node ids along one cycle, in edge order ("a", "b", "c" for a → b → c → a), or null when the
 * graph has none. A self-loop answers its single node.
 */
export function findCycle(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] | null {
  const successors = successorMap(nodes, edges);
  const finished = new Set<string>();
  for (const { id: start } of nodes) {
    if (finished.has(start)) continue;
    const cycle = cycleFrom({ start, successors, finished });
    if (cycle) return cycle;
  }
  return null;
}

/** True when adding an edge from `source` to `target` would close a loop. */
export function wouldCreateCycle(edges: readonly GraphEdge[], connection: { source: string; target: string }): boolean {
  const { source, target } = connection;
  if (source === target) return true;
  const successors = new Map<string, string[]>();
  for (const edge of edges) pushTo(successors, edge.source, edge.target);
  const seen = new Set([target]);
  const pending = [target];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const next of successors.get(id) ?? []) {
      if (next === source) return true;
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return false;
}

/**
 * Node ids so that every edge goes from an earlier to a later node. Deterministic: nodes without
 * incoming edges first, in document order, then each node as soon as its last incoming edge is
 * passed (breadth first, edges in document order). Throws GraphCycleError when the graph loops.
 */
export function topologicalOrder(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] {
  const successors = successorMap(nodes, edges);
  const ids = [...new Set(nodes.map(({ id }) => id))];
  const incoming = new Map(ids.map((id) => [id, 0]));
  for (const targets of successors.values()) {
    for (const target of targets) incoming.set(target, (incoming.get(target) ?? 0) + 1);
  }
  const order = ids.filter((id) => incoming.get(id) === 0);
  for (let head = 0; head < order.length; head++) {
    for (const next of successors.get(order[head]) ?? []) {
      const remaining = (incoming.get(next) ?? 0) - 1;
      incoming.set(next, remaining);
      if (remaining === 0) order.push(next);
    }
  }
  if (order.length < ids.length) throw new GraphCycleError(findCycle(nodes, edges) ?? []);
  return order;
}

/**
 * Edges leaving `nodeId`. With a handle, only the edges on that output: give `{ handle,
 * defaultHandle }` so that edges whose sourceHandle is null (the node's default output, its first)
 * count as leaving through `defaultHandle`; a plain string matches sourceHandle exactly.
 */
export function outgoingEdges<E extends GraphEdge>(edges: readonly E[], nodeId: string, handle?: string | HandleSelector): E[] {
  const selector = typeof handle === 'string' ? { handle } : handle;
  return edges.filter((edge) => edge.source === nodeId && (!selector || edgeHandle(edge, selector.defaultHandle) === selector.handle));
}

/** Edges entering `nodeId`. */
export function incomingEdges<E extends GraphEdge>(edges: readonly E[], nodeId: string): E[] {
  return edges.filter((edge) => edge.target === nodeId);
}

/** The output an edge leaves through: its sourceHandle, or `defaultHandle` when that is null. */
export function edgeHandle(edge: GraphEdge, defaultHandle?: string): string | undefined {
  return edge.sourceHandle ?? defaultHandle;
}

export class GraphCycleError extends Error {
  override readonly name = 'GraphCycleError';

  constructor(readonly cycle: string[]) {
    super(`the flow loops: ${[...cycle, cycle[0]].map((id) => `"${id}"`).join(' → ')}`);
  }
}

interface CycleSearch {
  start: string;
  successors: Map<string, string[]>;
  finished: Set<string>;
}

/** Depth-first search from `start` with an explicit stack; marks what it fully explores. */
function cycleFrom({ start, successors, finished }: CycleSearch): string[] | null {
  const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
  const onStack = new Map([[start, 0]]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const targets = successors.get(top.id) ?? [];
    if (top.next >= targets.length) {
      stack.pop();
      onStack.delete(top.id);
      finished.add(top.id);
      continue;
    }
    const next = targets[top.next++];
    const index = onStack.get(next);
    if (index !== undefined) return stack.slice(index).map(({ id }) => id);
    if (!finished.has(next)) {
      onStack.set(next, stack.length);
      stack.push({ id: next, next: 0 });
    }
  }
  return null;
}

function successorMap(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, string[]> {
  const known = new Set(nodes.map(({ id }) => id));
  const successors = new Map<string, string[]>();
  for (const edge of edges) {
    if (known.has(edge.source) && known.has(edge.target)) pushTo(successors, edge.source, edge.target);
  }
  return successors;
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The least a node needs for graph questions; FlowNode and React Flow nodes both fit. */
export interface GraphNode {
  id: string;
}

/** The least an edge needs for graph questions; FlowEdge and React Flow edges both fit. */
export interface GraphEdge {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

export interface HandleSelector {
  /** The output the node emitted on, e.g. "false". */
  handle: string;
  /** The node type's default (first) output, which edges with a null sourceHandle leave through. */
  defaultHandle?: string;
}
