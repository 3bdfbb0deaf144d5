// Executions per hour over the last 24 h, stacked by status. Plain SVG: no chart library.
import { useQuery } from '@tanstack/react-query';
import type { ExecutionStatsBucket } from '../api/api-types';
import { api } from '../api/endpoints';
import { queryKeys } from '../api/query-keys';
import { ErrorMessage } from '../shared/ErrorMessage';

const WIDTH = 480;
const HEIGHT = 90;
const STATUSES = ['success', 'filtered', 'error'] as const;

export function ExecutionsChart({ flowId }: { flowId: string }) {
  const stats = useQuery({ queryKey: queryKeys.executionStats(flowId), queryFn: () => api.executionStats({ flowId, hours: 24 }), refetchInterval: 30_000 });
  if (stats.error) return <ErrorMessage error={stats.error} title="Could not load the chart" />;
  const buckets = stats.data?.buckets ?? [];
  const totals = buckets.reduce((sum, bucket) => ({ success: sum.success + bucket.success, filtered: sum.filtered + bucket.filtered, error: sum.error + bucket.error }), { success: 0, filtered: 0, error: 0 });
  const max = Math.max(1, ...buckets.map(total));
  const slot = buckets.length > 0 ? WIDTH / buckets.length : WIDTH;
  const summary = `Last 24 hours: ${totals.success} succeeded, ${totals.filtered} filtered, ${totals.error} failed.`;
  return (
    <figure className="chart" data-testid="executions-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {buckets.map((bucket, index) => {
          let top = HEIGHT;
          return (
            <g key={bucket.hour}>
              <title>{`${new Date(bucket.hour).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}: ${bucket.success} success, ${bucket.filtered} filtered, ${bucket.error} error`}</title>
              <rect x={index * slot} y={0} width={slot} height={HEIGHT} fill="transparent" />
              {STATUSES.map((status) => {
                const height = (bucket[status] / max) * (HEIGHT - 4);
                top -= height;
                return height > 0 ? <rect key={status} className={`bar bar-${status}`} x={index * slot + 1} y={top} width={Math.max(1, slot - 2)} height={height} /> : null;
              })}
            </g>
          );
        })}
        <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="axis" />
      </svg>
      <figcaption className="chart-legend">
        <span className="legend legend-success">{totals.success} success</span>
        <span className="legend legend-filtered">{totals.filtered} filtered</span>
        <span className="legend legend-error">{totals.error} error</span>
        <span className="muted">per hour, last 24 h</span>
      </figcaption>
    </figure>
  );
}

function total(bucket: ExecutionStatsBucket): number {
  return bucket.success + bucket.filtered + bucket.error;
}
