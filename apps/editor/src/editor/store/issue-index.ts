// Validation problems grouped by the node they name, so each canvas node reads only its own.
import type { ValidationIssue } from '@hookflow/flow-model';

export interface IssueIndex {
  byNode: Record<string, ValidationIssue[]>;
  /** Problems about the flow as a whole (no trigger, a loop, the name). */
  flow: ValidationIssue[];
}

export const NO_ISSUES: IssueIndex = { byNode: {}, flow: [] };

export function indexIssues(issues: readonly ValidationIssue[]): IssueIndex {
  if (issues.length === 0) return NO_ISSUES;
  const byNode: Record<string, ValidationIssue[]> = {};
  const flow: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.nodeId) (byNode[issue.nodeId] ??= []).push(issue);
    else flow.push(issue);
  }
  return { byNode, flow };
}

/** Messages of the editor's and the server's problems, each problem once (see mergeIssues). */
export function mergeMessages(client: readonly ValidationIssue[] | undefined, server: readonly ValidationIssue[] | undefined): string[] {
  return [...new Set(mergeIssues(client, server).map((issue) => issue.message))];
}

/**
 * The editor's own problems, then the server's that the editor does not already report at the same
 * node and path: the two checks often word one problem a little differently, and it must read once.
 */
export function mergeIssues(client: readonly ValidationIssue[] | undefined, server: readonly ValidationIssue[] | undefined): ValidationIssue[] {
  const own = client ?? [];
  const at = new Set(own.map(issueKey));
  return [...own, ...(server ?? []).filter((issue) => !at.has(issueKey(issue)))];
}

function issueKey(issue: ValidationIssue): string {
  return `${issue.nodeId ?? ''}\u0000${issue.path}`;
}
