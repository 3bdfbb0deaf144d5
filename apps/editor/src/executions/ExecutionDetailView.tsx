// One execution on the canvas of the flow version it ran, each node with its status; read-only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useLocation } from 'wouter';
import type { CapturedRequest, ExecutionDetail, FlowVersion } from '../api/api-types';
import { api } from '../api/endpoints';
import { isRecord } from '../api/http';
import { useCatalog } from '../api/queries';
import { queryKeys } from '../api/query-keys';
import { refreshAfterRuns } from '../api/refresh-after-run';
import type { EditorCatalog } from '../catalog/node-type-catalog';
import { FlowCanvas } from '../editor/canvas/FlowCanvas';
import { ConfigPanel } from '../editor/panel/ConfigPanel';
import { createEditorStore } from '../editor/store/editor-store';
import { EditorStoreProvider } from '../editor/store/editor-store-context';
import { ErrorMessage } from '../shared/ErrorMessage';
import { formatDuration, formatTime } from '../shared/format';
import { LoadingState } from '../shared/LoadingState';
import { StatusBadge } from '../shared/StatusBadge';
import { WaitingUntil } from '../shared/WaitingUntil';

export function ExecutionDetailView({ flowId, executionId }: { flowId: string; executionId: string }) {
  const execution = useQuery({ queryKey: queryKeys.execution(executionId), queryFn: () => api.execution(executionId) });
  const versionId = execution.data?.flowVersionId;
  const version = useQuery({ queryKey: queryKeys.flowVersion(versionId ?? ''), queryFn: () => api.flowVersion(versionId ?? ''), enabled: Boolean(versionId), staleTime: Infinity });
  const { catalog, error: catalogError } = useCatalog();
  const error = execution.error ?? version.error ?? catalogError;

  return (
    <section className="execution-detail" aria-label="Execution">
      {error ? <ErrorMessage error={error} title="Could not open the execution" /> : null}
      {!error && (!execution.data || !version.data || !catalog) ? <LoadingState label="Loading the execution…" /> : null}
      {execution.data ? <ExecutionHeader flowId={flowId} execution={execution.data} /> : null}
      {execution.data && version.data && catalog ? <ExecutionCanvas execution={execution.data} version={version.data} catalog={catalog} /> : null}
    </section>
  );
}

function ExecutionHeader({ flowId, execution }: { flowId: string; execution: ExecutionDetail }) {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const cancel = useMutation({
    mutationFn: () => api.cancelExecution(execution.id),
    onSuccess: () => void refreshAfterRuns(queryClient, { flowId, executionIds: [execution.id] }).catch(() => undefined),
  });
  const retry = useMutation({
    mutationFn: () => api.retryExecution(execution.id),
    onSuccess: ({ executionId }) => {
      void refreshAfterRuns(queryClient, { flowId, executionIds: [executionId] }).catch(() => undefined);
      navigate(`/flows/${flowId}/executions/${executionId}`);
    },
  });
  return (
    <div className="execution-header">
      <StatusBadge status={execution.status} testId="execution-status" />
      <WaitingUntil status={execution.status} resumeAt={execution.resumeAt} />
      <span>
        {formatTime(execution.startedAt)} · {formatDuration(execution.durationMs)} · version {execution.flowVersion}
      </span>
      {/* A waiting run goes on by itself (a second run of its event would repeat what follows the
          delay), or is cancelled; any other run can be retried. */}
      {execution.status === 'waiting' ? (
        <button type="button" className="button" onClick={() => cancel.mutate()} disabled={cancel.isPending} title="Stop this run: it will not go on after the delay">
          {cancel.isPending ? 'Cancelling…' : 'Cancel the wait'}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
          {retry.isPending ? 'Retrying…' : 'Retry'}
        </button>
      )}
      {execution.error?.handled ? (
        <p className="warning-message execution-error" data-testid="execution-handled-error">
          Error handled, the run went on: {execution.error.nodeId ? <strong>{execution.error.nodeId}: </strong> : null}
          {execution.error.message}
        </p>
      ) : execution.error ? (
        <p className="error-message execution-error" role="alert">
          {execution.error.nodeId ? <strong>{execution.error.nodeId}: </strong> : null}
          {execution.error.message}
        </p>
      ) : null}
      <ErrorMessage error={retry.error} title="Could not retry" />
      <ErrorMessage error={cancel.error} title="Could not cancel" />
    </div>
  );
}

function ExecutionCanvas({ execution, version, catalog }: { execution: ExecutionDetail; version: FlowVersion; catalog: EditorCatalog }) {
  const store = useMemo(() => {
    const made = createEditorStore({ flowId: version.flowId, document: version.document, catalog, readOnly: true });
    made.getState().setRun({ status: execution.status, steps: execution.steps, durationMs: execution.durationMs ?? undefined, error: execution.error?.message });
    const sample = sampleFromTrigger(execution);
    if (sample) made.getState().setSample(sample);
    const firstFailed = execution.steps.find((step) => step.status === 'error') ?? execution.steps[execution.steps.length - 1];
    if (firstFailed) made.getState().selectNode(firstFailed.nodeId);
    return made;
  }, [execution, version, catalog]);
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <div className="execution-body">
          <div className="canvas-column">
            <FlowCanvas />
          </div>
          <ConfigPanel />
        </div>
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

/** The trigger's output is the request the run started from: templates preview against it. */
function sampleFromTrigger(execution: ExecutionDetail): CapturedRequest | null {
  const output = execution.steps[0]?.output;
  if (!isRecord(output) || typeof output.method !== 'string') return null;
  return {
    id: execution.eventId,
    method: output.method,
    headers: isRecord(output.headers) ? stringValues(output.headers) : {},
    query: {},
    body: output.body,
    receivedAt: typeof output.receivedAt === 'string' ? output.receivedAt : execution.startedAt,
  };
}

function stringValues(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
