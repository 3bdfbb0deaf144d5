// A count of the flow's problems under the canvas; open it to list them and jump to a node.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../store/editor-store-context';
import type { IssueIndex } from '../store/issue-index';

export function ProblemsBar() {
  const { issues, serverIssues, readOnly, selectNode } = useEditorStore(
    useShallow((state) => ({ issues: state.issues, serverIssues: state.serverIssues, readOnly: state.readOnly, selectNode: state.selectNode })),
  );
  const [open, setOpen] = useState(false);
  if (readOnly) return null;
  const problems = listProblems(issues, serverIssues);
  if (problems.length === 0) {
    return (
      <div className="problems-bar ok" data-testid="problems-bar">
        No problems found.
      </div>
    );
  }
  return (
    <div className="problems-bar" data-testid="problems-bar">
      <button type="button" className="button small ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {problems.length} problem{problems.length === 1 ? '' : 's'} {open ? '▾' : '▸'}
      </button>
      {open ? (
        <ul className="problems-list">
          {problems.map(({ message, nodeId }) => (
            <li key={`${nodeId ?? ''}:${message}`}>
              {nodeId ? (
                <button type="button" className="link-button" onClick={() => selectNode(nodeId)}>
                  {message}
                </button>
              ) : (
                message
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function listProblems(...indexes: IssueIndex[]): Array<{ message: string; nodeId?: string }> {
  const seen = new Set<string>();
  const problems: Array<{ message: string; nodeId?: string }> = [];
  for (const index of indexes) {
    for (const issue of [...index.flow, ...Object.values(index.byNode).flat()]) {
      if (seen.has(issue.message)) continue;
      seen.add(issue.message);
      problems.push({ message: issue.message, nodeId: issue.nodeId });
    }
  }
  return problems;
}
