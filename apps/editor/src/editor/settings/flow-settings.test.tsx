// The flow settings panel (no node selected): it shows what the document holds, with the webhook's
// defaults where the document leaves a param out; each edit marks the flow unsaved, is undoable and
// lands in the saved document; a read-only editor shows the values with every input disabled.
import type { NodeTypeInfo } from '@hookflow/flow-model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument, FlowSummary } from '../../api/api-types';
import { buildCatalog } from '../../catalog/node-type-catalog';
import { nodeTypesFixture } from '../../test-support/node-types.fixture';
import { orderFlow } from '../../test-support/render-helpers';
import { FlowSettings } from '../panel/FlowSettings';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { EditorStoreProvider } from '../store/editor-store-context';
import { toDocument } from '../store/flow-mapping';

/** The webhook as the server publishes it since it can answer the caller. */
const catalog = buildCatalog(
  nodeTypesFixture.map((info): NodeTypeInfo => {
    if (info.type !== 'webhook') return info;
    const properties = info.paramsSchema.properties as Record<string, unknown>;
    return {
      ...info,
      paramsSchema: {
        ...info.paramsSchema,
        properties: {
          ...properties,
          respond: { type: 'string', enum: ['accepted', 'lastNode', 'respondNode'], default: 'accepted', title: 'Respond' },
          responseTimeoutMs: { type: 'integer', minimum: 100, maximum: 300_000, default: 30_000, title: 'Answer within (ms)' },
        },
      },
    };
  }),
);

const otherFlows: Array<Pick<FlowSummary, 'id' | 'name'>> = [
  { id: 'flow-1', name: 'Orders' },
  { id: 'alerts', name: 'Alert the team' },
  { id: 'audit', name: 'Archive failures' },
];

function renderSettings({ document = orderFlow, readOnly = false }: { document?: FlowDocument; readOnly?: boolean } = {}): EditorStore {
  const store = createEditorStore({ flowId: 'flow-1', document, catalog, readOnly });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <EditorStoreProvider store={store}>
        <FlowSettings />
      </EditorStoreProvider>
    </QueryClientProvider>,
  );
  return store;
}

const dirty = (store: EditorStore) => store.getState().revision !== store.getState().savedRevision;
const trigger = (store: EditorStore) => toDocument(store.getState()).nodes.find((node) => node.type === 'webhook');

describe('flow settings panel', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(otherFlows), { status: 200, headers: { 'content-type': 'application/json' } })),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the saved name, description, on-error flow and the webhook answering at once by default', async () => {
    renderSettings({ document: { ...orderFlow, description: 'Big orders go to the warehouse.', settings: { onErrorFlowId: 'alerts' } } });
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Orders');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Big orders go to the warehouse.');
    expect(screen.getByText('31 of 2000 characters')).toBeTruthy();
    const onError = screen.getByLabelText<HTMLSelectElement>('When a run fails, start');
    expect(await within(onError).findByRole('option', { name: 'Alert the team' })).toBeTruthy();
    expect(onError.value).toBe('alerts');
    expect(within(onError).getAllByRole('option').map((option) => option.textContent)).toEqual(['None', 'Alert the team', 'Archive failures']);
    const respond = screen.getByLabelText<HTMLSelectElement>('Answer the caller');
    expect(respond.value).toBe('accepted');
    expect(respond.selectedOptions[0]?.textContent).toBe('Right away: “received” (202)');
    expect(screen.queryByLabelText('Stop waiting after (seconds)')).toBeNull();
  });

  it('names an on-error flow that no longer exists instead of showing "None"', async () => {
    renderSettings({ document: { ...orderFlow, settings: { onErrorFlowId: 'gone' } } });
    const onError = screen.getByLabelText<HTMLSelectElement>('When a run fails, start');
    expect(await within(onError).findByRole('option', { name: 'A flow that no longer exists (gone)' })).toBeTruthy();
    expect(onError.value).toBe('gone');
  });

  it('each edit marks the flow unsaved, lands in the saved document and can be undone', async () => {
    const user = userEvent.setup();
    const store = renderSettings();
    expect(dirty(store)).toBe(false);

    await user.type(screen.getByLabelText('Description'), 'Sends big orders on');
    expect(dirty(store)).toBe(true);
    expect(toDocument(store.getState()).description).toBe('Sends big orders on');

    const onError = screen.getByLabelText<HTMLSelectElement>('When a run fails, start');
    await within(onError).findByRole('option', { name: 'Archive failures' });
    await user.selectOptions(onError, 'Archive failures');
    expect(toDocument(store.getState()).settings).toEqual({ onErrorFlowId: 'audit' });
    expect(screen.getByText(/That flow starts with the name of this flow/)).toBeTruthy();

    store.getState().undo();
    expect((await screen.findByLabelText<HTMLSelectElement>('When a run fails, start')).value).toBe('');
    expect(toDocument(store.getState())).not.toHaveProperty('settings');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Description').value).toBe('Sends big orders on');

    await user.selectOptions(onError, 'Alert the team');
    await user.selectOptions(onError, 'None');
    expect(toDocument(store.getState())).not.toHaveProperty('settings');
  });

  it('waiting for the flow shows how long the caller waits, in seconds, saved in milliseconds', async () => {
    const user = userEvent.setup();
    const store = renderSettings();
    await user.selectOptions(screen.getByLabelText('Answer the caller'), 'With what a Respond step sends');
    expect(trigger(store)?.params.respond).toBe('respondNode');
    expect(screen.getByText(/Add a Respond step where the answer is ready/)).toBeTruthy();

    const wait = screen.getByLabelText<HTMLInputElement>('Stop waiting after (seconds)');
    expect(wait.value).toBe('30');
    await user.clear(wait);
    expect(screen.getByRole('alert').textContent).toBe('Enter between 0.1 and 300 seconds.');
    await user.type(wait, '2.5');
    expect(trigger(store)?.params.responseTimeoutMs).toBe(2500);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.clear(wait);
    await user.type(wait, '900');
    expect(screen.getByRole('alert').textContent).toBe('Enter between 0.1 and 300 seconds.');
    // The last value in range ("90") is kept until the field holds a valid one again.
    expect(trigger(store)?.params.responseTimeoutMs).toBe(90_000);

    await user.selectOptions(screen.getByLabelText('Answer the caller'), 'When the flow ends, with the result of its last step');
    expect(trigger(store)?.params).toMatchObject({ method: 'POST', respond: 'lastNode' });
  });

  it('read-only shows the values with every input disabled', async () => {
    renderSettings({ document: { ...orderFlow, description: 'Kept as it ran.', nodes: orderFlow.nodes.map((node) => (node.type === 'webhook' ? { ...node, params: { respond: 'lastNode', responseTimeoutMs: 3000 } } : node)) }, readOnly: true });
    const name = screen.getByLabelText<HTMLInputElement>('Name');
    const description = screen.getByLabelText<HTMLTextAreaElement>('Description');
    const respond = screen.getByLabelText<HTMLSelectElement>('Answer the caller');
    const wait = screen.getByLabelText<HTMLInputElement>('Stop waiting after (seconds)');
    expect([name.value, description.value, respond.value, wait.value]).toEqual(['Orders', 'Kept as it ran.', 'lastNode', '3']);
    for (const input of [name, description, respond, wait, screen.getByLabelText('When a run fails, start')]) expect((input as HTMLInputElement).matches(':disabled')).toBe(true);
  });
});
