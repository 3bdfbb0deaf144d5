// The canvas: React Flow wired to the editor store. Deletion, copy/paste and undo go through the
// store's actions (see use-editor-shortcuts), so React Flow's own delete key is off.
import { Background, Controls, ReactFlow, useReactFlow, type IsValidConnection, type OnConnectEnd } from '@xyflow/react';
import { useCallback, useEffect, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { connectionProblem } from '../store/graph-edit';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import type { EditorEdge } from '../store/flow-mapping';
import { CanvasMiniMap, MiniMapButton, useMiniMapChoice } from './CanvasMiniMap';
import { NODE_TYPE_DRAG_FORMAT } from './drag-format';
import { FlowNodeCard } from './FlowNodeCard';
import { useOpeningViewport } from './use-opening-viewport';

const nodeTypes = { hookflow: FlowNodeCard };
const defaultEdgeOptions = { interactionWidth: 16 };
const proOptions = { hideAttribution: true };
/** The controls' "fit view" button shows the whole flow, as the toolbar's does. */
const FIT_ALL = { padding: 0.2, maxZoom: 1.2 };

export function FlowCanvas() {
  const store = useEditorStoreApi();
  const { nodes, edges, readOnly } = useEditorStore(useShallow((state) => ({ nodes: state.nodes, edges: state.edges, readOnly: state.readOnly })));
  const actions = useEditorStore(
    useShallow((state) => ({ onNodesChange: state.onNodesChange, onEdgesChange: state.onEdgesChange, connect: state.connect, beginMove: state.beginMove, addNode: state.addNode })),
  );
  const { screenToFlowPosition } = useReactFlow();
  useOpeningViewport(nodes.length);
  const miniMap = useMiniMapChoice(nodes.length);

  const isValidConnection = useCallback<IsValidConnection<EditorEdge>>(
    (connection) => {
      const state = store.getState();
      return !connectionProblem({ connection, nodes: state.nodes, edges: state.edges, catalog: state.catalog });
    },
    [store],
  );

  // A line dropped on a handle that refused it would just vanish: say why (the store words it).
  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, state) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const fromSource = state.fromHandle?.type !== 'target';
      actions.connect({
        source: fromSource ? state.fromNode.id : state.toNode.id,
        target: fromSource ? state.toNode.id : state.fromNode.id,
        sourceHandle: (fromSource ? state.fromHandle?.id : state.toHandle?.id) ?? null,
        targetHandle: (fromSource ? state.toHandle?.id : state.fromHandle?.id) ?? null,
      });
    },
    [actions],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_TYPE_DRAG_FORMAT);
      if (!type) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      actions.addNode({ type, position: { x: Math.round(position.x - 90), y: Math.round(position.y - 28) } });
    },
    [actions, screenToFlowPosition],
  );

  return (
    <div className="canvas" data-testid="canvas" onDragOver={allowNodeDrop} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={actions.onNodesChange}
        onEdgesChange={actions.onEdgesChange}
        onConnect={actions.connect}
        onConnectEnd={onConnectEnd}
        onNodeDragStart={actions.beginMove}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        defaultEdgeOptions={defaultEdgeOptions}
        proOptions={proOptions}
        minZoom={0.1}
        onlyRenderVisibleElements={nodes.length > 100}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} fitViewOptions={FIT_ALL}>
          {nodes.length > 0 ? <MiniMapButton shown={miniMap.shown} onToggle={miniMap.toggle} /> : null}
        </Controls>
        {miniMap.shown ? <CanvasMiniMap /> : null}
      </ReactFlow>
      <ConnectionNotice />
      {nodes.length === 0 ? (
        <div className="canvas-empty" aria-live="polite">
          <strong>Start with a trigger.</strong> Drag <em>Webhook</em> from the palette here, or click it.
        </div>
      ) : null}
    </div>
  );
}

function allowNodeDrop(event: DragEvent) {
  if (event.dataTransfer.types.includes(NODE_TYPE_DRAG_FORMAT)) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
}

/** Why a connection was refused, for a few seconds. */
function ConnectionNotice() {
  const notice = useEditorStore((state) => state.notice);
  const clearNotice = useEditorStore((state) => state.clearNotice);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(clearNotice, 4000);
    return () => clearTimeout(timer);
  }, [notice, clearNotice]);
  return notice ? (
    <div className="canvas-notice" role="status">
      {notice}
    </div>
  ) : null;
}
