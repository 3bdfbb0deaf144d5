// Renaming a node's id: the params of every node that read it (`{{nodes.<id>…}}`) are rewritten
// to the new id, or, when one cannot be rewritten safely, the rename is refused with the list of
// what reads the node. Code (params never rendered, such as a code node's JavaScript) is not a
// template and is never rewritten: code that names the node refuses the rename.
import { NODE_ID_PATTERN } from './flow-document';
import { MAX_TEMPLATE_DEPTH } from './template-deep';
import { mentions, renameNodeInTemplate } from './template-rename';
import { isRecord } from './template-values';
import { joinPath } from './walk-strings';

/** One place that reads the node and cannot follow the rename. */
export interface RenameProblem {
  nodeId: string;
  /** Dotted path inside that node's params ("fields.total"); empty for problems with the new id. */
  paramPath: string;
  message: string;
}

export type NodeRenameResult<P> = { ok: true; params: Map<string, P> } | { ok: false; problems: RenameProblem[] };

/**
 * The params that change when node `from` becomes `to`, by node id (nodes left out are unchanged),
 * or why the rename cannot be done.
 */
export function renameNodeReferences({ nodes, from, to, rawParamsOf = () => undefined, joinIds = new Set() }: NodeRename): NodeRenameResult<Record<string, unknown>> {
  const idProblem = newIdProblem({ nodes, from, to });
  if (idProblem) return { ok: false, problems: [{ nodeId: from, paramPath: '', message: idProblem }] };
  const params = new Map<string, Record<string, unknown>>();
  const problems: RenameProblem[] = [];
  for (const node of nodes) {
    const raw = rawParamsOf(node.id) ?? [];
    let changed = false;
    const next = mapStrings(node.params, '', 0, (text, paramPath) => {
      if (raw.includes(paramPath.split('.')[0])) {
        if (mentions(text, from)) problems.push({ nodeId: node.id, paramPath, message: `its code mentions "${from}"; code is not rewritten, so change it there first` });
        return text;
      }
      const result = renameNodeInTemplate({ source: text, from, to, joinIds });
      if (!result.ok) {
        problems.push(...result.problems.map((message) => ({ nodeId: node.id, paramPath, message })));
        return text;
      }
      if (result.text !== text) changed = true;
      return result.text;
    });
    if (changed && isRecord(next)) params.set(node.id, next);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, params };
}

/** Why `to` cannot be the node's new id, or undefined. */
export function newIdProblem({ nodes, from, to }: { nodes: ReadonlyArray<{ id: string }>; from: string; to: string }): string | undefined {
  if (!NODE_ID_PATTERN.test(to)) return 'an id is 1-64 letters, digits, "_" or "-"';
  if (to !== from && nodes.some((node) => node.id === to)) return `another node already has the id "${to}"`;
  return undefined;
}

function mapStrings(value: unknown, path: string, depth: number, visit: (text: string, path: string) => string): unknown {
  if (typeof value === 'string') return visit(value, path);
  // Deeper values are never rendered (compileDeep refuses them), so nothing there reads a node.
  if (depth >= MAX_TEMPLATE_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item: unknown, index) => mapStrings(item, joinPath(path, index), depth + 1, visit));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, joinPath(path, key), depth + 1, visit)]));
}

export interface NodeRename {
  nodes: ReadonlyArray<{ id: string; params: Record<string, unknown> }>;
  from: string;
  to: string;
  /** Top-level params of a node that are never rendered (a code node's code). */
  rawParamsOf?: (nodeId: string) => readonly string[] | undefined;
  /** Nodes whose output is keyed by the ids of the nodes before them (merge in "object" mode). */
  joinIds?: ReadonlySet<string>;
}
