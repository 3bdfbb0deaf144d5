// Executions per hour over the last 24 h, stacked by status, with a runs axis, hour labels and a
// tooltip per hour (hover, or focus with the keyboard). Plain SVG: no chart library. Failures a
// replay got through are drawn apart from the open ones, so a fixed problem stops looking red.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExecutionStatsBucket } from '../api/api-types';
import { api } from '../api/endpoints';
import { queryKeys } from '../api/query-keys';
import { ErrorMessage } from '../shared/ErrorMessage';

const WIDTH = 480;
const HEIGHT = 150;
const PLOT = { left: 30, right: 6, top: 16, bottom: 22 };
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
const PLOT_WIDTH = WIDTH - PLOT.left - PLOT.right;
/** Bottom to top. */
const PARTS = ['success', 'filtered', 'resolved', 'open'] as const;

export function ExecutionsChart({ flowId }: { flowId: string }) {
  const stats = useQuery({ queryKey: queryKeys.executionStats(flowId), queryFn: () => api.executionStats({ flowId, hours: 24 }), refetchInterval: 30_000 });
  const [active, setActive] = useState<number | null>(null);
  if (stats.error) return <ErrorMessage error={stats.error} title="Could not load the chart" />;
  const buckets = (stats.data?.buckets ?? []).map(partsOf);
  const totals = sumOf(buckets);
  const ticks = axisTicks(Math.max(0, ...buckets.map((bucket) => bucket.total)));
  const scale: Scale = { top: ticks[ticks.length - 1], slot: buckets.length > 0 ? PLOT_WIDTH / buckets.length : PLOT_WIDTH };
  const summary = `Last 24 hours: ${totals.success} succeeded, ${totals.filtered} filtered, ${totals.open} failed${totals.resolved ? `, ${totals.resolved} failed then replayed OK` : ''}.`;
  const shown = active === null ? undefined : buckets[active];
  return (
    <figure className="chart" data-testid="executions-chart" onMouseLeave={() => setActive(null)}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <RunsAxis ticks={ticks} scale={scale} />
        {buckets.map((bucket, index) => (
          <HourBar key={bucket.hour} bucket={bucket} index={index} scale={scale} active={index === active} onActive={setActive} />
        ))}
      </svg>
      {shown && active !== null ? (
        <div className="chart-tooltip" role="status" data-testid="chart-tooltip" style={{ left: `${tooltipLeft(active, scale)}%` }}>
          {describe(shown)}
        </div>
      ) : null}
      <figcaption className="chart-legend">
        <span className="legend legend-success">{totals.success} success</span>
        <span className="legend legend-filtered">{totals.filtered} filtered</span>
        <span className="legend legend-open">{totals.open} failed</span>
        {totals.resolved ? <span className="legend legend-resolved">{totals.resolved} failed, replayed OK</span> : null}
        <span className="muted">runs per hour, last 24 h</span>
      </figcaption>
    </figure>
  );
}

/** The runs scale: gridlines with their counts, and the axis title. */
function RunsAxis({ ticks, scale }: { ticks: number[]; scale: Scale }) {
  return (
    <g data-testid="chart-runs-axis">
      <text x={0} y={9} className="axis-label axis-title">
        runs
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={yOf(tick, scale)} y2={yOf(tick, scale)} className={tick === 0 ? 'axis' : 'gridline'} />
          <text x={PLOT.left - 5} y={yOf(tick, scale) + 3.5} textAnchor="end" className="axis-label">
            {tick}
          </text>
        </g>
      ))}
    </g>
  );
}

/** One hour: its stacked bars, its label every 6 hours, and a target for the tooltip. */
function HourBar({ bucket, index, scale, active, onActive }: { bucket: HourParts; index: number; scale: Scale; active: boolean; onActive: (index: number | null) => void }) {
  const x = PLOT.left + index * scale.slot;
  let stackTop = yOf(0, scale);
  return (
    <g
      className={active ? 'chart-hour active' : 'chart-hour'}
      data-testid={`chart-hour-${index}`}
      tabIndex={0}
      aria-label={describe(bucket)}
      onMouseEnter={() => onActive(index)}
      onFocus={() => onActive(index)}
      onBlur={() => onActive(null)}
    >
      <rect x={x} y={PLOT.top} width={scale.slot} height={PLOT_HEIGHT} className="chart-hover" />
      {PARTS.map((part) => {
        const height = yOf(0, scale) - yOf(bucket[part], scale);
        stackTop -= height;
        return height > 0 ? <rect key={part} className={`bar bar-${part}`} x={x + 1} y={stackTop} width={Math.max(1, scale.slot - 2)} height={height} /> : null;
      })}
      {index % 6 === 0 ? (
        <text x={x + scale.slot / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-label">
          {hourLabel(bucket.hour)}
        </text>
      ) : null}
    </g>
  );
}

/** The tooltip's centre over its hour, in % of the chart, kept clear of the edges. */
function tooltipLeft(index: number, scale: Scale): number {
  const centre = ((PLOT.left + (index + 0.5) * scale.slot) / WIDTH) * 100;
  return Math.min(82, Math.max(18, centre));
}

function yOf(runs: number, scale: Scale): number {
  return PLOT.top + PLOT_HEIGHT - (runs / scale.top) * PLOT_HEIGHT;
}

function sumOf(buckets: HourParts[]): Omit<HourParts, 'hour' | 'total'> {
  const zero = { success: 0, filtered: 0, open: 0, resolved: 0 };
  return buckets.reduce((sum, bucket) => ({ success: sum.success + bucket.success, filtered: sum.filtered + bucket.filtered, open: sum.open + bucket.open, resolved: sum.resolved + bucket.resolved }), zero);
}

interface Scale {
  /** Runs at the top of the plot. */
  top: number;
  /** Width of one hour. */
  slot: number;
}

interface HourParts {
  hour: string;
  success: number;
  filtered: number;
  /** Failures still open; `resolved`: failures a later replay got through. */
  open: number;
  resolved: number;
  total: number;
}

function partsOf(bucket: ExecutionStatsBucket): HourParts {
  const resolved = Math.min(bucket.error, bucket.resolved ?? 0);
  return { hour: bucket.hour, success: bucket.success, filtered: bucket.filtered, open: bucket.error - resolved, resolved, total: bucket.success + bucket.filtered + bucket.error };
}

function describe(bucket: HourParts): string {
  const end = new Date(Date.parse(bucket.hour) + 3_600_000).toISOString();
  const parts = [`${bucket.success} success`, `${bucket.filtered} filtered`, `${bucket.open} failed`];
  if (bucket.resolved) parts.push(`${bucket.resolved} failed, replayed OK`);
  return `${hourLabel(bucket.hour)}–${hourLabel(end)}: ${parts.join(', ')}`;
}

function hourLabel(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** 0 up to a round top at or above `max`, in 1, 2 or 5 × 10ⁿ steps: at most 5 ticks, whole runs. */
export function axisTicks(max: number): number[] {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}
