// Version history in the editor, against a fake server: the list reads newest first with who saved
// each version, pages to older ones, and "Restore" loads an old version as unsaved changes that
// undo takes back and Save stores as a new version (telling the server which one it came from).
// A viewer sees the settings and the history but can change neither.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { AuthContext } from '../../auth/auth-context';
import type { FlowVersionSummary } from '../../api/api-types';
import { nodeTypesFixture } from '../../test-support/node-types.fixture';
import { orderFlow } from '../../test-support/render-helpers';

const stored = {
  ...orderFlow,
  id: 'flow-1',
  key: null,
  active: false,
  version: 3,
  versionId: 'ver-3',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-03T00:00:00Z',
  triggers: [],
  testUrl: 'http://localhost:3000/hooks-test/flow-1',
};

const summary = (version: number, savedBy: FlowVersionSummary['savedBy'], name = 'Orders'): FlowVersionSummary => ({
  id: `ver-${version}`,
  version,
  createdAt: `2026-01-0${version}T10:00:00Z`,
  name,
  nodeCount: version === 1 ? 2 : 3,
  savedBy,
  current: version === 3,
});

const twoSteps = {
  name: 'Orders, two steps',
  nodes: orderFlow.nodes.slice(0, 2),
  edges: orderFlow.edges.slice(0, 1),
};

interface Saved {
  url: string;
  body: { name: string; nodes: Array<{ id: string }> };
}

function fakeServer(saved: Saved[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://editor.test');
      const method = init?.method ?? 'GET';
      if (method === 'PUT') saved.push({ url: `${url.pathname}${url.search}`, body: JSON.parse(String(init?.body)) });
      const routes: Record<string, () => unknown> = {
        'GET /api/node-types': () => nodeTypesFixture,
        'GET /api/flows': () => [{ id: 'flow-1', name: 'Orders' }],
        'GET /api/flows/flow-1': () => stored,
        'GET /api/events': () => ({ items: [], nextCursor: null }),
        'GET /api/flows/flow-1/versions': () =>
          url.searchParams.get('cursor') === '2'
            ? { items: [summary(1, null, 'Orders (first try)')], nextCursor: null }
            : { items: [summary(3, { kind: 'user', name: 'ada@example.com' }), summary(2, { kind: 'api_key', name: 'deploy script' })], nextCursor: '2' },
        'GET /api/flow-versions/ver-2': () => ({ id: 'ver-2', flowId: 'flow-1', version: 2, document: twoSteps, createdAt: '2026-01-02T10:00:00Z' }),
        'PUT /api/flows/flow-1': () => ({ ...stored, ...twoSteps, version: 4, versionId: 'ver-4' }),
      };
      const body = routes[`${method} ${url.pathname}`]?.();
      return new Response(JSON.stringify(body ?? { error: 'not_found', message: url.pathname }), { status: body === undefined ? 404 : 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

const canvasNode = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"]`);

async function openHistory() {
  render(<App />);
  await waitFor(() => expect(canvasNode('big')).not.toBeNull());
  fireEvent.click(screen.getByText('Version history'));
  return screen.findByRole('list', { name: 'Saved versions' });
}

describe('version history', () => {
  beforeEach(() => window.history.pushState(null, '', '/flows/flow-1'));
  afterEach(() => vi.unstubAllGlobals());

  it('lists versions newest first with who saved them, and pages to older ones', async () => {
    fakeServer([]);
    const user = userEvent.setup();
    const list = await openHistory();
    const current = await within(list).findByTestId('version-3');
    expect(current.textContent).toMatch(/Version 3\s*current/);
    expect(current.textContent).toContain('by ada@example.com');
    expect(within(current).queryByRole('button', { name: /Restore/ })).toBeNull();
    expect(within(list).getByTestId('version-2').textContent).toContain('by the API key “deploy script”');

    await user.click(screen.getByRole('button', { name: 'Show older versions' }));
    const oldest = await within(list).findByTestId('version-1');
    expect(oldest.textContent).toContain('2 steps · “Orders (first try)”');
    expect(oldest.textContent).not.toContain(' by ');
    expect(screen.queryByRole('button', { name: 'Show older versions' })).toBeNull();
  });

  it('restores a version as unsaved changes: undo takes it back, Save stores it as a new version', async () => {
    const saved: Saved[] = [];
    fakeServer(saved);
    const user = userEvent.setup();
    await openHistory();
    await user.click(await screen.findByRole('button', { name: 'Restore version 2' }));

    expect((await screen.findByRole('status')).textContent).toContain('Version 2 is loaded as unsaved changes');
    await waitFor(() => expect(canvasNode('big')).toBeNull());
    expect(screen.getByTestId('save-state').textContent).toBe('Unsaved changes');
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Orders, two steps');
    expect(saved).toHaveLength(0);

    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(canvasNode('big')).not.toBeNull());
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Orders');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(canvasNode('big')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.url).toBe('/api/flows/flow-1?restoredFrom=ver-2');
    expect(saved[0]?.body.name).toBe('Orders, two steps');
    expect(saved[0]?.body.nodes.map((node) => node.id)).toEqual(['hook', 'shape']);
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('All changes saved'));
    expect(screen.queryByText(/is loaded as unsaved changes/)).toBeNull();
  });

  it('a viewer sees the settings and the versions, with nothing to change, save or restore', async () => {
    fakeServer([]);
    const viewer = { id: 'u3', email: 'vi@example.com', name: null, role: 'viewer' as const, createdAt: '2026-01-01T00:00:00Z' };
    render(
      <AuthContext.Provider value={{ user: viewer, signOut: async () => undefined }}>
        <App />
      </AuthContext.Provider>,
    );
    // The app's query cache outlives a test: the flow may be the one saved above, so look at its trigger.
    await waitFor(() => expect(canvasNode('hook')).not.toBeNull());
    expect(screen.getByTestId('save-state').textContent).toBe('View only');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    for (const label of ['Name', 'Description', 'When a run fails, start']) {
      expect(screen.getByLabelText(label).matches(':disabled')).toBe(true);
    }
    fireEvent.click(screen.getByText('Version history'));
    expect(await screen.findByTestId('version-2')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Restore version/ })).toBeNull();
  });
});
