// The canvas's chrome: the mini map stays out of the way of an empty or small flow, shows for a
// large one, and a control shows or hides it; a filter's outputs carry readable labels.
import { ReactFlowProvider } from '@xyflow/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/api-types';
import { makeStore, orderFlow } from '../../test-support/render-helpers';
import { EditorStoreProvider } from '../store/editor-store-context';
import { MINI_MAP_FROM_NODES } from './CanvasMiniMap';
import { FlowCanvas } from './FlowCanvas';

function renderCanvas(document: FlowDocument) {
  return render(
    <EditorStoreProvider store={makeStore(document)}>
      <ReactFlowProvider>
        <div style={{ width: 800, height: 600 }}>
          <FlowCanvas />
        </div>
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
}

const miniMap = () => document.querySelector('.react-flow__minimap');

function longFlow(): FlowDocument {
  const nodes = Array.from({ length: MINI_MAP_FROM_NODES }, (_, index) => ({
    id: `n${index}`,
    type: index === 0 ? 'webhook' : 'transform',
    typeVersion: 1,
    position: { x: index * 260, y: 0 },
    params: index === 0 ? {} : { fields: { n: index } },
  }));
  const edges = nodes.slice(1).map((node, index) => ({ id: `e${index}`, source: `n${index}`, target: node.id, sourceHandle: null }));
  return { name: 'Long', nodes, edges };
}

describe('FlowCanvas', () => {
  it('hides the mini map on a small flow until asked, and shows it again on demand', () => {
    renderCanvas(orderFlow);
    expect(miniMap()).toBeNull();
    const toggle = screen.getByTestId('minimap-toggle');
    expect(toggle.getAttribute('aria-label')).toBe('Show the mini map');
    fireEvent.click(toggle);
    expect(miniMap()).not.toBeNull();
    expect(screen.getByTestId('minimap-toggle').getAttribute('aria-label')).toBe('Hide the mini map');
    fireEvent.click(screen.getByTestId('minimap-toggle'));
    expect(miniMap()).toBeNull();
  });

  it('has no mini map and no toggle on an empty canvas', () => {
    renderCanvas({ name: 'Empty', nodes: [], edges: [] });
    expect(miniMap()).toBeNull();
    expect(screen.queryByTestId('minimap-toggle')).toBeNull();
  });

  it('shows the mini map for a flow too long for the screen, and hides it on demand', () => {
    renderCanvas(longFlow());
    expect(miniMap()).not.toBeNull();
    fireEvent.click(screen.getByTestId('minimap-toggle'));
    expect(miniMap()).toBeNull();
  });

  it('labels a filter’s outputs "true" and "false" beside their handles', () => {
    renderCanvas(orderFlow);
    expect(within(screen.getByTestId('handle-big-true')).getByText('true').className).toBe('flow-handle-label');
    expect(within(screen.getByTestId('handle-big-false')).getByText('false').className).toBe('flow-handle-label');
  });
});
