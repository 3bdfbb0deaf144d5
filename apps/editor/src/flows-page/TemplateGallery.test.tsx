// The template gallery with a fake server: each card says what the flow does, which node types it
// uses and which placeholders the user will have to fill in before activating it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../api/api-types';
import { TemplateGallery } from './TemplateGallery';

const alerts: FlowDocument = {
  name: 'Alert #ops when a flow fails',
  nodes: [
    { id: 'failed', type: 'webhook', typeVersion: 1, position: { x: 0, y: 0 }, params: { path: 'alerts/flow-failed' } },
    { id: 'notify', type: 'slack', typeVersion: 1, position: { x: 260, y: 0 }, params: { webhookUrl: '<<your Slack incoming webhook URL>>', text: '{{trigger.body.error.message}}' } },
  ],
  edges: [{ id: 'e1', source: 'failed', target: 'notify', sourceHandle: null }],
};

const orders: FlowDocument = {
  name: 'Big orders to the warehouse',
  nodes: [{ id: 'hook', type: 'webhook', typeVersion: 1, position: { x: 0, y: 0 }, params: {} }],
  edges: [],
};

function renderGallery(onPick: (document: FlowDocument) => void) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json([
        { id: 'alert-on-failure', name: alerts.name, description: 'Pick it as another flow’s on-error flow.', document: alerts },
        { id: 'order-to-http', name: orders.name, description: 'Sends big orders on.', document: orders },
      ]),
    ),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TemplateGallery onPick={onPick} onClose={() => undefined} />
    </QueryClientProvider>,
  );
}

describe('TemplateGallery', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows node types and the placeholders to fill in, and hands the picked document on', async () => {
    const picked: FlowDocument[] = [];
    renderGallery((document) => picked.push(document));
    const card = await screen.findByTestId('template-alert-on-failure');
    expect(within(card).getByText('2 nodes: webhook, slack')).toBeTruthy();
    expect(within(card).getByTestId('template-fill').textContent).toBe('You fill in: your Slack incoming webhook URL');
    expect(within(screen.getByTestId('template-order-to-http')).queryByTestId('template-fill')).toBeNull();
    await userEvent.setup().click(card);
    expect(picked).toEqual([alerts]);
  });
});
