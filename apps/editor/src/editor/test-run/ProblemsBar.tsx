// A count of the flow's problems under the canvas; open it to list them and jump to a node.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../store/editor-store-context';
import { mergeIssues, type IssueIndex } from '../store/issue-index';

export function ProblemsBar() {
  const { issues, serverIssues, readOnly, selectNode } = useEditorStore(
    useShallow((state) => ({ issues: state.issues, serverIssues: state.serverIssues, readOnly: state.readOnly, selectNode: state.selectNode })),
  );
  const [open, setOpen] = useState(false);
  // The server refused a save or activation: its reasons are listed here (the banner only counts them).
  const refused = serverIssues.flow.length > 0 || Object.values(serverIssues.byNode).some((issues) => issues.length > 0);
  useEffect(() => {
    if (refused) setOpen(true);
  }, [refused, serverIssues]);
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

function listProblems(client: IssueIndex, server: IssueIndex): Array<{ message: string; nodeId?: string }> {
  const all = (index: IssueIndex) => [...index.flow, ...Object.values(index.byNode).flat()];
  const seen = new Set<string>();
  const problems: Array<{ message: string; nodeId?: string }> = [];
  for (const issue of mergeIssues(all(client), all(server))) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    problems.push({ message: issue.message, nodeId: issue.nodeId });
  }
  return problems;
}
