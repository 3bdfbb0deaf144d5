// Validation problems for the open form, by param path, so each field shows its own.
import type { ValidationIssue } from '@hookflow/flow-model';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

type ProblemsAt = (path: string) => string[];

const FieldProblemsContext = createContext<ProblemsAt>(() => []);

/** `issues` carry paths relative to params ("url", "conditions.0.op") in their `path`. */
export function FieldProblemsProvider({ issues, children }: { issues: readonly ValidationIssue[]; children: ReactNode }) {
  const problemsAt = useMemo<ProblemsAt>(() => {
    const byPath = new Map<string, string[]>();
    for (const issue of issues) {
      // The editor's check and the server's often word a problem the same way: show it once.
      const messages = byPath.get(issue.path) ?? [];
      const message = shortMessage(issue.message);
      if (!messages.includes(message)) byPath.set(issue.path, [...messages, message]);
    }
    return (path) => byPath.get(path) ?? [];
  }, [issues]);
  return <FieldProblemsContext.Provider value={problemsAt}>{children}</FieldProblemsContext.Provider>;
}

export function useFieldProblems(): ProblemsAt {
  return useContext(FieldProblemsContext);
}

/** Drops the 'Node "x" (Name): param "y": ' preamble: the field already says which node and param. */
function shortMessage(message: string): string {
  return message.replace(/^Node "[^"]*"(?: \([^)]*\))?: (?:param "[^"]*": )?/, '');
}
