import type { TriggerOutput } from '@hookflow/flow-model';

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
