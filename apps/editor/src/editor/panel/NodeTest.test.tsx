// "Test this node" in the node panel: it sends the draft, the sample and the earlier nodes' outputs
// from the run shown, shows the step the server ran, and says before an action node calls out.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStore, orderFlow } from '../../test-support/render-helpers';
import { EditorStoreProvider } from '../store/editor-store-context';
import { ConfigPanel } from './ConfigPanel';

const flow = {
  ...orderFlow,
  nodes: [
    ...orderFlow.nodes,
    { id: 'warehouse', type: 'http', typeVersion: 1, position: { x: 780, y: 0 }, params: { method: 'POST', url: 'https://warehouse.test/orders', body: { total: '{{nodes.shape.total}}' } } },
  ],
  edges: [...orderFlow.edges, { id: 'e3', source: 'big', target: 'warehouse', sourceHandle: 'true' }],
};

const sample = { id: 'evt-1', method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, body: { order: { total: 120.5 } }, receivedAt: '2026-01-02T10:00:00.000Z' };
const shapeStep = { nodeId: 'shape', nodeType: 'transform', status: 'success' as const, output: { total: 120.5 }, attempts: 1, startedAt: '2026-01-02T10:00:00.000Z', durationMs: 2 };

function stubServer(step: Record<string, unknown>) {
  const sent: Array<{ path: string; body: Record<string, unknown> }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ path: String(input), body: JSON.parse(String(init?.body)) });
      return Response.json({ step });
    }),
  );
  return sent;
}

function renderPanel(selected: string) {
  const store = makeStore(flow);
  store.getState().setSample(sample);
  store.getState().setRun({ status: 'success', steps: [shapeStep] });
  store.getState().selectNode(selected);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <EditorStoreProvider store={store}>
        <ConfigPanel />
      </EditorStoreProvider>
    </QueryClientProvider>,
  );
  return store;
}

describe('Test this node', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs the filter alone on the sample and shape’s output from the run shown, and shows its step', async () => {
    const sent = stubServer({ nodeId: 'big', nodeType: 'filter', status: 'success', handle: 'true', input: {}, output: { total: 120.5 }, attempts: 1, startedAt: '2026-01-02T10:00:01.000Z', durationMs: 1 });
    const user = userEvent.setup();
    renderPanel('big');
    expect(screen.queryByTestId('node-test-calls-out')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Test this node' }));
    expect(await screen.findByTestId('node-run-result')).toBeTruthy();
    expect(screen.getByTestId('node-test').textContent).toContain('output “true”');
    expect(sent).toHaveLength(1);
    expect(sent[0].path).toBe('/api/flows/flow-1/nodes/big/test');
    expect(sent[0].body).toMatchObject({ payload: { order: { total: 120.5 } }, method: 'POST', nodes: { shape: { total: 120.5 } }, flow: { name: 'Orders' } });
    expect((sent[0].body.flow as { nodes: unknown[] }).nodes).toHaveLength(4);
  });

  it('says the http node really calls its URL before it does, and shows the error the step ended with', async () => {
    stubServer({ nodeId: 'warehouse', nodeType: 'http', status: 'error', input: {}, error: { message: 'POST https://warehouse.test/orders answered 503', kind: 'runtime', retryable: true }, attempts: 3, startedAt: '2026-01-02T10:00:01.000Z', durationMs: 9 });
    const user = userEvent.setup();
    renderPanel('warehouse');
    expect(screen.getByTestId('node-test-calls-out').textContent).toBe('This really sends: the HTTP request node calls https://warehouse.test/orders now, with the credentials it names.');
    expect(screen.getByTestId('node-test').textContent).toContain('No output yet from: big');
    await user.click(screen.getByTestId('node-test-run'));
    expect((await screen.findByTestId('node-run-error')).textContent).toContain('answered 503');
  });
});
