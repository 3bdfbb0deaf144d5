// A node's problems, each shown in one place: those about a param at the field that edits it (the
// form), the rest at the top of the node's panel, which names the fields to fix without repeating
// their messages.
import { paramLabel, type ValidationIssue } from '@hookflow/flow-model';
import type { JsonSchema } from '../../catalog/json-schema';
import { renderedFieldPath } from '../form/field-paths';
import { shortMessage } from '../form/field-problems';

export interface NodeProblems {
  /** Messages no field shows (the node's type, its params as a whole, its edges). */
  general: string[];
  /** Labels of the fields that show a problem ("URL", "Conditions › 1 › Value"), each once. */
  fields: string[];
}

export function splitNodeProblems({ issues, schema, paramsSchema }: { issues: readonly ValidationIssue[]; schema: JsonSchema | undefined; paramsSchema: unknown }): NodeProblems {
  const general: string[] = [];
  const fields: string[] = [];
  for (const issue of issues) {
    const relative = paramPathOf(issue.path);
    const field = relative === undefined || !schema ? '' : renderedFieldPath(schema, relative);
    if (field === '') {
      const message = shortMessage(issue.message);
      if (!general.includes(message)) general.push(message);
      continue;
    }
    const label = paramLabel(paramsSchema, field);
    if (!fields.includes(label)) fields.push(label);
  }
  return { general, fields };
}

/** "nodes.3.params.conditions.0.op" → "conditions.0.op", so each field finds its problems. */
export function relativeToParams(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const relative = paramPathOf(issue.path);
    return relative === undefined ? [] : [{ ...issue, path: relative }];
  });
}

function paramPathOf(path: string): string | undefined {
  const match = /^nodes\.\d+\.params(?:\.(.*))?$/.exec(path);
  return match ? (match[1] ?? '') : undefined;
}
