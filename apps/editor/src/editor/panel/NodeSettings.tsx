import type { OnErrorMode, ValidationIssue } from '@hookflow/flow-model';
import { useMemo } from 'react';
import type { NodeTypeEntry } from '../../catalog/node-type-catalog';
import { SchemaForm } from '../form/SchemaForm';
import { useEditorStore } from '../store/editor-store-context';
import { mergeIssues } from '../store/issue-index';
import type { FlowNodeData } from '../store/flow-mapping';
import { TemplateScopeProvider } from '../template/template-scope';
import { useNodeTemplateContext } from '../template/use-node-template-context';
import { ScheduleTrigger } from '../schedule/ScheduleTrigger';
import { WebhookTrigger } from '../webhook/WebhookTrigger';
import { NodeIdField } from './NodeIdField';
import { relativeToParams } from './node-problems';

const NO_ISSUES: ValidationIssue[] = [];

export function NodeSettings({ nodeId, data, entry, readOnly }: { nodeId: string; data: FlowNodeData; entry: NodeTypeEntry | undefined; readOnly: boolean }) {
  const updateNode = useEditorStore((state) => state.updateNode);
  const clientIssues = useEditorStore((state) => state.issues.byNode[nodeId] ?? NO_ISSUES);
  const serverIssues = useEditorStore((state) => state.serverIssues.byNode[nodeId] ?? NO_ISSUES);
  const { context, hasSample } = useNodeTemplateContext(nodeId);
  const paramIssues = useMemo(() => relativeToParams(mergeIssues(clientIssues, serverIssues)), [clientIssues, serverIssues]);

  if (!entry) return <p className="error-message">This node's type "{data.type}" is not installed on the server.</p>;
  return (
    <fieldset className="plain-fieldset" disabled={readOnly}>
      <div className="field">
        <label className="field-label" htmlFor="node-name">
          Name
        </label>
        <input
          id="node-name"
          className="input"
          value={data.name ?? ''}
          placeholder={entry.info.label}
          maxLength={200}
          onChange={(event) => updateNode({ id: nodeId, patch: { name: event.target.value || undefined }, field: 'name' })}
        />
        <p className="field-help">{entry.info.description}</p>
      </div>
      <NodeIdField nodeId={nodeId} />
      {entry.info.trigger && !readOnly ? data.type === 'schedule' ? <ScheduleTrigger nodeId={nodeId} /> : <WebhookTrigger nodeId={nodeId} /> : null}
      <TemplateScopeProvider context={context} hasSample={hasSample}>
        <SchemaForm schema={entry.schema} params={data.params} issues={paramIssues} onChange={(params) => updateNode({ id: nodeId, patch: { params }, field: 'params' })} />
      </TemplateScopeProvider>
      {entry.info.trigger ? null : (
        <div className="field">
          <label className="field-label" htmlFor="node-on-error">
            On error
          </label>
          <select
            id="node-on-error"
            className="input"
            value={data.onError ?? 'stop'}
            onChange={(event) => {
              const mode = event.target.value as OnErrorMode;
              // "Stop" is the default: the saved node leaves the field out, as a new node does.
              updateNode({ id: nodeId, patch: { onError: mode === 'stop' ? undefined : mode }, field: 'onError' });
            }}
          >
            {ON_ERROR_CHOICES.map(({ mode, label }) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
          <p className="field-help">{ON_ERROR_CHOICES.find(({ mode }) => mode === (data.onError ?? 'stop'))?.help}</p>
        </div>
      )}
    </fieldset>
  );
}

const ON_ERROR_CHOICES: ReadonlyArray<{ mode: OnErrorMode; label: string; help: string }> = [
  { mode: 'stop', label: 'Stop the run', help: 'If this step fails, the execution fails here and nothing after it runs.' },
  {
    mode: 'continue',
    label: 'Record the error and go on',
    help: 'If this step fails, it is marked failed, its output is { error } (read it as {{nodes.<id>.error.message}}), and the next steps run.',
  },
  {
    mode: 'route',
    label: 'Send it to the error output',
    help: 'If this step fails, only the steps connected to its red "error" output run, with { error } as its output.',
  },
];
