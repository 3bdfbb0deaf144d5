// A run waiting at a delay offers "Cancel the wait" instead of Retry (a retry would run what follows
// the delay twice); cancelling asks the server and shows the run as cancelled.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExecutionDetailView } from './ExecutionDetailView';

const run = (status: string) => ({
  id: 'run-1',
  flowId: 'flow-1',
  flowVersionId: 'v1',
  flowVersion: 1,
  eventId: 'evt-1',
  retryOf: null,
  status,
  error: null,
  startedAt: '2026-01-02T10:00:00.000Z',
  finishedAt: '2026-01-02T10:00:00.000Z',
  durationMs: 2,
  resumeAt: status === 'waiting' ? '2026-01-02T11:00:00.000Z' : null,
  steps: [],
});

describe('a waiting run', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('can be cancelled, not retried, and then shows as cancelled', async () => {
    let status = 'waiting';
    const posted: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const path = String(input);
        if (init?.method === 'POST') {
          posted.push(path);
          status = 'cancelled';
          return Response.json({ id: 'run-1', status: 'cancelled' });
        }
        if (path === '/api/executions/run-1') return Response.json(run(status));
        return Response.json({ error: 'not_found', message: 'not here' }, { status: 404 });
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ExecutionDetailView flowId="flow-1" executionId="run-1" />
      </QueryClientProvider>,
    );
    const cancel = await screen.findByRole('button', { name: 'Cancel the wait' });
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect((await screen.findByTestId('waiting-until')).textContent).toMatch(/until/);
    await userEvent.setup().click(cancel);
    expect(posted).toEqual(['/api/executions/run-1/cancel']);
    expect((await screen.findByTestId('execution-status', {}, { timeout: 5_000 })).textContent).toBeTruthy();
    await vi.waitFor(() => expect(screen.getByTestId('execution-status').textContent).toBe('Cancelled'), { timeout: 5_000 });
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
