// The side panel when no node is selected: the flow's settings (name, description, the flow to
// start on failure, how the webhook answers), its problems and its version history. A read-only
// store shows the values with the inputs disabled.
import { useShallow } from 'zustand/react/shallow';
import { VersionHistory } from '../history/VersionHistory';
import { FlowDetailsFields } from '../settings/FlowDetailsFields';
import { ResponseModeFields } from '../settings/ResponseModeFields';
import { useEditorStore } from '../store/editor-store-context';
import { SampleSummary } from '../webhook/SampleSummary';

export function FlowSettings() {
  const { name, nodeCount, clientIssues, serverIssues, readOnly } = useEditorStore(
    useShallow((state) => ({ name: state.name, nodeCount: state.nodes.length, clientIssues: state.issues.flow, serverIssues: state.serverIssues.flow, readOnly: state.readOnly })),
  );
  const flowIssues = [...clientIssues, ...serverIssues];
  return (
    <div className="panel-body">
      <h2 className="panel-title">{name || 'Untitled flow'}</h2>
      <p className="muted">
        {nodeCount === 0 ? 'No nodes yet.' : `${nodeCount} node${nodeCount === 1 ? '' : 's'}.`} Select a node to edit its settings.
      </p>
      {flowIssues.length > 0 ? (
        <div className="problems" role="alert">
          <h3>Problems with the flow</h3>
          <ul>
            {[...new Set(flowIssues.map((issue) => issue.message))].map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset className="plain-fieldset" disabled={readOnly} aria-label="Flow settings">
        <FlowDetailsFields />
        <ResponseModeFields />
      </fieldset>
      <VersionHistory />
      {readOnly ? null : (
        <>
          <SampleSummary />
          <section className="help-box" aria-label="Keyboard shortcuts">
            <h3>Shortcuts</h3>
            <dl className="shortcuts">
              <dt>Ctrl+S</dt>
              <dd>Save</dd>
              <dt>Ctrl+Z / Ctrl+Shift+Z</dt>
              <dd>Undo / redo</dd>
              <dt>Ctrl+C / Ctrl+V</dt>
              <dd>Copy / paste nodes</dd>
              <dt>Delete</dt>
              <dd>Delete the selection</dd>
            </dl>
          </section>
        </>
      )}
    </div>
  );
}
