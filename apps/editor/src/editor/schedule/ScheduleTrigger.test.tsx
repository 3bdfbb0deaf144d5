// A schedule trigger shows its next runs on its own clock, says plainly what it cannot read, and
// gives a flow with no sample a tick to test and autocomplete with.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/api-types';
import { makeStore } from '../../test-support/render-helpers';
import { EditorStoreProvider } from '../store/editor-store-context';
import { ScheduleTrigger } from './ScheduleTrigger';
import { nextRuns } from './schedule-times';

function scheduled(params: Record<string, unknown>): FlowDocument {
  return { name: 'Every morning', nodes: [{ id: 'tick', type: 'schedule', typeVersion: 1, position: { x: 0, y: 0 }, params }], edges: [] };
}

describe('ScheduleTrigger', () => {
  it('lists the next three runs and makes the first one the sample', () => {
    const store = makeStore(scheduled({ cron: '0 9 * * 1-5', timezone: 'Europe/Berlin' }));
    render(
      <EditorStoreProvider store={store}>
        <ScheduleTrigger nodeId="tick" />
      </EditorStoreProvider>,
    );
    expect(screen.getByTestId('schedule-next-runs').querySelectorAll('li')).toHaveLength(3);
    const sample = store.getState().sample;
    expect(sample?.method).toBe('SCHEDULE');
    expect(sample?.body).toMatchObject({ cron: '0 9 * * 1-5', timezone: 'Europe/Berlin', scheduledFor: expect.stringMatching(/T0[78]:00:00.000Z$/) });
  });

  it('says what it cannot read instead of listing times', () => {
    const store = makeStore(scheduled({ cron: 'every morning' }));
    render(
      <EditorStoreProvider store={store}>
        <ScheduleTrigger nodeId="tick" />
      </EditorStoreProvider>,
    );
    expect(screen.getByTestId('schedule-problem').textContent).toContain('"every morning" is not a cron expression');
    expect(store.getState().sample).toBeNull();
  });

  it('reads weekdays at 9:00 in Berlin as 8:00 UTC in winter', () => {
    const next = nextRuns('0 9 * * 1-5', 'Europe/Berlin', 2, new Date('2026-12-04T12:00:00Z'));
    expect(next.times?.map((time) => time.toISOString())).toEqual(['2026-12-07T08:00:00.000Z', '2026-12-08T08:00:00.000Z']);
    expect(nextRuns('0 9 * * *', 'Mars/Olympus', 1).problem).toContain('is not a time zone');
  });
});
