import { formatDuration, formatTime } from '../../shared/format';
import { JsonTree } from '../../shared/JsonTree';
import { StatusBadge } from '../../shared/StatusBadge';
import type { NodeRunView } from '../store/run-view';

export function NodeRunResult({ view }: { view: NodeRunView | undefined }) {
  if (!view) return <p className="muted">This node has not run yet. Click “Test run” to run the flow on the sample.</p>;
  const { step, status } = view;
  return (
    <div className="run-result" data-testid="node-run-result">
      <p className="run-result-meta">
        <StatusBadge status={status} testId="node-run-status" />
        <span className="muted">
          {formatDuration(step.durationMs)}
          {step.attempts > 1 ? ` · ${step.attempts} attempts` : ''}
          {step.handle && step.handle !== 'main' ? ` · output “${step.handle}”` : ''}
        </span>
      </p>
      {step.error ? (
        <div className="error-message" role="alert" data-testid="node-run-error">
          <strong>{step.error.kind === 'config' ? 'Settings problem' : step.error.kind === 'template' ? 'Template problem' : 'Error'}: </strong>
          {step.error.message}
          {step.error.param ? <span className="muted"> (param “{step.error.param}”)</span> : null}
        </div>
      ) : null}
      {status === 'waiting' ? (
        <p className="muted" data-testid="node-run-waiting">
          The run is waiting here until {step.resumeAt ? formatTime(step.resumeAt) : 'its time'}; it goes on then, even if the server restarts meanwhile.
        </p>
      ) : null}
      {status === 'filtered' ? <p className="muted">The conditions sent the data to the “{step.handle}” output, where nothing is connected: the run stopped here.</p> : null}
      {status === 'error' && !step.error ? (
        <p className="error-message" role="alert" data-testid="node-run-error">
          This step failed without a recorded reason.
        </p>
      ) : null}
      {step.logs && step.logs.length > 0 ? (
        <>
          <h3 className="section-title">Console</h3>
          <pre className="step-logs" data-testid="step-logs">
            {step.logs.join('\n')}
          </pre>
        </>
      ) : null}
      {step.input !== undefined ? (
        <>
          <h3 className="section-title">Input</h3>
          <JsonTree value={step.input} label="Step input" testId="step-input" />
        </>
      ) : null}
      {/* A step that failed or was skipped has no output: say nothing rather than "undefined". */}
      {step.output !== undefined ? (
        <>
          <h3 className="section-title">Output</h3>
          <JsonTree value={step.output} label="Step output" testId="step-output" />
        </>
      ) : status !== 'error' && status !== 'skipped' ? (
        <p className="muted">This step gave no output.</p>
      ) : null}
    </div>
  );
}
