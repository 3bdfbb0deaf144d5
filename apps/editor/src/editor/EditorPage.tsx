// /flows/:id: palette, canvas, and the panel of the selected node, around one editor store.
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useState } from 'react';
import type { FlowDetail } from '../api/api-types';
import { useCatalog, useFlow } from '../api/queries';
import { useAuthSession } from '../auth/auth-context';
import type { EditorCatalog } from '../catalog/node-type-catalog';
import { AppHeader } from '../shared/AppHeader';
import { ErrorMessage } from '../shared/ErrorMessage';
import { LoadingState } from '../shared/LoadingState';
import { FlowCanvas } from './canvas/FlowCanvas';
import { Palette } from './palette/Palette';
import { ConfigPanel } from './panel/ConfigPanel';
import { createEditorStore } from './store/editor-store';
import { EditorStoreProvider, useEditorStore } from './store/editor-store-context';
import { CommandFeedback } from './test-run/CommandFeedback';
import { ProblemsBar } from './test-run/ProblemsBar';
import { EditorToolbar } from './toolbar/EditorToolbar';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useActivation, useSaveFlow, useTestRun } from './use-flow-commands';
import { useSample } from './use-sample';
import { useUnsavedChangesGuard } from './use-unsaved-changes-guard';

export default function EditorPage({ flowId }: { flowId: string }) {
  const flow = useFlow(flowId);
  const { catalog, error: catalogError } = useCatalog();
  const error = flow.error ?? catalogError;
  if (error) {
    return (
      <div className="app">
        <AppHeader />
        <main className="page">
          <ErrorMessage error={error} title="Could not open the flow" />
        </main>
      </div>
    );
  }
  if (!flow.data || !catalog) return <LoadingState label="Opening the flow…" />;
  return <LoadedEditor flow={flow.data} catalog={catalog} />;
}

function LoadedEditor({ flow, catalog }: { flow: FlowDetail; catalog: EditorCatalog }) {
  // A viewer may look but not change: the server refuses their saves, so the editor opens read-only.
  const viewer = useAuthSession()?.user.role === 'viewer';
  // The store is made once per open flow; later refetches of the flow must not undo local edits.
  const [store] = useState(() => createEditorStore({ flowId: flow.id, document: flow, catalog, readOnly: viewer }));
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <EditorWorkspace active={flow.active} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

function EditorWorkspace({ active }: { active: boolean }) {
  const save = useSaveFlow();
  const activation = useActivation();
  const testRun = useTestRun();
  const flowId = useEditorStore((state) => state.flowId);
  const readOnly = useEditorStore((state) => state.readOnly);
  useSample(flowId);
  useUnsavedChangesGuard();
  useEditorShortcuts({ onSave: () => (readOnly ? undefined : save.mutate()) });

  return (
    <div className="editor">
      <EditorToolbar
        active={active}
        saving={save.isPending}
        activating={activation.isPending}
        testing={testRun.isPending}
        onSave={() => save.mutate()}
        onTestRun={() => testRun.mutate()}
        onToggleActive={(next) => activation.mutate(next)}
      />
      <CommandFeedback
        saveError={save.error}
        activationError={activation.error}
        testRunError={testRun.error}
        onDismiss={() => {
          save.reset();
          activation.reset();
          testRun.reset();
        }}
      />
      <div className="editor-body">
        <Palette />
        <div className="canvas-column">
          <FlowCanvas />
          <ProblemsBar />
        </div>
        <ConfigPanel />
      </div>
    </div>
  );
}
