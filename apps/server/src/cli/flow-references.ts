// A flow points at things by server id: credentials (`"credentialId": "<id>"` anywhere in a
// node's params, as credential-references.ts reads them) and its on-error flow
// (`settings.onErrorFlowId`). Ids differ from server to server, so a flow file writes them by
// name instead: `"credentialId": { "name": "Warehouse token" }` and
// `"onErrorFlowId": { "key": "alerts" }`. An object is never a valid id, so the two forms cannot
// be mistaken for each other. Credential data is never read or written here.
import { REDACTED } from '@hookflow/engine';
import type { FlowDocument } from '@hookflow/flow-model';
import { isRecord } from './is-record';

const CREDENTIAL_FIELD = 'credentialId';
/** Deeper than any node's params go (credential-references.ts stops at the same depth). */
const MAX_DEPTH = 32;

export interface ReferenceProblem {
  nodeId?: string;
  /** Dotted path in the flow: "params.auth.credentialId" of a node, or "settings.onErrorFlowId". */
  path: string;
  message: string;
}

export interface ReferenceLookups {
  /** Credential name → id on the target server (by id → name on export). */
  credential: (reference: string) => string | undefined;
  /** Flow key → id on the target server (by id → key on export). */
  flow: (reference: string) => string | undefined;
}

/** A flow document whose settings may name the on-error flow by `{ key }`. */
export type DocumentByName = Omit<FlowDocument, 'settings'> & { settings?: Record<string, unknown> };

/** Export: ids become `{ name }` and `{ key }`; an id that names nothing stays, with a warning. */
export function writeReferencesByName(document: FlowDocument, byId: ReferenceLookups): { document: DocumentByName; warnings: ReferenceProblem[] } {
  const warnings: ReferenceProblem[] = [];
  const nodes = document.nodes.map((node) => {
    const params = mapCredentialRefs(node.params, 'params', (value, path) => {
      if (typeof value !== 'string' || value === '') return value;
      const name = byId.credential(value);
      if (name !== undefined) return { name };
      warnings.push({ nodeId: node.id, path, message: `"${value}" is no credential on the server; written as it is` });
      return value;
    });
    return { ...node, params: isRecord(params) ? params : node.params };
  });
  const errorFlowId = document.settings?.onErrorFlowId;
  if (errorFlowId === undefined) return { document: { ...document, nodes }, warnings };
  const key = byId.flow(errorFlowId);
  if (key === undefined) warnings.push({ path: 'settings.onErrorFlowId', message: `"${errorFlowId}" is no flow on the server; written as it is` });
  const settings = { ...document.settings, onErrorFlowId: key === undefined ? errorFlowId : { key } };
  return { document: { ...document, nodes, settings }, warnings };
}

/** Apply: `{ name }` and `{ key }` become the target server's ids; what it lacks is an error. */
export function readReferencesByName(file: unknown, byName: ReferenceLookups): { document: unknown; errors: ReferenceProblem[] } {
  if (!isRecord(file)) return { document: file, errors: [] };
  const errors: ReferenceProblem[] = [];
  const nodes = Array.isArray(file.nodes)
    ? file.nodes.map((node: unknown) => {
        if (!isRecord(node)) return node;
        const nodeId = typeof node.id === 'string' ? node.id : undefined;
        const params = mapCredentialRefs(node.params, 'params', (value, path) => {
          if (!isRecord(value)) return value;
          const name = nameOf(value, 'name');
          if (name === undefined) {
            errors.push({ nodeId, path, message: 'write a credential as its id or as { "name": "<credential name>" }' });
            return value;
          }
          const id = byName.credential(name);
          if (id === undefined) errors.push({ nodeId, path, message: `no credential named "${name}" on the server; create it there first (hookflow never copies credential data)` });
          return id ?? value;
        });
        return { ...node, params };
      })
    : file.nodes;
  const settings = isRecord(file.settings) ? readErrorFlow(file.settings, byName, errors) : file.settings;
  return { document: { ...file, nodes, ...(settings === undefined ? {} : { settings }) }, errors };
}

/** Key of the on-error flow a file names, when it names one by key. */
export function errorFlowKeyOf(file: unknown): string | undefined {
  if (!isRecord(file) || !isRecord(file.settings) || !isRecord(file.settings.onErrorFlowId)) return undefined;
  return nameOf(file.settings.onErrorFlowId, 'key');
}

/** Paths of secrets the server answered as "[redacted]" (typed into params rather than kept in a credential). */
export function redactedPaths(document: { nodes: ReadonlyArray<{ id: string; params: unknown }> }): Array<{ nodeId: string; path: string }> {
  const found: Array<{ nodeId: string; path: string }> = [];
  for (const node of document.nodes) {
    walk(node.params, 'params', 0, (value, path) => {
      if (value === REDACTED) found.push({ nodeId: node.id, path });
    });
  }
  return found;
}

function readErrorFlow(settings: Record<string, unknown>, byName: ReferenceLookups, errors: ReferenceProblem[]): Record<string, unknown> {
  const reference = settings.onErrorFlowId;
  if (!isRecord(reference)) return settings;
  const key = nameOf(reference, 'key');
  if (key === undefined) {
    errors.push({ path: 'settings.onErrorFlowId', message: 'write the on-error flow as { "key": "<flow key>" }' });
    return settings;
  }
  const id = byName.flow(key);
  if (id === undefined) errors.push({ path: 'settings.onErrorFlowId', message: `no flow with the key "${key}" in the directory or on the server` });
  return { ...settings, onErrorFlowId: id ?? reference };
}

/** `value` with every `credentialId` field replaced by what `replace` answers for it. */
function mapCredentialRefs(value: unknown, path: string, replace: (value: unknown, path: string) => unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item, index) => mapCredentialRefs(item, `${path}.${index}`, replace, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === CREDENTIAL_FIELD ? replace(item, `${path}.${key}`) : mapCredentialRefs(item, `${path}.${key}`, replace, depth + 1)]),
  );
}

function walk(value: unknown, path: string, depth: number, visit: (value: unknown, path: string) => void): void {
  visit(value, path);
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`, depth + 1, visit);
}

/** The string at `field` when it is the object's only field. */
function nameOf(value: Record<string, unknown>, field: string): string | undefined {
  const entries = Object.entries(value);
  return entries.length === 1 && entries[0][0] === field && typeof entries[0][1] === 'string' ? entries[0][1] : undefined;
}
