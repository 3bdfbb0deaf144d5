import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/endpoints';
import { queryKeys } from '../api/query-keys';
import { EmptyState } from '../shared/EmptyState';
import { ErrorMessage } from '../shared/ErrorMessage';
import { formatDuration, formatTime } from '../shared/format';
import type { ExecutionSummary } from '../api/api-types';
import { LoadingState } from '../shared/LoadingState';
import { StatusBadge } from '../shared/StatusBadge';
import { WaitingUntil } from '../shared/WaitingUntil';

const PAGE_SIZE = 25;

export function ExecutionList({ flowId, selectedId }: { flowId: string; selectedId?: string }) {
  const [status, setStatus] = useState('');
  const executions = useInfiniteQuery({
    queryKey: queryKeys.executions(flowId, status),
    queryFn: ({ pageParam }) => api.executions({ flowId, status: status || undefined, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
  const items = executions.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="execution-list">
      <div className="field inline-field">
        <label className="field-label" htmlFor="status-filter">
          Status
        </label>
        <select id="status-filter" className="input" value={status} onChange={(event) => setStatus(event.target.value)} data-testid="status-filter">
          <option value="">All</option>
          <option value="success">Success</option>
          <option value="filtered">Filtered</option>
          <option value="error">Error</option>
          <option value="waiting">Waiting</option>
          <option value="cancelled">Cancelled</option>
        </select>
      </div>
      {executions.isLoading ? <LoadingState label="Loading executions…" /> : null}
      {executions.error ? <ErrorMessage error={executions.error} title="Could not load executions" /> : null}
      {executions.data && items.length === 0 ? (
        <EmptyState title={status ? `No ${status} executions` : 'No executions yet'}>Each request to the active flow's trigger URL runs it once and shows up here.</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <table className="table executions-table" data-testid="executions-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Trigger</th>
            </tr>
          </thead>
          <tbody>
            {items.map((execution) => (
              <tr key={execution.id} className={execution.id === selectedId ? 'selected' : undefined} data-testid={`execution-row-${execution.id}`}>
                <td>
                  {execution.resolvedBy ? <ReplayedOk flowId={flowId} execution={execution} /> : <StatusBadge status={execution.status} />}
                  <WaitingUntil status={execution.status} resumeAt={execution.resumeAt} />
                  {execution.error?.handled ? (
                    <span className="muted small-text" data-testid="handled-error" title={execution.error.message}>
                      {' '}
                      · error handled
                    </span>
                  ) : null}
                </td>
                <td>
                  <Link href={`/flows/${flowId}/executions/${execution.id}`} className="flow-link" aria-current={execution.id === selectedId ? 'page' : undefined}>
                    {formatTime(execution.startedAt)}
                  </Link>
                  {execution.retryOf ? <span className="muted small-text"> (retry)</span> : null}
                </td>
                <td className="muted">{formatDuration(execution.durationMs)}</td>
                <td className="muted truncate" title={execution.triggerSummary ?? undefined}>
                  {execution.triggerSummary ?? `v${execution.flowVersion}`}
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
    </div>
  );
}

/** A failed run whose event a later run (a replay) got through: no longer an open failure. */
function ReplayedOk({ flowId, execution }: { flowId: string; execution: ExecutionSummary }) {
  return (
    <span className="replayed-ok" data-testid="replayed-ok" title={`Failed: ${execution.error?.message ?? 'error'}. A replay went through.`}>
      <span className="status-badge status-resolved">Failed</span>{' '}
      <Link href={`/flows/${flowId}/executions/${execution.resolvedBy}`} className="small-text">
        replayed OK
      </Link>
    </span>
  );
}
