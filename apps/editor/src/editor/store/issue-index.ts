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

/** Messages of both lists, each once: the server and the editor often word the same problem alike. */
export function mergeMessages(...lists: Array<readonly ValidationIssue[] | undefined>): string[] {
  return [...new Set(lists.flatMap((list) => (list ?? []).map((issue) => issue.message)))];
}
