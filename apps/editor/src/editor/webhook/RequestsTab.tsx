// The webhook's last requests: what came in, what became of it; any can become the sample or be
// sent again to the live flow.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { queryKeys } from '../../api/query-keys';
import { refreshAfterRuns } from '../../api/refresh-after-run';
import { EmptyState } from '../../shared/EmptyState';
import { ErrorMessage } from '../../shared/ErrorMessage';
import { formatBytes, formatTime } from '../../shared/format';
import { LoadingState } from '../../shared/LoadingState';
import { StatusBadge } from '../../shared/StatusBadge';
import { useEditorStore } from '../store/editor-store-context';

export function RequestsTab() {
  const flowId = useEditorStore((state) => state.flowId);
  const setSample = useEditorStore((state) => state.setSample);
  const sampleId = useEditorStore((state) => state.sample?.id);
  const queryClient = useQueryClient();
  const events = useQuery({ queryKey: queryKeys.events(flowId), queryFn: () => api.events({ flowId, limit: 20 }), refetchInterval: 10_000 });
  const replay = useMutation({
    mutationFn: api.replayEvent,
    onSuccess: ({ eventId }) => void refreshAfterRuns(queryClient, { flowId, eventId }).catch(() => undefined),
  });

  if (events.isLoading) return <LoadingState label="Loading requests…" />;
  if (events.error) return <ErrorMessage error={events.error} title="Could not load requests" />;
  const items = events.data?.items ?? [];
  if (items.length === 0) return <EmptyState title="No requests yet">Requests sent to the live trigger URL show up here.</EmptyState>;
  return (
    <div className="requests">
      <ErrorMessage error={replay.error} title="Could not re-send" />
      {replay.isSuccess ? <p className="success-text" role="status">Sent again as event {replay.data.eventId}.</p> : null}
      <ul className="request-list" data-testid="request-list">
        {items.map((event) => (
          <li key={event.id} className="request-item" data-testid={`request-${event.id}`}>
            <div className="request-line">
              <strong>{event.method}</strong>
              <span className="muted">{formatTime(event.receivedAt)}</span>
              <StatusBadge status={event.status} />
              {event.httpStatus ? <span className="muted">HTTP {event.httpStatus}</span> : null}
              <span className="muted">{formatBytes(event.size)}</span>
            </div>
            {event.reason ? <p className="request-reason">{event.reason}</p> : null}
            <div className="request-actions">
              <button type="button" className="button small" onClick={() => setSample(event)} disabled={sampleId === event.id}>
                {sampleId === event.id ? 'Current sample' : 'Use as sample'}
              </button>
              <button type="button" className="button small" onClick={() => replay.mutate(event.id)} disabled={replay.isPending || event.status === 'rejected'} title="Send this request to the live flow again">
                Re-send
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
