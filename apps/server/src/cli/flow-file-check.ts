// Checks flow files offline exactly as the server checks flow documents: the shape check every
// save passes (parseFlowDocument), then the full check activation needs (checkFlowDocument, the
// function FlowsService uses, over the same built-in node types). As on the server, only an active
// flow must pass the full check; an inactive one may be a draft, and its problems are warnings.
import type { NodeRegistry } from '@hookflow/engine';
import { parseFlowDocument, type ValidationIssue } from '@hookflow/flow-model';
import { checkFlowDocument } from '../flows/flow-check';
import type { FileIssue, FlowFileEntry } from './flow-dir';
import { errorFlowKeyOf, readReferencesByName, redactedPaths, type ReferenceProblem } from './flow-references';

/** Stands in for ids offline: an id is just text to the checks, and this one fits every id field. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

export function checkFlowFiles(entries: readonly FlowFileEntry[], registry: NodeRegistry): FileIssue[] {
  const keys = new Set(entries.map((entry) => entry.key));
  return entries.flatMap((entry) => checkFlowFile({ entry, keys, registry }));
}

function checkFlowFile({ entry, keys, registry }: { entry: FlowFileEntry; keys: Set<string>; registry: NodeRegistry }): FileIssue[] {
  const { file } = entry;
  const resolved = readReferencesByName(entry.json, { credential: (name) => name, flow: () => PLACEHOLDER_ID });
  const issues = resolved.errors.map((problem) => fromReference(file, problem));
  const errorFlowKey = errorFlowKeyOf(entry.json);
  if (errorFlowKey !== undefined && !keys.has(errorFlowKey)) {
    issues.push({ file, severity: 'warning', path: 'settings.onErrorFlowId', message: `no file has the key "${errorFlowKey}"; apply looks for it on the server` });
  }
  const parsed = parseFlowDocument(resolved.document);
  if (!parsed.ok) return [...issues, ...parsed.errors.map((issue) => fromValidation({ file, issue, severity: 'error', input: resolved.document }))];
  const document = parsed.value;
  const check = checkFlowDocument(document, registry);
  const severity = entry.active ? 'error' : 'warning';
  issues.push(...check.errors.map((issue) => fromValidation({ file, issue, severity, input: document })));
  for (const secret of redactedPaths(document)) {
    issues.push({
      file,
      severity: 'warning',
      nodeId: secret.nodeId,
      path: secret.path,
      message: 'a secret the server would not hand out ("[redacted]"); a new flow would get that text as its secret, so keep it in a credential and write { "name": "<credential>" }',
    });
  }
  return issues;
}

/** `file: node <id> param <path>: message`, or `file: <path>: message` for the flow itself. */
export function formatIssue(issue: FileIssue): string {
  const where = issue.nodeId === undefined ? issue.path : `node ${issue.nodeId}${issue.path.startsWith('params.') ? ` param ${issue.path.slice('params.'.length)}` : issue.path ? ` ${issue.path}` : ''}`;
  const prefix = issue.severity === 'warning' ? 'warning: ' : '';
  return `${prefix}${issue.file}: ${where ? `${where}: ` : ''}${issue.message}`;
}

function fromReference(file: string, problem: ReferenceProblem): FileIssue {
  return { file, severity: 'error', ...(problem.nodeId === undefined ? {} : { nodeId: problem.nodeId }), path: problem.path, message: problem.message };
}

/** The server's issue with the node's place in the file instead of its index, and without repeating the node. */
function fromValidation({ file, issue, severity, input }: { file: string; issue: ValidationIssue; severity: FileIssue['severity']; input: unknown }): FileIssue {
  const inNode = /^nodes\.\d+\.?(.*)$/.exec(issue.path);
  if (issue.nodeId === undefined || !inNode) {
    const suffix = severity === 'warning' ? ' (the flow is inactive; activating it would fail)' : '';
    return { file, severity, path: issue.path, message: `${issue.message}${suffix}` };
  }
  const path = inNode[1];
  let message = withoutPrefix(issue.message, `${labelOf(input, issue.nodeId)}: `);
  if (path.startsWith('params.')) message = withoutPrefix(message, `param "${path.slice('params.'.length)}": `);
  if (severity === 'warning') message += ' (the flow is inactive; activating it would fail)';
  return { file, severity, nodeId: issue.nodeId, path, message };
}

/** How flow-model's messages name a node: `Node "shape" (Shape the order)`. */
function labelOf(input: unknown, nodeId: string): string {
  const node = nodesOf(input).find((candidate) => candidate.id === nodeId);
  const detail = (typeof node?.name === 'string' ? node.name.trim() : '') || (typeof node?.type === 'string' ? node.type : '');
  return detail ? `Node "${nodeId}" (${detail})` : `Node "${nodeId}"`;
}

function nodesOf(input: unknown): Array<Record<string, unknown>> {
  if (typeof input !== 'object' || input === null || !('nodes' in input) || !Array.isArray(input.nodes)) return [];
  return input.nodes.filter((node: unknown): node is Record<string, unknown> => typeof node === 'object' && node !== null);
}

function withoutPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}
