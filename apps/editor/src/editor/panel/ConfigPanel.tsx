// The right-hand panel: the selected node's settings, run data and requests, or the flow's own
// settings when nothing is selected.
import { useEditorStore } from '../store/editor-store-context';
import { FlowSettings } from './FlowSettings';
import { NodePanel } from './NodePanel';

export function ConfigPanel() {
  const selectedId = useEditorStore((state) => selectedNodeId(state.nodes));
  return (
    <aside className="side-panel" aria-label={selectedId ? 'Node settings' : 'Flow settings'} data-testid="config-panel">
      {selectedId ? <NodePanel key={selectedId} nodeId={selectedId} /> : <FlowSettings />}
    </aside>
  );
}

/** The panel follows a single selected node; several selected show the flow. */
function selectedNodeId(nodes: ReadonlyArray<{ id: string; selected?: boolean }>): string | null {
  let found: string | null = null;
  for (const node of nodes) {
    if (!node.selected) continue;
    if (found) return null;
    found = node.id;
  }
  return found;
}
