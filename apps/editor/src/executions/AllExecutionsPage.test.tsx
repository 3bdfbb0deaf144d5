// The global executions page: every flow's runs with the flow's name, each linked to its detail,
// and the filters and search sent to GET /api/executions as the server documents them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AllExecutionsPage from './AllExecutionsPage';

const run = (id: string, flowId: string, extra: Record<string, unknown> = {}) => ({
  id,
  flowId,
  flowVersionId: 'v1',
  flowVersion: 1,
  eventId: `evt-${id}`,
  retryOf: null,
  status: 'success',
  error: null,
  startedAt: '2026-01-02T10:00:00.000Z',
  finishedAt: '2026-01-02T10:00:00.000Z',
  durationMs: 40,
  triggerSummary: 'POST {"order":1}',
  ...extra,
});

function stubServer() {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/flows') return Response.json([{ id: 'flow-a', name: 'Orders' }, { id: 'flow-b', name: 'Signups' }]);
      if (url.pathname === '/api/executions') {
        asked.push(url.searchParams);
        const items = url.searchParams.get('q') === '503' ? [run('run-2', 'flow-b', { status: 'error', error: { nodeId: 'crm', message: 'HTTP 503 from crm', kind: 'runtime' } })] : [run('run-1', 'flow-a'), run('run-2', 'flow-b', { status: 'error', error: { nodeId: 'crm', message: 'HTTP 503 from crm', kind: 'runtime' } })];
        return Response.json({ items, nextCursor: null });
      }
      return Response.json({ error: 'not_found' }, { status: 404 });
    }),
  );
  return asked;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AllExecutionsPage />
    </QueryClientProvider>,
  );
}

describe('the executions page of all flows', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists runs of every flow with the flow’s name and its error, each linked to the run', async () => {
    stubServer();
    renderPage();
    const row = await screen.findByTestId('execution-row-run-2');
    await waitFor(() => expect(within(row).getByText('Signups')).toBeTruthy());
    expect(within(row).getByText('HTTP 503 from crm')).toBeTruthy();
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/flows/flow-b/executions/run-2');
    expect(within(screen.getByTestId('execution-row-run-1')).getByText('Orders')).toBeTruthy();
  });

  it('sends the flow, status, time range and search, and shows what the server found', async () => {
    const asked = stubServer();
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('execution-row-run-1');
    await user.selectOptions(screen.getByLabelText('Flow'), 'flow-b');
    await user.selectOptions(screen.getByLabelText('Status'), 'error');
    await user.type(screen.getByLabelText('Started from'), '2026-01-02T09:00');
    await user.type(screen.getByLabelText('Search'), '503{Enter}');
    await waitFor(() => expect(asked.at(-1)?.get('q')).toBe('503'));
    const last = asked.at(-1);
    expect(last?.get('flowId')).toBe('flow-b');
    expect(last?.get('status')).toBe('error');
    expect(last?.get('from')).toBe(new Date('2026-01-02T09:00').toISOString());
    expect(last?.get('limit')).toBe('25');
    await waitFor(() => expect(screen.queryByTestId('execution-row-run-1')).toBeNull());
    expect(screen.getByTestId('execution-row-run-2')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect([...(asked.at(-1)?.keys() ?? [])]).toEqual(['limit']));
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('');
  });
});
