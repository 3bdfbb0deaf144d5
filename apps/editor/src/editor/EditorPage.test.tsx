// A light pass over the whole editor in jsdom with a fake server: it loads, adds a node from the
// palette, edits it in the panel, saves and test-runs. The real-browser test drives the rest.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { nodeTypesFixture } from '../test-support/node-types.fixture';
import { orderFlow } from '../test-support/render-helpers';

const flow = { ...orderFlow, id: 'flow-1', active: false, version: 1, versionId: 'v1', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', triggers: [], testUrl: 'http://localhost:3000/hooks-test/flow-1' };

type Handler = (init: RequestInit | undefined) => { status?: number; body?: unknown };

function fakeServer(routes: Record<string, Handler>) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    const route = routes[`${method} ${path.split('?')[0]}`];
    const answer = route ? route(init) : { status: 404, body: { error: 'not_found', message: `no route ${method} ${path}` } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

describe('EditorPage', () => {
  beforeEach(() => window.history.pushState(null, '', '/flows/flow-1'));
  afterEach(() => vi.unstubAllGlobals());

  it('loads the flow, adds a node, edits it, saves and test-runs', async () => {
    const calls = fakeServer({
      'GET /api/node-types': () => ({ body: nodeTypesFixture }),
      'GET /api/flows/flow-1': () => ({ body: flow }),
      'GET /api/events': () => ({ body: { items: [], nextCursor: null } }),
      'PUT /api/flows/flow-1': (init) => ({ body: { ...flow, ...JSON.parse(String(init?.body)), version: 2 } }),
      'POST /api/flows/flow-1/test-run': () => ({
        body: {
          status: 'success',
          durationMs: 12,
          eventId: 'test-1',
          steps: [{ nodeId: 'hook', nodeType: 'webhook', status: 'success', handle: 'main', input: {}, output: { body: { order: { total: 120 } } }, attempts: 1, startedAt: '2026-01-01T00:00:00Z', durationMs: 1 }],
        },
      }),
    });
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByTestId('palette-item-http')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.react-flow__node[data-id="shape"]')).not.toBeNull());
    expect(screen.getByTestId('save-state').textContent).toBe('All changes saved');

    // A click (not a mouse press: d3-drag needs a real window in the event) selects the node.
    fireEvent.click(screen.getByTestId('canvas-node-big'));
    await user.click(screen.getByTestId('palette-item-http'));
    await waitFor(() => expect(document.querySelector('.react-flow__node[data-id="http"]')).not.toBeNull());
    expect(screen.getByTestId('node-invalid-http').getAttribute('aria-label')).toBe('1 problem');

    const panel = screen.getByTestId('config-panel');
    await user.type(within(panel).getByLabelText(/^URL/), 'https://example.com/orders');
    await waitFor(() => expect(screen.queryByTestId('node-invalid-http')).toBeNull());
    expect(screen.getByTestId('save-state').textContent).toBe('Unsaved changes');

    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await user.click(screen.getByRole('link', { name: 'Back to all flows' }));
    expect(confirm).toHaveBeenCalledWith('This flow has unsaved changes. Leave without saving?');
    expect(window.location.pathname).toBe('/flows/flow-1');

    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('All changes saved'));
    const saved = calls.find((call) => call.method === 'PUT');
    expect(saved?.body).toMatchObject({ nodes: expect.arrayContaining([expect.objectContaining({ id: 'http', params: expect.objectContaining({ url: 'https://example.com/orders' }) })]) });

    await user.click(screen.getByRole('button', { name: 'Test run' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect((await screen.findByTestId('node-status-hook')).getAttribute('data-status')).toBe('success');
    expect(screen.getByTestId('test-run-status').textContent).toBe('Success');
    expect(calls.find((call) => call.path.endsWith('/test-run'))?.body).toMatchObject({ flow: { name: 'Orders' } });
  });

  it('shows why activation was refused, on the nodes it names', async () => {
    fakeServer({
      'GET /api/node-types': () => ({ body: nodeTypesFixture }),
      'GET /api/flows/flow-1': () => ({ body: flow }),
      'GET /api/events': () => ({ body: { items: [], nextCursor: null } }),
      'POST /api/flows/flow-1/activate': () => ({ status: 400, body: { errors: [{ path: 'nodes.1.params.fields', nodeId: 'shape', param: 'fields', message: 'Node "shape": param "fields": is wrong' }] } }),
    });
    const user = userEvent.setup();
    render(<App />);
    const toggle = await screen.findByRole('switch', { name: 'Active' });
    await user.click(toggle);
    expect((await screen.findByTestId('command-error')).textContent).toContain('Could not activate the flow: one problem needs fixing first');
    expect(within(screen.getByTestId('problems-bar')).getByRole('listitem').textContent).toBe('Node "shape": param "fields": is wrong');
    expect(screen.getByTestId('node-invalid-shape').getAttribute('title')).toContain('is wrong');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });
});
