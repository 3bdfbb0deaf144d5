// When a schedule fires: its cron expression read in its time zone, by croner. Here so that the
// schedule node, the server's scheduler and the editor's list of next runs read it the same way.
import { Cron } from 'croner';

export interface ScheduleSpec {
  cron: string;
  timezone: string;
}

function cronOf(spec: ScheduleSpec): Cron {
  return new Cron(spec.cron, { timezone: spec.timezone, paused: true });
}

/** Why the expression or time zone cannot be read, in plain words; undefined when both are fine. */
export function scheduleProblem(spec: ScheduleSpec): string | undefined {
  if (!isTimeZone(spec.timezone)) return `"${spec.timezone}" is not a time zone; use a name such as UTC or Europe/Berlin`;
  try {
    const cron = cronOf(spec);
    if (!cron.nextRun(new Date())) return 'this schedule never fires';
    return undefined;
  } catch (err) {
    return `"${spec.cron}" is not a cron expression (${err instanceof Error ? err.message : String(err)}); e.g. "0 9 * * 1-5" fires at 9:00 on weekdays`;
  }
}

/** The first tick strictly after `after`, or undefined when none is left. */
export function nextTick(spec: ScheduleSpec, after: Date): Date | undefined {
  return cronOf(spec).nextRun(after) ?? undefined;
}

/** The next `count` ticks after `after`. */
export function nextTicks(spec: ScheduleSpec, count: number, after: Date): Date[] {
  return cronOf(spec).nextRuns(count, after);
}

/** Ticks strictly after `after` and at or before `until`, oldest first, at most `limit`. */
export function ticksBetween(spec: ScheduleSpec, after: Date, until: Date, limit: number): Date[] {
  const cron = cronOf(spec);
  const ticks: Date[] = [];
  let at: Date | null = after;
  while (ticks.length < limit && at) {
    at = cron.nextRun(at);
    if (!at || at.getTime() > until.getTime()) break;
    ticks.push(at);
  }
  return ticks;
}

/** The latest tick at or before `at`, or undefined when there is none. */
export function lastTickUpTo(spec: ScheduleSpec, at: Date): Date | undefined {
  return cronOf(spec).previousRuns(1, new Date(at.getTime() + 1))[0];
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
