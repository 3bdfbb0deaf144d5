// One failed execution: when it ran, why it failed, the request it made and the answer it got.
import { Link } from 'wouter';
import { formatTime } from '../shared/format';
import type { FailedExecution, FailedRequest, FailedResponse } from './failed-api';

export function FailedRow({ flowId, execution, selected, onToggle }: { flowId: string; execution: FailedExecution; selected: boolean; onToggle: (id: string) => void }) {
  const checkboxId = `failed-select-${execution.id}`;
  return (
    <tr data-testid={`failed-row-${execution.id}`} className={selected ? 'selected' : undefined}>
      <td>
        <input id={checkboxId} type="checkbox" checked={selected} onChange={() => onToggle(execution.id)} aria-label={`Select the run of ${formatTime(execution.startedAt)}`} />
      </td>
      <td>
        <Link href={`/flows/${flowId}/executions/${execution.id}`} className="flow-link">
          {formatTime(execution.startedAt)}
        </Link>
        {execution.retryOf ? <span className="muted small-text"> (replay)</span> : null}
        <div className="muted small-text">v{execution.flowVersion}</div>
      </td>
      <td>
        <p className="danger-text small-text">
          {execution.error?.nodeId ? <strong>{execution.error.nodeId}: </strong> : null}
          {execution.error?.message ?? 'failed'}
        </p>
        {execution.request ? <RequestDetails request={execution.request} response={execution.response} /> : <p className="muted small-text truncate">{execution.triggerSummary}</p>}
      </td>
    </tr>
  );
}

function RequestDetails({ request, response }: { request: FailedRequest; response: FailedResponse | null }) {
  return (
    <details className="sample-details">
      <summary className="small-text">
        <span className="request-line">
          {request.method} {request.url}
        </span>{' '}
        → {response ? <strong>{response.status}</strong> : <em>no answer</em>}
      </summary>
      <h4 className="small-text">Request</h4>
      <Headers headers={request.headers} />
      <pre className="small-text">{request.bodyPreview || '(no body)'}</pre>
      {response ? (
        <>
          <h4 className="small-text">Response {response.status}</h4>
          <Headers headers={response.headers} />
          <pre className="small-text">{response.bodyPreview || '(empty body)'}</pre>
        </>
      ) : null}
    </details>
  );
}

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <dl className="shortcuts">
      {entries.map(([name, value]) => (
        <div key={name} style={{ display: 'contents' }}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
