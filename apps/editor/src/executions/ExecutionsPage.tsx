// /flows/:id/executions[/:executionId]: a flow's runs, a chart of the last 24 h, and one run on
// the canvas of the version it ran. Loaded on demand (React.lazy) to keep the first load small.
import { useState } from 'react';
import { Link } from 'wouter';
import { useFlow } from '../api/queries';
import { AppHeader } from '../shared/AppHeader';
import { ExecutionDetailView } from './ExecutionDetailView';
import { ExecutionList } from './ExecutionList';
import { ExecutionsChart } from './ExecutionsChart';
import { FailedList } from './FailedList';

type ExecutionsTab = 'all' | 'failed';

export default function ExecutionsPage({ flowId, executionId }: { flowId: string; executionId?: string }) {
  const flow = useFlow(flowId);
  const [tab, setTab] = useState<ExecutionsTab>('all');
  return (
    <div className="app">
      <AppHeader
        title={
          <>
            <Link href={`/flows/${flowId}`} className="header-link">
              {flow.data?.name ?? 'Flow'}
            </Link>
            <span className="muted"> / Executions</span>
          </>
        }
      >
        <Link href={`/flows/${flowId}`} className="button">
          Open editor
        </Link>
      </AppHeader>
      <main className={executionId ? 'executions-layout with-detail' : 'executions-layout'}>
        <section className="executions-side" aria-label="Executions">
          <h1 className="page-title">Executions</h1>
          <ExecutionsChart flowId={flowId} />
          <div className="tabs" role="tablist" aria-label="Which runs">
            <TabButton tab="all" current={tab} onSelect={setTab} label="All runs" />
            <TabButton tab="failed" current={tab} onSelect={setTab} label="Failed" />
          </div>
          {tab === 'all' ? <ExecutionList flowId={flowId} selectedId={executionId} /> : <FailedList flowId={flowId} />}
        </section>
        {executionId ? <ExecutionDetailView key={executionId} flowId={flowId} executionId={executionId} /> : null}
      </main>
    </div>
  );
}

function TabButton({ tab, current, onSelect, label }: { tab: ExecutionsTab; current: ExecutionsTab; onSelect: (tab: ExecutionsTab) => void; label: string }) {
  return (
    <button type="button" role="tab" aria-selected={tab === current} className={tab === current ? 'active' : undefined} onClick={() => onSelect(tab)} data-testid={`executions-tab-${tab}`}>
      {label}
    </button>
  );
}
