// What differs between the flow on the server and the flow a file asks for, as readable paths:
// "name", "nodes.shape.params.fields.total", "nodes.notify (added)", "edges.e3.sourceHandle".
// Nodes and edges are compared by id, not by place in the list. A secret the server answers as
// "[redacted]" counts as equal to any text: its value cannot be read back, and the server keeps
// the stored one when "[redacted]" is saved. The order of keys counts (a transform's fields come
// out in the order written), so after an apply the server holds exactly what the file says.
import { REDACTED } from '@hookflow/engine';
import type { FlowDocument } from '@hookflow/flow-model';
import { isRecord } from './is-record';

export function flowChanges(server: FlowDocument, wanted: FlowDocument): string[] {
  return changedPaths(comparable(server), comparable(wanted), '');
}

/** The document as a tree of objects, with what means "nothing" (null, false, no settings) left out. */
function comparable(document: FlowDocument): Record<string, unknown> {
  return compact({
    key: document.key,
    name: document.name,
    description: document.description,
    settings: document.settings && Object.keys(document.settings).length > 0 ? document.settings : undefined,
    nodes: byId(
      document.nodes.map((node) => ({
        id: node.id,
        value: compact({ type: node.type, typeVersion: node.typeVersion, name: node.name, disabled: node.disabled || undefined, position: node.position, params: node.params }),
      })),
    ),
    edges: byId(
      document.edges.map((edge) => ({
        id: edge.id,
        value: compact({ source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle, targetHandle: edge.targetHandle }),
      })),
    ),
  });
}

function changedPaths(before: unknown, after: unknown, path: string): string[] {
  if (isRecord(before) && isRecord(after)) return changedFields(before, after, path);
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, index) => changedPaths(item, after[index], join(path, String(index))));
  }
  if (before === REDACTED && typeof after === 'string') return [];
  return sameJson(before, after) ? [] : [path];
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, path: string): string[] {
  const changes: string[] = [];
  for (const key of Object.keys(after)) {
    if (!(key in before)) changes.push(`${join(path, key)} (added)`);
    else changes.push(...changedPaths(before[key], after[key], join(path, key)));
  }
  for (const key of Object.keys(before)) if (!(key in after)) changes.push(`${join(path, key)} (removed)`);
  if (changes.length === 0 && Object.keys(before).join('\n') !== Object.keys(after).join('\n')) changes.push(`${path || 'fields'} (order)`);
  return changes;
}

/** Entries keyed by id, in list order; a repeated id (a draft may have one) keeps both. */
function byId(items: Array<{ id: string; value: unknown }>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { id, value } of items) {
    let key = id;
    for (let copy = 2; key in result; copy += 1) key = `${id}#${copy}`;
    result[key] = value;
  }
  return result;
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
