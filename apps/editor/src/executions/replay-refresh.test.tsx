// After a replay the server answers at once and runs afterwards: the failed list drops the
// replayed run as soon as the new run is stored, not at its next 10 s poll.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FailedList } from './FailedList';

function failedRun(id: string) {
  return {
    id,
    flowId: 'flow-1',
    flowVersionId: 'v1',
    flowVersion: 1,
    eventId: `evt-${id}`,
    retryOf: null,
    status: 'error',
    error: { nodeId: 'warehouse', message: 'answered 503', kind: 'runtime' },
    startedAt: '2026-01-02T10:00:00.000Z',
    finishedAt: '2026-01-02T10:00:00.000Z',
    durationMs: 40,
    request: null,
    response: null,
  };
}

describe('FailedList after a replay', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refreshes once the replayed run has finished', async () => {
    let replayed = false;
    let checks = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const path = String(input);
        if (init?.method === 'POST' && path === '/api/executions/replay') {
          replayed = true;
          return Response.json({ replayed: [{ executionId: 'new-1', retryOf: 'run-a' }] }, { status: 202 });
        }
        // The new run is stored (and delivered) only after a couple of checks.
        if (path === '/api/executions/new-1') {
          checks += 1;
          return checks < 3 ? Response.json({ error: 'not_found', message: 'no execution' }, { status: 404 }) : Response.json({ id: 'new-1', status: 'success' });
        }
        if (path.startsWith('/api/flows/flow-1/failed')) {
          const done = replayed && checks >= 3;
          return Response.json({ items: done ? [failedRun('run-b')] : [failedRun('run-a'), failedRun('run-b')], nextCursor: null });
        }
        return Response.json({ items: [], nextCursor: null });
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <FailedList flowId="flow-1" />
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.click(within(await screen.findByTestId('failed-row-run-a')).getByRole('checkbox'));
    await user.click(screen.getByTestId('replay-selected'));
    // Well before the list's own 10 s poll.
    await waitFor(() => expect(screen.queryByTestId('failed-row-run-a')).toBeNull(), { timeout: 3000 });
    expect(checks).toBe(3);
    expect(screen.getByTestId('failed-row-run-b')).toBeTruthy();
  });
});
