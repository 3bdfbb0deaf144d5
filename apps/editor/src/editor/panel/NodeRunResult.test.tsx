// A failed step shows its error and no "Output: undefined"; a step that produced output shows it.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NodeRunResult } from './NodeRunResult';

const failed = {
  status: 'error' as const,
  step: {
    nodeId: 'warehouse',
    nodeType: 'http',
    status: 'error' as const,
    startedAt: '2026-01-01T10:00:00.000Z',
    durationMs: 12,
    attempts: 3,
    input: { url: 'https://warehouse.test/orders', method: 'POST' },
    error: { message: 'HTTP 503 from https://warehouse.test/orders', kind: 'runtime' as const, retryable: true },
  },
};

describe('NodeRunResult', () => {
  it('shows the error of a failed step and no Output line when there is no output', () => {
    render(<NodeRunResult view={failed} />);
    expect(screen.getByTestId('node-run-error').textContent).toContain('HTTP 503 from https://warehouse.test/orders');
    expect(screen.queryByText('Output')).toBeNull();
    expect(screen.queryByTestId('step-output')).toBeNull();
    expect(screen.getByTestId('node-run-result').textContent).not.toContain('undefined');
    expect(screen.getByTestId('step-input').textContent).toContain('warehouse.test');
  });

  it('shows what the code printed, as lines', () => {
    render(<NodeRunResult view={{ status: 'error', step: { ...failed.step, nodeType: 'code', logs: ['looking up 7', '[warn] no customer'] } }} />);
    expect(screen.getByText('Console')).toBeTruthy();
    expect(screen.getByTestId('step-logs').textContent).toBe('looking up 7\n[warn] no customer');
  });

  it('shows the output of a step that has one', () => {
    render(<NodeRunResult view={{ status: 'success', step: { ...failed.step, status: 'success', error: undefined, output: { status: 200 } } }} />);
    expect(screen.getByText('Output')).toBeTruthy();
    expect(screen.getByTestId('step-output').textContent).toContain('200');
  });

  it('shows a delay that holds the run as waiting, with until when', () => {
    const waiting = { nodeId: 'wait', nodeType: 'delay', status: 'waiting' as const, startedAt: '2026-01-01T10:00:00.000Z', durationMs: 1, attempts: 1, resumeAt: '2026-01-01T11:00:00.000Z', output: { until: '2026-01-01T11:00:00.000Z' } };
    render(<NodeRunResult view={{ status: 'waiting', step: waiting }} />);
    expect(screen.getByTestId('node-run-status').textContent).toBe('Waiting');
    expect(screen.getByTestId('node-run-waiting').textContent).toMatch(/waiting here until .+; it goes on then/);
  });
});
