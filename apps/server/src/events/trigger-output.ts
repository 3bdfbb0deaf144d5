// The trigger output every flow starts from ({ body, query, headers, method, receivedAt, eventId }),
// built in one place: from a request as intake parsed it, or from a stored event row.
import type { TriggerOutput } from '@hookflow/flow-model';
import type { EventRow } from '../storage/rows';
import { readBody } from './event-body';

export function toTriggerOutput(event: {
  id: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  receivedAt: string;
}): TriggerOutput {
  return { body: event.body, query: event.query, headers: event.headers, method: event.method, receivedAt: event.receivedAt, eventId: event.id };
}

/** The trigger output of a stored event, its body read back as the trigger saw it. */
export function triggerOutputOf(row: EventRow): TriggerOutput {
  return toTriggerOutput({ ...row, body: readBody(row) });
}
