// Where the webhook is reached: the live URL (once active) and the test URL, a ready curl line,
// and "Listen for test event" to capture a real request as the sample.
import { useFlow } from '../../api/queries';
import { useEditorStore } from '../store/editor-store-context';
import { curlCommand } from './curl-command';
import { CopyButton } from './CopyButton';
import { SampleSummary } from './SampleSummary';
import { UrlBox } from './UrlBox';
import { useTestListener } from './use-test-listener';

export function WebhookTrigger({ nodeId }: { nodeId: string }) {
  const flowId = useEditorStore((state) => state.flowId);
  const setSample = useEditorStore((state) => state.setSample);
  const method = useEditorStore((state) => {
    const value = state.nodes.find((node) => node.id === nodeId)?.data.params.method;
    return typeof value === 'string' ? value : 'POST';
  });
  const flow = useFlow(flowId).data;
  const liveUrl = flow?.triggers.find((trigger) => trigger.nodeId === nodeId)?.url;
  const testUrl = flow?.testUrl;
  const listener = useTestListener({ flowId, onRequest: setSample });
  const curl = liveUrl ? curlCommand({ url: liveUrl, method }) : testUrl ? curlCommand({ url: testUrl, method }) : null;

  return (
    <section className="webhook-box" aria-label="Trigger URL">
      {liveUrl ? <UrlBox label="Trigger URL" url={liveUrl} testId="trigger-url" /> : <p className="muted small-text">The live trigger URL appears once the flow is active.</p>}
      {testUrl ? <UrlBox label="Test URL" url={testUrl} testId="test-url" /> : null}
      {curl ? (
        <div className="curl-line">
          <code data-testid="curl-command">{curl}</code>
          <CopyButton text={curl} label="Copy curl command" />
        </div>
      ) : null}
      <div className="listen-row">
        {listener.state.phase === 'listening' ? (
          <>
            <span className="listening" role="status" data-testid="listening">
              <span className="pulse" aria-hidden="true" /> Waiting for a request to the test URL…
            </span>
            <button type="button" className="button small" onClick={listener.stop}>
              Stop listening
            </button>
          </>
        ) : (
          <button type="button" className="button primary" onClick={listener.start} disabled={!testUrl} title={testUrl ? undefined : 'Save the flow first'}>
            Listen for test event
          </button>
        )}
      </div>
      {listener.state.phase === 'received' ? (
        <p className="success-text" role="status" data-testid="test-event-received">
          Received {listener.state.request.method} request: it is now the sample.
        </p>
      ) : null}
      {listener.state.phase === 'failed' ? (
        <p className="error-message" role="alert">
          {listener.state.message}
        </p>
      ) : null}
      <SampleSummary />
    </section>
  );
}
