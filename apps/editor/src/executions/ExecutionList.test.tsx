// The executions list with a fake server: a failed run that a replay got through no longer shows as
// an open failure, says it was replayed OK and links to the run that went through.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExecutionSummary } from '../api/api-types';
import { ExecutionList } from './ExecutionList';

function run(id: string, changes: Partial<ExecutionSummary>): ExecutionSummary {
  return {
    id,
    flowId: 'flow-1',
    flowVersionId: 'v1',
    flowVersion: 1,
    eventId: 'evt-1',
    retryOf: null,
    status: 'error',
    error: { nodeId: 'warehouse', message: 'POST http://wh.example/orders answered 503', kind: 'runtime' },
    startedAt: '2026-12-06T09:00:00.000Z',
    finishedAt: '2026-12-06T09:00:00.040Z',
    durationMs: 40,
    triggerSummary: 'POST {"order":1}',
    resolvedBy: null,
    ...changes,
  };
}

function renderList(items: ExecutionSummary[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ items, nextCursor: null })),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ExecutionList flowId="flow-1" />
    </QueryClientProvider>,
  );
}

describe('ExecutionList', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a failure a replay got through as replayed OK, linking to that replay, and an open one as an error', async () => {
    renderList([
      run('run-c', { status: 'success', error: null, retryOf: 'run-a', startedAt: '2026-12-06T09:05:00.000Z' }),
      run('run-b', { eventId: 'evt-2', startedAt: '2026-12-06T09:01:00.000Z' }),
      run('run-a', { resolvedBy: 'run-c' }),
    ]);
    const replayed = await screen.findByTestId('execution-row-run-a');
    expect(within(replayed).queryByText('Error')).toBeNull();
    const note = within(replayed).getByTestId('replayed-ok');
    expect(note.getAttribute('title')).toBe('Failed: POST http://wh.example/orders answered 503. A replay went through.');
    expect(within(note).getByRole('link', { name: 'replayed OK' }).getAttribute('href')).toBe('/flows/flow-1/executions/run-c');

    const open = screen.getByTestId('execution-row-run-b');
    expect(within(open).getByText('Error')).toBeTruthy();
    expect(within(open).queryByTestId('replayed-ok')).toBeNull();
    expect(within(screen.getByTestId('execution-row-run-c')).getByText('Success')).toBeTruthy();
  });
});
