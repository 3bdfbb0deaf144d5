import type { ValidationIssue } from '@hookflow/flow-model';
import { useMemo } from 'react';
import type { NodeTypeEntry } from '../../catalog/node-type-catalog';
import { SchemaForm } from '../form/SchemaForm';
import { useEditorStore } from '../store/editor-store-context';
import { mergeIssues } from '../store/issue-index';
import type { FlowNodeData } from '../store/flow-mapping';
import { TemplateScopeProvider } from '../template/template-scope';
import { useNodeTemplateContext } from '../template/use-node-template-context';
import { WebhookTrigger } from '../webhook/WebhookTrigger';
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
      {entry.info.trigger && !readOnly ? <WebhookTrigger nodeId={nodeId} /> : null}
      <TemplateScopeProvider context={context} hasSample={hasSample}>
        <SchemaForm schema={entry.schema} params={data.params} issues={paramIssues} onChange={(params) => updateNode({ id: nodeId, patch: { params }, field: 'params' })} />
      </TemplateScopeProvider>
    </fieldset>
  );
}
