// A node's id, which templates use to read its output ({{nodes.<id>…}}). Renaming applies on
// "Rename" or Enter, not per keystroke, so half-typed ids never rewrite other nodes' templates.
import { useState } from 'react';
import { useEditorStore } from '../store/editor-store-context';

export function NodeIdField({ nodeId }: { nodeId: string }) {
  const renameNode = useEditorStore((state) => state.renameNode);
  const [draft, setDraft] = useState(nodeId);
  const [problems, setProblems] = useState<string[]>([]);
  const apply = () => setProblems(renameNode({ from: nodeId, to: draft.trim() }));

  return (
    <div className="field">
      <label className="field-label" htmlFor="node-id">
        Id
      </label>
      <div className="inline-controls">
        <input
          id="node-id"
          className="input code"
          value={draft}
          maxLength={64}
          spellCheck={false}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblems([]);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') apply();
          }}
        />
        <button type="button" className="button small" disabled={draft.trim() === nodeId} onClick={apply}>
          Rename
        </button>
      </div>
      <p className="field-help">
        Other nodes read this node's output as <code>{`{{nodes.${nodeId}…}}`}</code>; renaming updates them and the connections.
      </p>
      {problems.length > 0 ? (
        <div className="problems" role="alert" data-testid="rename-problems">
          <h3>Not renamed to "{draft.trim()}":</h3>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
