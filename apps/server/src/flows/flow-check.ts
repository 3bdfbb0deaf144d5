// The full check of a flow document (graph, node types, params, templates): what activation and
// saving an active flow require. One function, so `hookflow flows validate` checks files offline
// exactly as the server does.
import { compileFlow, type NodeRegistry } from '@hookflow/engine';
import type { ValidationIssue } from '@hookflow/flow-model';

export interface FlowCheck {
  valid: boolean;
  errors: ValidationIssue[];
}

export function checkFlowDocument(document: unknown, registry: NodeRegistry): FlowCheck {
  const compiled = compileFlow({ flow: document, registry });
  return compiled.ok ? { valid: true, errors: [] } : { valid: false, errors: compiled.errors };
}
