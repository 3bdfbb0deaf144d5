// /executions: every flow's runs, newest first, narrowed by flow, status, start time and a search
// (an execution id, an event id, or words of the error message). Each row opens the run on its
// flow's executions page.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { useFlows } from '../api/queries';
import { AppHeader } from '../shared/AppHeader';
import { EmptyState } from '../shared/EmptyState';
import { ErrorMessage } from '../shared/ErrorMessage';
import { formatDuration, formatTime } from '../shared/format';
import { LoadingState } from '../shared/LoadingState';
import { StatusBadge } from '../shared/StatusBadge';
import { WaitingUntil } from '../shared/WaitingUntil';
import { allExecutionsKey, fetchAllExecutions, NO_FILTERS, type ExecutionFilters } from './all-executions-api';
import { ExecutionFiltersBar } from './ExecutionFiltersBar';

const PAGE_SIZE = 25;

export default function AllExecutionsPage() {
  const [filters, setFilters] = useState<ExecutionFilters>(NO_FILTERS);
  const flows = useFlows();
  const flowName = (id: string) => flows.data?.find((flow) => flow.id === id)?.name ?? id;
  const executions = useInfiniteQuery({
    queryKey: allExecutionsKey(filters),
    queryFn: ({ pageParam }) => fetchAllExecutions({ filters, limit: PAGE_SIZE, cursor: pageParam || undefined }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
  const items = executions.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some((value) => value !== '');

  return (
    <div className="app">
      <AppHeader title={<span>Executions</span>} />
      <main className="page">
        <h1 className="page-title">Executions of all flows</h1>
        <ExecutionFiltersBar filters={filters} flows={flows.data ?? []} onChange={setFilters} />
        <p className="muted small-text">The search matches a whole execution or event id, or words in the error message; it does not look inside request bodies.</p>
        {executions.isLoading ? <LoadingState label="Loading executions…" /> : null}
        {executions.error ? <ErrorMessage error={executions.error} title="Could not load executions" /> : null}
        {executions.data && items.length === 0 ? (
          <EmptyState title={filtered ? 'No executions match' : 'No executions yet'}>{filtered ? 'Change or clear the filters.' : 'Each request to an active flow’s trigger URL runs it once and shows up here.'}</EmptyState>
        ) : null}
        {items.length > 0 ? (
          <table className="table executions-table" data-testid="all-executions-table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Flow</th>
                <th scope="col">Duration</th>
                <th scope="col">Error or trigger</th>
              </tr>
            </thead>
            <tbody>
              {items.map((execution) => (
                <tr key={execution.id} data-testid={`execution-row-${execution.id}`}>
                  <td>
                    <StatusBadge status={execution.status} />
                    <WaitingUntil status={execution.status} resumeAt={execution.resumeAt} />
                  </td>
                  <td>
                    <Link href={`/flows/${execution.flowId}/executions/${execution.id}`} className="flow-link" title={`Execution ${execution.id}, event ${execution.eventId}`}>
                      {formatTime(execution.startedAt)}
                    </Link>
                    {execution.retryOf ? <span className="muted small-text"> (retry)</span> : null}
                  </td>
                  <td>{flowName(execution.flowId)}</td>
                  <td className="muted">{formatDuration(execution.durationMs)}</td>
                  <td className="muted truncate" title={execution.error?.message ?? execution.triggerSummary ?? undefined}>
                    {execution.error ? <span className="error-inline">{execution.error.message}</span> : (execution.triggerSummary ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {executions.hasNextPage ? (
          <button type="button" className="button small" onClick={() => void executions.fetchNextPage()} disabled={executions.isFetchingNextPage}>
            Load more
          </button>
        ) : null}
      </main>
    </div>
  );
}
