// The node types the server offers (GET /api/node-types), indexed for the palette, the form and
// flow-model's validateFlow.
import type { NodeCatalog, NodeTypeDescriptor, NodeTypeInfo } from '@hookflow/flow-model';
import { checkParams } from './check-params';
import { toJsonSchema, type JsonSchema } from './json-schema';

export interface NodeTypeEntry {
  info: NodeTypeInfo;
  schema: JsonSchema;
}

export interface EditorCatalog extends NodeCatalog {
  /** The latest version of each type, in the server's order. */
  readonly entries: NodeTypeEntry[];
  entry(type: string, version?: number): NodeTypeEntry | undefined;
}

export const CATEGORY_ORDER = ['Triggers', 'Data', 'Flow', 'Actions'];

export function buildCatalog(infos: readonly NodeTypeInfo[]): EditorCatalog {
  const byKey = new Map<string, NodeTypeEntry>();
  const versions = new Map<string, number[]>();
  const latest = new Map<string, NodeTypeEntry>();
  for (const info of infos) {
    const entry = { info, schema: toJsonSchema(info.paramsSchema) };
    byKey.set(key(info.type, info.version), entry);
    versions.set(info.type, [...(versions.get(info.type) ?? []), info.version].sort((a, b) => a - b));
    const current = latest.get(info.type);
    if (!current || current.info.version < info.version) latest.set(info.type, entry);
  }
  const descriptors = new Map<string, NodeTypeDescriptor>();
  for (const [entryKey, { info, schema }] of byKey) {
    descriptors.set(entryKey, {
      type: info.type,
      version: info.version,
      trigger: info.trigger,
      outputs: info.handles.outputs,
      ...(info.handles.namedOutputs ? { namedOutputs: info.handles.namedOutputs } : {}),
      joins: info.joins === true,
      answers: info.answers === true,
      checkParams: (params) => checkParams(schema, params),
      paramsSchema: info.paramsSchema,
      rawParams: info.rawParams ?? [],
    });
  }
  return {
    entries: [...latest.values()],
    entry: (type, version) => (version === undefined ? latest.get(type) : byKey.get(key(type, version))),
    find: (type, version) => descriptors.get(key(type, version)),
    versions: (type) => versions.get(type) ?? [],
  };
}

export function groupByCategory(entries: readonly NodeTypeEntry[]): Array<{ category: string; entries: NodeTypeEntry[] }> {
  const groups = new Map<string, NodeTypeEntry[]>();
  for (const entry of entries) groups.set(entry.info.category, [...(groups.get(entry.info.category) ?? []), entry]);
  const rank = (category: string) => (CATEGORY_ORDER.includes(category) ? CATEGORY_ORDER.indexOf(category) : CATEGORY_ORDER.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([category, grouped]) => ({ category, entries: grouped }));
}

function key(type: string, version: number): string {
  return `${type}@${version}`;
}
