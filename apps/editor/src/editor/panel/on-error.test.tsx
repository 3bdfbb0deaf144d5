// A node's "On error" choice: the form shows what the saved node holds, "Send it to the error output"
// draws a red error handle on the canvas, and "Stop the run" (the default) leaves the field out.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { nodeTypesFixture } from '../../test-support/node-types.fixture';
import { orderFlow } from '../../test-support/render-helpers';

const stored = {
  ...orderFlow,
  nodes: orderFlow.nodes.map((node) => (node.id === 'shape' ? { ...node, onError: 'continue' } : node)),
  id: 'flow-1',
  active: false,
  version: 1,
  versionId: 'v1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  triggers: [],
  testUrl: 'http://localhost:3000/hooks-test/flow-1',
};

function stubServer(saved: unknown[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const key = `${init?.method ?? 'GET'} ${String(input).split('?')[0]}`;
      if (key === 'PUT /api/flows/flow-1') saved.push(JSON.parse(String(init?.body)));
      const routes: Record<string, () => unknown> = {
        'GET /api/node-types': () => nodeTypesFixture,
        'GET /api/flows/flow-1': () => stored,
        'GET /api/events': () => ({ items: [], nextCursor: null }),
        'PUT /api/flows/flow-1': () => ({ ...stored, version: 2 }),
      };
      const body = routes[key]?.();
      return new Response(JSON.stringify(body ?? { error: 'not_found', message: key }), { status: body === undefined ? 404 : 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

const savedNode = (document: unknown, id: string) => (document as { nodes: Array<{ id: string; onError?: string }> }).nodes.find((node) => node.id === id);

describe('a node’s On error setting', () => {
  beforeEach(() => window.history.pushState(null, '', '/flows/flow-1'));
  afterEach(() => vi.unstubAllGlobals());

  it('shows the saved choice, draws the error output when routed, and saves "stop" as the field left out', async () => {
    const saved: unknown[] = [];
    stubServer(saved);
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(document.querySelector('.react-flow__node[data-id="shape"]')).not.toBeNull());
    fireEvent.click(screen.getByTestId('canvas-node-shape'));
    const select = (await screen.findByLabelText('On error')) as HTMLSelectElement;
    expect(select.value).toBe('continue');
    expect(screen.queryByTestId('handle-shape-error')).toBeNull();

    await user.selectOptions(select, 'route');
    expect(await screen.findByTestId('handle-shape-error')).toBeTruthy();
    expect(screen.getByText(/only the steps connected to its red "error" output run/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(savedNode(saved[0], 'shape')?.onError).toBe('route');

    await user.selectOptions(select, 'stop');
    expect(screen.queryByTestId('handle-shape-error')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(savedNode(saved[1], 'shape')).not.toHaveProperty('onError');
  });

  it('is not offered on the trigger', async () => {
    stubServer([]);
    render(<App />);
    await waitFor(() => expect(document.querySelector('.react-flow__node[data-id="hook"]')).not.toBeNull());
    fireEvent.click(screen.getByTestId('canvas-node-hook'));
    await screen.findByLabelText('Name');
    expect(screen.queryByLabelText('On error')).toBeNull();
  });
});
