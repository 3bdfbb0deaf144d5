// "Drop if older than": the event's own time, read from where the user said, as Unix seconds,
// Unix milliseconds or an ISO date. A missing or unreadable time does not drop the event: losing
// an event is worse than running a stale one.
import type { WebhookDropOlderThanParams } from '@hookflow/nodes';
import { valueAt } from './request-values';

/** Below this a number is taken as seconds, above as milliseconds (year 33658 in seconds). */
const MILLISECONDS_FROM = 1e12;

export function staleReason(args: {
  drop: WebhookDropOlderThanParams | undefined;
  headers: Record<string, string>;
  body: unknown;
  now: Date;
}): string | undefined {
  const { drop } = args;
  if (!drop) return undefined;
  const value = valueAt(drop.source, drop.path, args);
  const time = value === undefined ? undefined : eventTime(value);
  if (time === undefined) return undefined;
  const ageSeconds = Math.floor((args.now.getTime() - time) / 1000);
  if (ageSeconds <= drop.maxAgeSeconds) return undefined;
  return `The event is ${ageSeconds} s old by its ${drop.source} "${drop.path}", older than the ${drop.maxAgeSeconds} s this trigger accepts.`;
}

function eventTime(value: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) {
    const number = Number(value);
    return number < MILLISECONDS_FROM ? number * 1000 : number;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}
