// One node's panel: Settings (its form), Output (what the last run did there) and, for a webhook,
// Requests (what reached its URL); below them, for other nodes, "Test this node".
import type { ValidationIssue } from '@hookflow/flow-model';
import { useMemo, useState } from 'react';
import { NodeIcon } from '../../shared/NodeIcon';
import { useEditorStore } from '../store/editor-store-context';
import { mergeIssues } from '../store/issue-index';
import { RequestsTab } from '../webhook/RequestsTab';
import { splitNodeProblems } from './node-problems';
import { NodeRunResult } from './NodeRunResult';
import { NodeSettings } from './NodeSettings';
import { NodeTest } from './NodeTest';

type Tab = 'settings' | 'output' | 'requests';

const NO_ISSUES: ValidationIssue[] = [];

export function NodePanel({ nodeId }: { nodeId: string }) {
  const data = useEditorStore((state) => state.nodes.find((node) => node.id === nodeId)?.data);
  const entry = useEditorStore((state) => (data ? state.catalog?.entry(data.type, data.typeVersion) ?? state.catalog?.entry(data.type) : undefined));
  const runView = useEditorStore((state) => state.run?.byNode[nodeId]);
  const readOnly = useEditorStore((state) => state.readOnly);
  const clientIssues = useEditorStore((state) => state.issues.byNode[nodeId] ?? NO_ISSUES);
  const serverIssues = useEditorStore((state) => state.serverIssues.byNode[nodeId] ?? NO_ISSUES);
  const problems = useMemo(
    () => splitNodeProblems({ issues: mergeIssues(clientIssues, serverIssues), schema: entry?.schema, paramsSchema: entry?.info.paramsSchema }),
    [clientIssues, serverIssues, entry],
  );
  const [tab, setTab] = useState<Tab>(runView ? 'output' : 'settings');
  if (!data) return null;
  const isTrigger = entry?.info.trigger === true;
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'settings', label: 'Settings' },
    { id: 'output', label: runView ? `Output (${runView.status})` : 'Output' },
    ...(isTrigger && data.type === 'webhook' && !readOnly ? [{ id: 'requests' as const, label: 'Requests' }] : []),
  ];

  return (
    <div className="panel-body">
      <div className="panel-heading">
        <span className={`palette-icon category-${(entry?.info.category ?? 'other').toLowerCase()}`}>
          <NodeIcon icon={entry?.info.icon} />
        </span>
        <div>
          <h2 className="panel-title">{data.name || entry?.info.label || data.type}</h2>
          <p className="muted small-text">
            {entry?.info.label ?? data.type} · id <code>{nodeId}</code>
          </p>
        </div>
      </div>
      {problems.general.length > 0 || problems.fields.length > 0 ? (
        <div className="problems" role="alert" data-testid="node-problems">
          <ul>
            {problems.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
            {/* Field problems are told at their fields; here only which fields, so nothing reads twice. */}
            {problems.fields.length > 0 ? (
              <li>
                {problems.fields.length === 1 ? 'A setting needs fixing' : `${problems.fields.length} settings need fixing`}: {problems.fields.join(', ')}
                {tab === 'settings' ? ' (marked below)' : ' (see Settings)'}.
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Node panel">
        {tabs.map(({ id, label }) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`tabpanel-${id}`} className={tab === id ? 'active' : undefined} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'settings' ? <NodeSettings nodeId={nodeId} data={data} entry={entry} readOnly={readOnly} /> : null}
        {tab === 'output' ? <NodeRunResult view={runView} /> : null}
        {tab === 'requests' ? <RequestsTab /> : null}
      </div>
      {entry && !isTrigger && !readOnly && tab !== 'requests' ? <NodeTest nodeId={nodeId} entry={entry} /> : null}
    </div>
  );
}
