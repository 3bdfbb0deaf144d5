// The next runs shown beside a schedule's form, and the tick a test run starts from. The cron
// expression is read by flow-model's schedule-times, as the server reads it.
import { nextTicks, scheduleProblem } from '@hookflow/flow-model';
import type { CapturedRequest } from '../../api/api-types';

export type NextRuns = { times: Date[]; problem?: undefined } | { times?: undefined; problem: string };

export function nextRuns(cron: string, timezone: string, count: number, from = new Date()): NextRuns {
  if (cron === '') return { problem: 'Enter when the flow runs, e.g. "0 9 * * 1-5" for 9:00 on weekdays.' };
  const problem = scheduleProblem({ cron, timezone });
  return problem ? { problem: `${problem}.` } : { times: nextTicks({ cron, timezone }, count, from) };
}

/** A time as read on the schedule's clock, with the zone's name. */
export function formatInZone(time: Date, timezone: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: timezone, timeZoneName: 'short' }).format(time);
}

/** The event a tick at `at` stores: what a test run of a scheduled flow starts from. */
export function tickSample(args: { cron: string; timezone: string; at: Date }): CapturedRequest {
  const scheduledFor = args.at.toISOString();
  return {
    id: `sample-tick-${scheduledFor}`,
    method: 'SCHEDULE',
    headers: { 'content-type': 'application/json' },
    query: {},
    body: { scheduledFor, firedAt: scheduledFor, cron: args.cron, timezone: args.timezone },
    contentType: 'application/json',
    receivedAt: scheduledFor,
  };
}
