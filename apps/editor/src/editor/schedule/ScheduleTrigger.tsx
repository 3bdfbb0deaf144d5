// Beside a schedule trigger's form: the next times it fires, read on its own clock, and the tick a
// test run starts from (set as the sample when there is none, so templates can offer its fields).
import { useEffect, useMemo } from 'react';
import { useEditorStore } from '../store/editor-store-context';
import { formatInZone, nextRuns, tickSample } from './schedule-times';

export function ScheduleTrigger({ nodeId }: { nodeId: string }) {
  const params = useEditorStore((state) => state.nodes.find((node) => node.id === nodeId)?.data.params);
  const hasSample = useEditorStore((state) => state.sample !== null);
  const setSample = useEditorStore((state) => state.setSample);
  const cron = typeof params?.cron === 'string' ? params.cron.trim() : '';
  const timezone = typeof params?.timezone === 'string' && params.timezone.trim() !== '' ? params.timezone.trim() : 'UTC';
  const next = useMemo(() => nextRuns(cron, timezone, 3), [cron, timezone]);
  const first = next.times?.[0];

  useEffect(() => {
    if (!hasSample && first) setSample(tickSample({ cron, timezone, at: first }));
  }, [hasSample, first, cron, timezone, setSample]);

  return (
    <section className="webhook-box" aria-label="Schedule">
      <p className="small-text">The flow runs by itself at these times while it is active. It has no URL: apps cannot call it. Each run is stored as an event you can see and re-send.</p>
      {next.times === undefined ? (
        <p className="error-message" role="alert" data-testid="schedule-problem">
          {next.problem}
        </p>
      ) : (
        <>
          <h3 className="section-title">Next runs</h3>
          <ul data-testid="schedule-next-runs">
            {next.times.map((time) => (
              <li key={time.toISOString()}>{formatInZone(time, timezone)}</li>
            ))}
          </ul>
        </>
      )}
      {first ? (
        <button type="button" className="button small" onClick={() => setSample(tickSample({ cron, timezone, at: first }))}>
          Use the next run as the sample
        </button>
      ) : null}
    </section>
  );
}
