// The node panel's Id field: renaming rewrites the templates that read the node, and a rename that
// cannot be followed everywhere is refused with the list of places.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeStore, orderFlow } from '../../test-support/render-helpers';
import { EditorStoreProvider } from '../store/editor-store-context';
import { ConfigPanel } from './ConfigPanel';

function renderPanel(document = orderFlow) {
  const store = makeStore(document);
  store.getState().selectNode('shape');
  render(
    <QueryClientProvider client={new QueryClient()}>
      <EditorStoreProvider store={store}>
        <ConfigPanel />
      </EditorStoreProvider>
    </QueryClientProvider>,
  );
  return store;
}

describe('the node panel’s Id field', () => {
  it('renames on Enter, and the filter that read {{nodes.shape.total}} now reads the new id', async () => {
    const user = userEvent.setup();
    const store = renderPanel();
    const input = screen.getByLabelText('Id');
    await user.clear(input);
    await user.type(input, 'order{Enter}');
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['hook', 'order', 'big']);
    expect(store.getState().nodes[2].data.params.conditions).toEqual([{ left: '{{nodes.order.total}}', op: 'gt', right: 100 }]);
    expect(await screen.findByText('order', { selector: 'code' })).toBeTruthy();
  });

  it('refuses with the list of references it cannot rewrite, and leaves the flow as it was', async () => {
    const user = userEvent.setup();
    const dynamic = {
      ...orderFlow,
      nodes: orderFlow.nodes.map((node) => (node.id === 'big' ? { ...node, name: 'Big orders', params: { match: 'all', conditions: [{ left: '{{lookup nodes trigger.body.from}}', op: 'gt', right: 1 }] } } : node)),
    };
    const store = renderPanel(dynamic);
    const input = screen.getByLabelText('Id');
    await user.clear(input);
    await user.type(input, 'order');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const problems = screen.getByTestId('rename-problems');
    expect(problems.textContent).toContain('Not renamed to "order"');
    expect(problems.textContent).toContain('"Big orders" (conditions.0.left): "lookup nodes" reads a node by a name known only when it runs');
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['hook', 'shape', 'big']);
  });
});
