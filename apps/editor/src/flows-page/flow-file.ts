// Export of flow JSON files: the same document format as the API (import: read-flow-file).
import type { FlowDocument } from '@hookflow/flow-model';
import type { FlowDetail } from '../api/api-types';

export function documentOf(flow: FlowDetail | FlowDocument): FlowDocument {
  const { name, description, nodes, edges } = flow;
  return { name, ...(description ? { description } : {}), nodes, edges };
}

export function downloadFlow(flow: FlowDetail): void {
  const blob = new Blob([`${JSON.stringify(documentOf(flow), null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileSafe(flow.name)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'flow';
}
