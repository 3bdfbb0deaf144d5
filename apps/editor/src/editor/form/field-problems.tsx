// Validation problems for the open form, by param path, so each field shows its own.
import type { ValidationIssue } from '@hookflow/flow-model';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { JsonSchema } from '../../catalog/json-schema';
import { renderedFieldPath } from './field-paths';

type ProblemsAt = (path: string) => string[];

const FieldProblemsContext = createContext<ProblemsAt>(() => []);

/**
 * `issues` carry paths relative to params ("url", "conditions.0.op") in their `path`; each is shown
 * at the deepest field the form renders on its path (see renderedFieldPath).
 */
export function FieldProblemsProvider({ issues, schema, children }: { issues: readonly ValidationIssue[]; schema?: JsonSchema; children: ReactNode }) {
  const problemsAt = useMemo<ProblemsAt>(() => {
    const byPath = new Map<string, string[]>();
    for (const issue of issues) {
      const at = schema ? renderedFieldPath(schema, issue.path) : issue.path;
      // The editor's check and the server's often word a problem the same way: show it once.
      const messages = byPath.get(at) ?? [];
      const message = shortMessage(issue.message);
      if (!messages.includes(message)) byPath.set(at, [...messages, message]);
    }
    return (path) => byPath.get(path) ?? [];
  }, [issues, schema]);
  return <FieldProblemsContext.Provider value={problemsAt}>{children}</FieldProblemsContext.Provider>;
}

export function useFieldProblems(): ProblemsAt {
  return useContext(FieldProblemsContext);
}

/** Drops the 'Node "x" (Name): ' preamble: the panel already says which node. */
export function shortMessage(message: string): string {
  return message.replace(/^Node "[^"]*"(?: \([^)]*\))?: (?:param "[^"]*": )?/, '');
}
