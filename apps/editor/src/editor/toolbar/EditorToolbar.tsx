// The bar above the canvas: flow name, edit commands, test run, save, activation. A read-only
// editor (a viewer) keeps only what looks: fit view and the way to the executions.
import { useReactFlow } from '@xyflow/react';
import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { ActiveSwitch } from './ActiveSwitch';
import { FlowNameInput } from './FlowNameInput';

interface EditorToolbarProps {
  active: boolean;
  saving: boolean;
  activating: boolean;
  testing: boolean;
  onSave(): void;
  onTestRun(): void;
  onToggleActive(active: boolean): void;
}

export function EditorToolbar({ active, saving, activating, testing, onSave, onTestRun, onToggleActive }: EditorToolbarProps) {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  const { flowId, name, dirty, canUndo, canRedo, hasSelection, readOnly } = useEditorStore(
    useShallow((state) => ({
      flowId: state.flowId,
      readOnly: state.readOnly,
      name: state.name,
      dirty: state.revision !== state.savedRevision,
      canUndo: state.past.length > 0,
      canRedo: state.future.length > 0,
      hasSelection: state.nodes.some((node) => node.selected) || state.edges.some((edge) => edge.selected),
    })),
  );
  const rename = useEditorStore((state) => state.rename);
  const layout = async () => {
    // dagre loads on first use: most sessions never ask for a layout.
    const { autoLayout } = await import('../canvas/auto-layout');
    const state = store.getState();
    state.moveNodes(autoLayout(state));
    requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1.2, duration: 200 }));
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Flow editor">
      <Link href="/" className="button ghost" aria-label="Back to all flows">
        ← Flows
      </Link>
      <FlowNameInput name={name} onRename={rename} disabled={readOnly} />
      <span className={`save-state${dirty ? ' dirty' : ''}`} data-testid="save-state" aria-live="polite">
        {readOnly ? 'View only' : saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'All changes saved'}
      </span>
      <div className="toolbar-group" aria-label="Edit">
        {readOnly ? null : (
          <>
            <button type="button" className="button icon" onClick={() => store.getState().undo()} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
              ↶
            </button>
            <button type="button" className="button icon" onClick={() => store.getState().redo()} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
              ↷
            </button>
            <button type="button" className="button" onClick={() => store.getState().deleteSelection()} disabled={!hasSelection} aria-label="Delete selected" title="Delete selected (Delete)">
              Delete
            </button>
            <button type="button" className="button" onClick={() => void layout()} title="Arrange the nodes left to right">
              Auto-layout
            </button>
          </>
        )}
        <button type="button" className="button" onClick={() => void fitView({ padding: 0.2, maxZoom: 1.2, duration: 200 })}>
          Fit view
        </button>
      </div>
      <div className="toolbar-group toolbar-end">
        <Link href={`/flows/${flowId}/executions`} className="button ghost">
          Executions
        </Link>
        {readOnly ? <span className={`pill${active ? ' pill-on' : ''}`}>{active ? 'Active' : 'Inactive'}</span> : null}
        {readOnly ? null : (
          <>
            <button type="button" className="button" onClick={onTestRun} disabled={testing} data-testid="test-run">
              {testing ? 'Running…' : 'Test run'}
            </button>
            <button type="button" className="button primary" onClick={onSave} disabled={saving} data-testid="save" title="Save (Ctrl+S)">
              Save
            </button>
            <ActiveSwitch active={active} busy={activating} onToggle={onToggleActive} />
          </>
        )}
      </div>
    </div>
  );
}
