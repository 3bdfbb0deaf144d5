// Which flows point at a credential: any `{ "credentialId": "<id>" }` (or a `credentialId`
// param) anywhere in a flow's current document.
import type { FlowDocument } from '@hookflow/flow-model';

export function referencesCredential(document: FlowDocument, credentialId: string): boolean {
  return document.nodes.some((node) => containsReference(node.params, credentialId, 0));
}

function containsReference(value: unknown, credentialId: string, depth: number): boolean {
  if (depth > 32 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => containsReference(item, credentialId, depth + 1));
  return Object.entries(value).some(([key, item]) => (key === 'credentialId' && item === credentialId) || containsReference(item, credentialId, depth + 1));
}
