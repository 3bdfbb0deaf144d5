// Templates that read another node's output (`{{nodes.shape.total}}`) must name a node that runs
// before theirs: one that exists and leads to it. Deleting or unwiring a node otherwise leaves its
// readers rendering nothing, silently. Validation reports these; the engine fails the step.
import Handlebars from 'handlebars';
import type { GraphEdge } from './graph';
import { isTemplate } from './template';
import { MAX_TEMPLATE_DEPTH } from './template-deep';
import { normalizeTemplateSource } from './template-source';
import { childrenOf, isPath } from './template-scope';
import { forEachString } from './walk-strings';

type Node = hbs.AST.Node;

/** One `nodes.<id>…` path in a template, as written (`nodes.shape.total`). */
export interface NodeReference {
  nodeId: string;
  written: string;
}

/**
 * The `nodes.<id>` paths a template reads from the flow's context (also `../nodes.x` inside an
 * `{{#each}}` and `@root.nodes.x`). A template that does not parse answers none: compiling it
 * reports that. Dynamic lookups (`{{lookup nodes name}}`) cannot be known before running.
 */
export function nodeReferencesOf(source: string): NodeReference[] {
  if (!isTemplate(source)) return [];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parseWithoutProcessing(normalizeTemplateSource(source));
  } catch {
    return [];
  }
  const references: NodeReference[] = [];
  const pending: Array<{ node: Node; scope: number }> = [{ node: program, scope: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, scope } = item;
    if (isPath(node)) {
      const reference = rootNodeReference(node, scope);
      if (reference) references.push(reference);
    }
    pending.push(...childrenOf(node, scope).reverse());
  }
  return references;
}

/** A reference to a node that does not run before the node holding the template. */
export interface BrokenReference extends NodeReference {
  /** The node whose params hold the template. */
  holderId: string;
  /** Dotted path inside the holder's params ("fields.total"). */
  paramPath: string;
  /** missing: no node has that id; not-upstream: it exists but does not lead to the holder. */
  reason: 'missing' | 'not-upstream';
}

/** Every template reference in the flow's params that names a node which is not an ancestor. */
export function brokenReferences(
  flow: { nodes: ReadonlyArray<{ id: string; params: Record<string, unknown> }>; edges: readonly GraphEdge[] },
  /** Top-level params of a node that are never rendered (a code node's code), so hold no references. */
  rawParamsOf: (nodeId: string) => readonly string[] | undefined = () => undefined,
): BrokenReference[] {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const predecessors = new Map<string, string[]>();
  for (const edge of flow.edges) predecessors.set(edge.target, [...(predecessors.get(edge.target) ?? []), edge.source]);
  const broken: BrokenReference[] = [];
  for (const holder of flow.nodes) {
    let ancestors: Set<string> | undefined;
    const raw = rawParamsOf(holder.id) ?? [];
    forEachString({
      value: holder.params,
      maxDepth: MAX_TEMPLATE_DEPTH,
      visit: (text, paramPath) => {
        if (raw.includes(paramPath.split('.')[0])) return;
        for (const reference of nodeReferencesOf(text)) {
          ancestors ??= ancestorsOf(holder.id, predecessors);
          if (ancestors.has(reference.nodeId)) continue;
          broken.push({ ...reference, holderId: holder.id, paramPath, reason: ids.has(reference.nodeId) ? 'not-upstream' : 'missing' });
        }
      },
    });
  }
  return broken;
}

/** `uses {{nodes.shape.total}}, but there is no node "shape" before this one (…)`: what to fix, in the author's words. */
export function describeBrokenReference(reference: BrokenReference): string {
  const why =
    reference.reason === 'missing'
      ? 'no node in the flow has that id: it may have been deleted or renamed'
      : `"${reference.nodeId}" is in the flow but does not lead to this node: connect it before this one`;
  return `uses {{${reference.written}}}, but there is no node "${reference.nodeId}" before this one (${why})`;
}

function ancestorsOf(nodeId: string, predecessors: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const pending = [...(predecessors.get(nodeId) ?? [])];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(predecessors.get(id) ?? []));
  }
  return seen;
}

/** `nodes.<id>…` read from the flow's root context at this block nesting, else undefined. */
function rootNodeReference(path: hbs.AST.PathExpression, scope: number): NodeReference | undefined {
  const parts = path.data ? (path.parts[0] === 'root' ? path.parts.slice(1) : []) : path.depth === scope ? path.parts : [];
  if (parts.length < 2 || parts[0] !== 'nodes') return undefined;
  return { nodeId: parts[1], written: parts.map((part) => (/^[\w-]+$/.test(part) ? part : `[${part}]`)).join('.') };
}

