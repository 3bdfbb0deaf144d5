// Checks a flow document and reports every problem at once, each with a dotted path, the node it
// belongs to and a message a flow author can act on. Used by the server on save and import, and
// by the editor as the user edits.
import { FlowDocumentSchema, FlowEdgeSchema, FlowNodeSchema, MAX_FLOW_EDGES, MAX_FLOW_NODES, type FlowDocument } from './flow-document';
import { cycleIssues, edgeIssues, joinIssues, triggerIssues, type IndexedEdge } from './edge-rules';
import { placeholderIssues } from './placeholder-rules';
import { respondIssues } from './respond-rules';
import type { NodeCatalog } from './node-catalog';
import { nodeIssues, type IndexedNode } from './node-rules';
import { schemaIssues } from './schema-issues';
import { referenceIssues } from './reference-rules';
import { isRecord } from './template-values';
import type { ValidationIssue, ValidationResult } from './validation-error';

/** Checks the document's shape only (no node types): zod's issues as ValidationIssues. */
export function parseFlowDocument(input: unknown): ValidationResult<FlowDocument> {
  const parsed = FlowDocumentSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: schemaIssues(parsed.error.issues, input) };
}

/**
 * Checks shape, node types and versions, params, templates, edges, the single trigger and loops.
 * When the shape is wrong, the nodes and edges that are well formed are still checked.
 */
export function validateFlow(input: unknown, catalog: NodeCatalog, options: ValidateFlowOptions = {}): ValidationResult<FlowDocument> {
  const parsed = FlowDocumentSchema.safeParse(input);
  const issues: ValidationIssue[] = parsed.success ? [] : schemaIssues(parsed.error.issues, input);
  const parts = parsed.success ? partsOf(parsed.data) : wellFormedParts(input);
  if (parts) issues.push(...ruleIssues(parts, catalog, options));
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors: issues };
}

export interface ValidateFlowOptions {
  /**
   * Check that `{{nodes.<id>}}` templates name a node before theirs (default true). The engine
   * turns it off to run stored versions saved before the check, failing the step instead.
   */
  references?: boolean;
}

interface FlowParts {
  nodes: IndexedNode[];
  edges: IndexedEdge[];
  allNodeIds: Set<string>;
  /** False when some node failed the schema, so rules about the whole flow cannot be judged. */
  complete: boolean;
}

function ruleIssues(parts: FlowParts, catalog: NodeCatalog, options: ValidateFlowOptions): ValidationIssue[] {
  const { issues, descriptors } = nodeIssues(parts.nodes, catalog);
  const connections = { ...parts, descriptors };
  const references = options.references === false ? [] : referenceIssues(connections);
  return [...issues, ...placeholderIssues(connections), ...references, ...triggerIssues(connections), ...edgeIssues(connections), ...joinIssues(connections), ...respondIssues(connections), ...cycleIssues(connections)];
}

function partsOf(document: FlowDocument): FlowParts {
  return {
    nodes: document.nodes.map((node, index) => ({ index, node })),
    edges: document.edges.map((edge, index) => ({ index, edge })),
    allNodeIds: new Set(document.nodes.map((node) => node.id)),
    complete: true,
  };
}

/** The nodes and edges that pass the schema on their own, when the document as a whole does not. */
function wellFormedParts(input: unknown): FlowParts | undefined {
  if (!isRecord(input) || !Array.isArray(input.nodes)) return undefined;
  const rawNodes: unknown[] = input.nodes;
  const rawEdges: unknown[] = Array.isArray(input.edges) ? input.edges : [];
  if (rawNodes.length > MAX_FLOW_NODES || rawEdges.length > MAX_FLOW_EDGES) return undefined;
  const nodes: IndexedNode[] = [];
  rawNodes.forEach((raw, index) => {
    const parsed = FlowNodeSchema.safeParse(raw);
    if (parsed.success) nodes.push({ index, node: parsed.data });
  });
  const edges: IndexedEdge[] = [];
  rawEdges.forEach((raw, index) => {
    const parsed = FlowEdgeSchema.safeParse(raw);
    if (parsed.success) edges.push({ index, edge: parsed.data });
  });
  const allNodeIds = new Set(rawNodes.map((raw) => (isRecord(raw) ? raw.id : undefined)).filter((id) => typeof id === 'string'));
  return { nodes, edges, allNodeIds, complete: nodes.length === rawNodes.length };
}

