// What the last save, activation or test run said: the run's outcome, or the server's refusal.
// A refusal for validation problems only counts them here: each is told once, at its field or node
// and in the problems list under the canvas, which opens by itself.
import { useShallow } from 'zustand/react/shallow';
import { ApiError } from '../../api/http';
import { ErrorMessage } from '../../shared/ErrorMessage';
import { formatDuration } from '../../shared/format';
import { StatusBadge } from '../../shared/StatusBadge';
import { useEditorStore } from '../store/editor-store-context';

interface CommandFeedbackProps {
  saveError: unknown;
  activationError: unknown;
  testRunError: unknown;
  onDismiss(): void;
}

export function CommandFeedback({ saveError, activationError, testRunError, onDismiss }: CommandFeedbackProps) {
  const failure = activationError ? { error: activationError, title: 'Could not activate the flow' } : saveError ? { error: saveError, title: 'Could not save' } : testRunError ? { error: testRunError, title: 'Could not run the test' } : null;
  return (
    <>
      {failure ? (
        <div className="feedback feedback-error" data-testid="command-error">
          {failure.error instanceof ApiError && failure.error.issues.length > 0 ? (
            <p className="error-message" role="alert">
              <strong>{failure.title}: </strong>
              {failure.error.issues.length === 1 ? 'one problem needs fixing first' : `${failure.error.issues.length} problems need fixing first`}. Each is marked on its node and listed under
              the canvas.
            </p>
          ) : (
            <ErrorMessage error={failure.error} title={failure.title} />
          )}
          <button type="button" className="button small ghost" onClick={onDismiss} aria-label="Dismiss message">
            ✕
          </button>
        </div>
      ) : null}
      <TestRunSummary />
    </>
  );
}

function TestRunSummary() {
  const { run, hasSample, setRun } = useEditorStore(useShallow((state) => ({ run: state.run, hasSample: state.sample !== null, setRun: state.setRun })));
  if (!run) return null;
  return (
    <div className={`feedback feedback-${run.status}`} data-testid="test-run-summary" role="status">
      <StatusBadge status={run.status} testId="test-run-status" />
      <span>
        Test run {run.status === 'success' ? 'succeeded' : run.status === 'filtered' ? 'stopped at a filter' : 'failed'} in {formatDuration(run.durationMs)}.
        {run.error ? ` ${run.error}` : ''} Click a node to see its input and output.
        {hasSample ? '' : ' (No sample yet: the run used an empty body.)'}
      </span>
      <button type="button" className="button small ghost" onClick={() => setRun(null)} aria-label="Clear test run results">
        Clear
      </button>
    </div>
  );
}
