// The "Failed" tab: executions that still have not delivered (dead letter). Pick some, or all of
// the flow's, and replay them on the version they ran or on the flow's current version.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refreshAfterRuns } from '../api/refresh-after-run';
import { EmptyState } from '../shared/EmptyState';
import { ErrorMessage } from '../shared/ErrorMessage';
import { LoadingState } from '../shared/LoadingState';
import { failedApi, failedKey, type ReplayRequest, type ReplayResult, type ReplayVersion } from './failed-api';
import { FailedRow } from './FailedRow';

const PAGE_SIZE = 25;

export function FailedList({ flowId }: { flowId: string }) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [version, setVersion] = useState<ReplayVersion>('original');
  const failed = useInfiniteQuery({
    queryKey: failedKey(flowId),
    queryFn: ({ pageParam }) => failedApi.list({ flowId, limit: PAGE_SIZE, cursor: pageParam || undefined }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
  const replay = useMutation({
    mutationFn: (request: ReplayRequest) => failedApi.replay(request),
    onSuccess: (result) => {
      setSelected(new Set());
      void refreshAfterRuns(queryClient, { flowId, executionIds: result.replayed.map((run) => run.executionId) }).catch(() => undefined);
    },
  });
  const items = failed.data?.pages.flatMap((page) => page.items) ?? [];
  const allShownSelected = items.length > 0 && items.every((item) => selected.has(item.id));

  const toggle = (id: string) => setSelected((current) => toggled(current, id));
  const toggleAll = () => setSelected(allShownSelected ? new Set() : new Set(items.map((item) => item.id)));

  return (
    <div className="execution-list" data-testid="failed-list">
      <p className="muted small-text">Runs that failed after every retry and have not been delivered since. A replay that succeeds takes its run off this list.</p>
      <div className="toolbar-group">
        <label className="field-label" htmlFor="replay-version">
          Replay on
        </label>
        <select id="replay-version" className="input" value={version} onChange={(event) => setVersion(event.target.value === 'current' ? 'current' : 'original')} data-testid="replay-version">
          <option value="original">the version each run used</option>
          <option value="current">the current version</option>
        </select>
        <button type="button" className="button primary" disabled={selected.size === 0 || replay.isPending} onClick={() => replay.mutate({ executionIds: [...selected], version })} data-testid="replay-selected">
          {replay.isPending ? 'Replaying…' : `Replay selected (${selected.size})`}
        </button>
        <button type="button" className="button" disabled={items.length === 0 || replay.isPending} onClick={() => replay.mutate({ flowId, allFailed: true, version })} data-testid="replay-all">
          Replay all failed
        </button>
      </div>
      <ReplayOutcome result={replay.data} error={replay.error} />
      {failed.isLoading ? <LoadingState label="Loading failed runs…" /> : null}
      {failed.error ? <ErrorMessage error={failed.error} title="Could not load failed runs" /> : null}
      {failed.data && items.length === 0 ? <EmptyState title="Nothing failed">Every run so far was delivered, or replayed successfully.</EmptyState> : null}
      {items.length > 0 ? (
        <table className="table executions-table" data-testid="failed-table">
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" checked={allShownSelected} onChange={toggleAll} aria-label="Select all shown" data-testid="failed-select-all" />
              </th>
              <th scope="col">Started</th>
              <th scope="col">Error, request and response</th>
            </tr>
          </thead>
          <tbody>
            {items.map((execution) => (
              <FailedRow key={execution.id} flowId={flowId} execution={execution} selected={selected.has(execution.id)} onToggle={toggle} />
            ))}
          </tbody>
        </table>
      ) : null}
      {failed.hasNextPage ? (
        <button type="button" className="button small" onClick={() => void failed.fetchNextPage()} disabled={failed.isFetchingNextPage}>
          Load more
        </button>
      ) : null}
    </div>
  );
}

function ReplayOutcome({ result, error }: { result: ReplayResult | undefined; error: unknown }) {
  if (error) return <ErrorMessage error={error} title="Could not replay" />;
  if (!result) return null;
  const count = result.replayed.length;
  return (
    <p className="success-text small-text" role="status" data-testid="replay-result">
      {count === 0 ? 'Nothing to replay.' : `Replaying ${count} run${count === 1 ? '' : 's'}; each shows up in the list of all runs as it finishes.`}
    </p>
  );
}

function toggled(current: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(current);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
