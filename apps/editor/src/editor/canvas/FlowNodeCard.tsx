// The one node component: any node type from the catalog, drawn from its label, icon and handles.
// Memoized and reading only its own slice of the store, so dragging one of 200 nodes redraws one.
import { ERROR_HANDLE, nodeOutputs } from '@hookflow/flow-model';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NodeIcon } from '../../shared/NodeIcon';
import { useEditorStore } from '../store/editor-store-context';
import type { EditorNode } from '../store/flow-mapping';
import { mergeMessages } from '../store/issue-index';

export const FlowNodeCard = memo(function FlowNodeCard({ id, data, selected }: NodeProps<EditorNode>) {
  const entry = useEditorStore((state) => state.catalog?.entry(data.type, data.typeVersion) ?? state.catalog?.entry(data.type));
  const problems = useEditorStore(useShallow((state) => mergeMessages(state.issues.byNode[id], state.serverIssues.byNode[id])));
  const runStatus = useEditorStore((state) => state.run?.byNode[id]?.status);
  const label = data.name || entry?.info.label || data.type;
  // A switch's outputs follow its rules' names; the error output is drawn apart, below.
  const outputs = entry ? nodeOutputs(entry.info.handles, { params: data.params }) : ['main'];
  const hasInput = (entry?.info.handles.inputs.length ?? 1) > 0;
  // Handles that come and go (a rule added, errors routed) must be measured again for edges to attach.
  const updateNodeInternals = useUpdateNodeInternals();
  const handleKey = `${outputs.join('\u0000')}|${data.onError ?? ''}`;
  useEffect(() => updateNodeInternals(id), [handleKey, id, updateNodeInternals]);
  // A node whose failures are routed gets an "error" output below its usual ones.
  const routesErrors = data.onError === 'route' && entry?.info.trigger !== true;

  return (
    <div
      className={`flow-node${selected ? ' selected' : ''}${problems.length > 0 ? ' invalid' : ''}${runStatus ? ` run-${runStatus}` : ''}${data.disabled ? ' disabled' : ''}`}
      data-testid={`canvas-node-${id}`}
      data-node-type={data.type}
      // Room for each named output (a switch with many rules) so their handles and labels never overlap.
      style={outputs.length > 2 ? { minHeight: outputs.length * 26 } : undefined}
    >
      {hasInput ? <Handle type="target" position={Position.Left} className="flow-handle" data-testid={`handle-${id}-in`} /> : null}
      <div className={`flow-node-icon category-${(entry?.info.category ?? 'other').toLowerCase()}`}>
        <NodeIcon icon={entry?.info.icon} />
      </div>
      <div className="flow-node-text">
        <span className="flow-node-label">{label}</span>
        <span className="flow-node-type">{entry?.info.label ?? `Unknown type "${data.type}"`}</span>
      </div>
      <div className="flow-node-badges">
        {problems.length > 0 ? (
          <span className="node-badge invalid" data-testid={`node-invalid-${id}`} title={problems.join('\n')} aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`}>
            !
          </span>
        ) : null}
        {runStatus ? (
          <span className={`node-badge run run-${runStatus}`} data-testid={`node-status-${id}`} data-status={runStatus} aria-label={`Last run: ${runStatus}`} title={`Last run: ${runStatus}`}>
            {RUN_MARKS[runStatus]}
          </span>
        ) : null}
      </div>
      {outputs.length === 1 ? <Handle type="source" position={Position.Right} className="flow-handle" data-testid={`handle-${id}-out`} /> : null}
      {outputs.length > 1
        ? outputs.map((output, index) => (
            <Handle
              key={output}
              id={output}
              type="source"
              position={Position.Right}
              className={`flow-handle flow-handle-named handle-${output}`}
              style={{ top: `${((index + 1) * 100) / (outputs.length + 1)}%` }}
              data-testid={`handle-${id}-${output}`}
            >
              <span className="flow-handle-label">{output}</span>
            </Handle>
          ))
        : null}
      {routesErrors ? (
        <Handle id={ERROR_HANDLE} type="source" position={Position.Bottom} className="flow-handle flow-handle-named flow-handle-error handle-error" data-testid={`handle-${id}-error`}>
          <span className="flow-handle-label">error</span>
        </Handle>
      ) : null}
    </div>
  );
});

const RUN_MARKS: Record<string, string> = { success: '✓', error: '✕', filtered: '⊘', skipped: '–', waiting: '…' };
