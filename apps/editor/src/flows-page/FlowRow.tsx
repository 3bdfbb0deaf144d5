import { useState } from 'react';
import { Link } from 'wouter';
import type { FlowSummary } from '../api/api-types';
import { api } from '../api/endpoints';
import { formatRelative } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { downloadFlow } from './flow-file';

interface FlowRowProps {
  flow: FlowSummary;
  onRename(name: string): void;
  onDuplicate(): void;
  onDelete(): void;
}

export function FlowRow({ flow, onRename, onDuplicate, onDelete }: FlowRowProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(flow.name);
  const finishRename = () => {
    setEditing(false);
    const name = draft.trim();
    if (name && name !== flow.name) onRename(name);
  };
  const confirmDelete = () => {
    if (window.confirm(`Delete the flow "${flow.name}" with its history? This cannot be undone.`)) onDelete();
  };

  return (
    <tr data-testid={`flow-row-${flow.id}`}>
      <td>
        {editing ? (
          <input
            className="input"
            aria-label="Flow name"
            value={draft}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onBlur={finishRename}
            onKeyDown={(event) => {
              if (event.key === 'Enter') finishRename();
              if (event.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <Link href={`/flows/${flow.id}`} className="flow-link">
            {flow.name}
          </Link>
        )}
      </td>
      <td>{flow.active ? <span className="pill pill-on">Active</span> : <span className="pill">Inactive</span>}</td>
      <td>
        {flow.lastExecutionStatus ? <StatusBadge status={flow.lastExecutionStatus} /> : null} <span className="muted">{formatRelative(flow.lastExecutionAt)}</span>
      </td>
      <td className={flow.failures24h ? 'danger-text' : 'muted'}>{flow.failures24h ?? 0}</td>
      <td className="muted">{flow.nodeCount}</td>
      <td className="row-actions">
        <Link href={`/flows/${flow.id}/executions`} className="button small ghost">
          Executions
        </Link>
        <button type="button" className="button small ghost" onClick={() => { setDraft(flow.name); setEditing(true); }} aria-label={`Rename ${flow.name}`}>
          Rename
        </button>
        <button type="button" className="button small ghost" onClick={onDuplicate} aria-label={`Duplicate ${flow.name}`}>
          Duplicate
        </button>
        <button type="button" className="button small ghost" onClick={() => void api.flow(flow.id).then(downloadFlow)} aria-label={`Export ${flow.name}`}>
          Export
        </button>
        <button type="button" className="button small ghost danger" onClick={confirmDelete} aria-label={`Delete ${flow.name}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}
