// The executions chart with a fake server: a runs axis with round ticks, hour labels, a tooltip per
// hour on hover and on keyboard focus, and failures a replay got through set apart from open ones.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExecutionStatsBucket } from '../api/api-types';
import { axisTicks, ExecutionsChart } from './ExecutionsChart';

const FIRST_HOUR = Date.parse('2026-12-05T10:00:00.000Z');

function buckets(): ExecutionStatsBucket[] {
  return Array.from({ length: 24 }, (_, index) => ({
    hour: new Date(FIRST_HOUR + index * 3_600_000).toISOString(),
    success: index === 23 ? 5 : 0,
    filtered: index === 23 ? 1 : 0,
    error: index === 22 ? 3 : 0,
    resolved: index === 22 ? 2 : 0,
  }));
}

function renderChart() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ buckets: buckets() })),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ExecutionsChart flowId="flow-1" />
    </QueryClientProvider>,
  );
}

const hour = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

describe('ExecutionsChart', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws a runs axis and hour labels, and says what each hour holds on hover and focus', async () => {
    renderChart();
    const last = await screen.findByTestId('chart-hour-23');
    const axis = screen.getByTestId('chart-runs-axis');
    expect(within(axis).getByText('runs')).toBeTruthy();
    expect([...axis.querySelectorAll('text')].map((text) => text.textContent).slice(1)).toEqual(['0', '2', '4', '6']);
    expect(within(screen.getByTestId('chart-hour-0')).getByText(hour('2026-12-05T10:00:00.000Z'))).toBeTruthy();
    expect(within(screen.getByTestId('chart-hour-18')).getByText(hour('2026-12-06T04:00:00.000Z'))).toBeTruthy();

    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
    fireEvent.mouseEnter(last);
    expect(screen.getByTestId('chart-tooltip').textContent).toBe(`${hour('2026-12-06T09:00:00.000Z')}–${hour('2026-12-06T10:00:00.000Z')}: 5 success, 1 filtered, 0 failed`);
    fireEvent.focus(screen.getByTestId('chart-hour-22'));
    expect(screen.getByTestId('chart-tooltip').textContent).toContain('1 failed, 2 failed, replayed OK');
    fireEvent.blur(screen.getByTestId('chart-hour-22'));
    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
  });

  it('draws failures a replay got through apart from open ones, and counts them so', async () => {
    renderChart();
    const failedHour = await screen.findByTestId('chart-hour-22');
    expect(failedHour.querySelectorAll('.bar-open')).toHaveLength(1);
    expect(failedHour.querySelectorAll('.bar-resolved')).toHaveLength(1);
    expect(screen.getByTestId('executions-chart').textContent).toContain('1 failed');
    expect(screen.getByText('2 failed, replayed OK')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Last 24 hours: 5 succeeded, 1 filtered, 1 failed, 2 failed then replayed OK.');
  });

  it('picks round ticks: whole runs, at most five', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(130)).toEqual([0, 50, 100, 150]);
  });
});
