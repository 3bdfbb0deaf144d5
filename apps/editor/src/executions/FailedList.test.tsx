// The failed list with a fake server: it shows each run's error, request and response, replays a
// checked selection or every failed run of the flow, on the version asked for, and says so.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FailedExecution } from './failed-api';
import { FailedList } from './FailedList';

function failedRun(id: string, startedAt: string): FailedExecution {
  return {
    id,
    flowId: 'flow-1',
    flowVersionId: 'v1',
    flowVersion: 1,
    eventId: `evt-${id}`,
    retryOf: null,
    status: 'error',
    error: { nodeId: 'warehouse', message: 'POST http://wh.example/orders answered 503', kind: 'runtime' },
    startedAt,
    finishedAt: startedAt,
    durationMs: 40,
    triggerSummary: 'POST {"order":1}',
    request: { method: 'POST', url: 'http://wh.example/orders?api_key=%5Bredacted%5D', headers: { authorization: '[redacted]' }, bodyPreview: '{"order":1}' },
    response: { status: 503, headers: {}, bodyPreview: 'maintenance' },
  };
}

function fakeServer() {
  const posts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      if (init?.method === 'POST' && path === '/api/executions/replay') {
        const body: unknown = JSON.parse(String(init.body));
        posts.push(body);
        return Response.json({ replayed: [{ executionId: 'new-1', retryOf: 'run-a' }] }, { status: 202 });
      }
      if (path.startsWith('/api/flows/flow-1/failed')) {
        return Response.json({ items: [failedRun('run-a', '2026-01-02T10:00:00.000Z'), failedRun('run-b', '2026-01-02T09:00:00.000Z')], nextCursor: null });
      }
      return Response.json({ error: 'not_found', message: `no route ${path}` }, { status: 404 });
    }),
  );
  return posts;
}

function renderList() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <FailedList flowId="flow-1" />
    </QueryClientProvider>,
  );
}

describe('FailedList', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows error, request and response, and replays the checked runs on the chosen version', async () => {
    const posts = fakeServer();
    const user = userEvent.setup();
    renderList();

    const row = await screen.findByTestId('failed-row-run-a');
    expect(within(row).getByText(/answered 503/)).toBeTruthy();
    expect(within(row).getByText(/POST http:\/\/wh.example\/orders\?api_key=%5Bredacted%5D/)).toBeTruthy();
    expect(within(row).getByText('maintenance')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('replay-selected').disabled).toBe(true);

    await user.click(within(row).getByRole('checkbox'));
    await user.selectOptions(screen.getByTestId('replay-version'), 'current');
    expect(screen.getByTestId('replay-selected').textContent).toBe('Replay selected (1)');
    await user.click(screen.getByTestId('replay-selected'));

    await waitFor(() => expect(posts).toEqual([{ executionIds: ['run-a'], version: 'current' }]));
    expect((await screen.findByTestId('replay-result')).textContent).toContain('Replaying 1 run');
    expect(within(screen.getByTestId('failed-row-run-a')).getByRole<HTMLInputElement>('checkbox').checked).toBe(false);
  });

  it('selects every shown run at once, and replays all failed runs of the flow', async () => {
    const posts = fakeServer();
    const user = userEvent.setup();
    renderList();

    await screen.findByTestId('failed-row-run-b');
    await user.click(screen.getByTestId('failed-select-all'));
    expect(screen.getByTestId('replay-selected').textContent).toBe('Replay selected (2)');
    await user.click(screen.getByTestId('replay-selected'));
    await waitFor(() => expect(posts).toEqual([{ executionIds: ['run-a', 'run-b'], version: 'original' }]));

    await user.click(screen.getByTestId('replay-all'));
    await waitFor(() => expect(posts[1]).toEqual({ flowId: 'flow-1', allFailed: true, version: 'original' }));
  });
});
