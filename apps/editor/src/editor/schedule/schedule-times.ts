// When a schedule fires, read in the browser with croner as the server reads it, to show the next
// runs beside the form, and the tick a test run starts from.
import { Cron } from 'croner';
import type { CapturedRequest } from '../../api/api-types';

export type NextRuns = { times: Date[]; problem?: undefined } | { times?: undefined; problem: string };

export function nextRuns(cron: string, timezone: string, count: number, from = new Date()): NextRuns {
  if (cron === '') return { problem: 'Enter when the flow runs, e.g. "0 9 * * 1-5" for 9:00 on weekdays.' };
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    return { problem: `"${timezone}" is not a time zone; use a name such as UTC or Europe/Berlin.` };
  }
  try {
    const times = new Cron(cron, { timezone, paused: true }).nextRuns(count, from);
    return times.length > 0 ? { times } : { problem: 'This schedule never fires.' };
  } catch {
    return { problem: `"${cron}" is not a cron expression; e.g. "0 9 * * 1-5" fires at 9:00 on weekdays.` };
  }
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
