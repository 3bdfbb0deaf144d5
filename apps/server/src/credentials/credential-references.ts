// Which credentials a flow points at: any `{ "credentialId": "<id>" }` (or a `credentialId`
// param) anywhere in a node's params, with the node and the path it sits at.
import type { FlowDocument } from '@hookflow/flow-model';

const MAX_DEPTH = 32;

export function referencesCredential(document: FlowDocument, credentialId: string): boolean {
  return credentialUses(document).some((use) => use.credentialId === credentialId);
}

/** Every reference, in node order; a node that names one credential twice lists it twice. */
export function credentialUses(document: FlowDocument): CredentialUse[] {
  const uses: CredentialUse[] = [];
  document.nodes.forEach((node, index) => collect({ value: node.params, path: `nodes.${index}.params`, nodeId: node.id, depth: 0, uses }));
  return uses;
}

function collect({ value, path, nodeId, depth, uses }: { value: unknown; path: string; nodeId: string; depth: number; uses: CredentialUse[] }): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  const entries = Array.isArray(value) ? value.map((item, index): [string, unknown] => [String(index), item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const at = `${path}.${key}`;
    if (key === 'credentialId' && typeof item === 'string' && !Array.isArray(value)) uses.push({ credentialId: item.trim(), nodeId, path: at, param: paramOf(at) });
    else collect({ value: item, path: at, nodeId, depth: depth + 1, uses });
  }
}

/** The top-level key of params in a path like "nodes.1.params.auth.credentialId". */
function paramOf(path: string): string {
  return path.split('.')[3] ?? '';
}

export interface CredentialUse {
  credentialId: string;
  nodeId: string;
  /** Dotted path into the flow document, as validation issues use. */
  path: string;
  param: string;
}
