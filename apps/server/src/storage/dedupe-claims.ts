// Claiming delivery ids inside the group-commit transaction that inserts their events. A claim is
// an upsert that only overwrites an expired row, so two requests with the same key (in one batch,
// in two batches, or in two processes on PostgreSQL) can never both win: the loser sees the
// winner's event id and its own event is stored as a duplicate that runs nothing.
import type { EntityManager } from 'typeorm';
import type { EventRow } from './rows';

export interface DedupeClaim {
  eventId: string;
  flowId: string;
  key: string;
  expiresAt: string;
}

/** Event id of a claim that lost → event id of the first event with that key. */
export type Duplicates = Map<string, string>;

export const SQLITE_CLAIM_SQL =
  'INSERT INTO "dedupe_keys" ("flowId", "key", "eventId", "expiresAt") VALUES (?, ?, ?, ?) ' +
  'ON CONFLICT ("flowId", "key") DO UPDATE SET "eventId" = excluded."eventId", "expiresAt" = excluded."expiresAt" ' +
  'WHERE "dedupe_keys"."expiresAt" <= ?';
export const SQLITE_OWNER_SQL = 'SELECT "eventId" FROM "dedupe_keys" WHERE "flowId" = ? AND "key" = ?';

// On SQLite the claims run one by one on the writer thread (sqlite-writer.worker.cjs), so in-batch
// repeats lose too.
export async function claimOnPostgres(args: { manager: EntityManager; table: string; claims: DedupeClaim[]; now: string }): Promise<Duplicates> {
  const { manager, table, claims, now } = args;
  const duplicates: Duplicates = new Map();
  // One upsert may not touch a row twice, so repeats inside the batch are settled after it.
  const firsts = new Map<string, DedupeClaim>();
  const repeats: DedupeClaim[] = [];
  for (const claim of claims) {
    const id = `${claim.flowId}\u0000${claim.key}`;
    if (firsts.has(id)) repeats.push(claim);
    else firsts.set(id, claim);
  }
  // A fixed order, so two processes claiming overlapping keys lock rows in the same order.
  const candidates = [...firsts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, claim]) => claim);
  const claimed: unknown = await manager.query(
    `INSERT INTO ${table} AS d ("flowId", "key", "eventId", "expiresAt") SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) ` +
      `ON CONFLICT ("flowId", "key") DO UPDATE SET "eventId" = EXCLUDED."eventId", "expiresAt" = EXCLUDED."expiresAt" WHERE d."expiresAt" <= $5 RETURNING "eventId"`,
    [candidates.map((c) => c.flowId), candidates.map((c) => c.key), candidates.map((c) => c.eventId), candidates.map((c) => c.expiresAt), now],
  );
  const won = new Set(rowsOf(claimed).map(eventIdOf));
  const lost = [...candidates.filter((claim) => !won.has(claim.eventId)), ...repeats];
  if (lost.length === 0) return duplicates;
  const owners: unknown = await manager.query(
    `SELECT "flowId", "key", "eventId" FROM ${table} WHERE ("flowId", "key") IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))`,
    [lost.map((c) => c.flowId), lost.map((c) => c.key)],
  );
  const ownerOf = new Map(rowsOf(owners).map((row) => [`${stringField(row, 'flowId')}\u0000${stringField(row, 'key')}`, eventIdOf(row)]));
  for (const claim of lost) duplicates.set(claim.eventId, ownerOf.get(`${claim.flowId}\u0000${claim.key}`) ?? 'unknown');
  return duplicates;
}

/** The event rows as they are stored: the losers of a claim become duplicates that run nothing. */
export function withDuplicates(events: EventRow[], duplicates: Duplicates): EventRow[] {
  if (duplicates.size === 0) return events;
  return events.map((row) => {
    const first = duplicates.get(row.id);
    return first === undefined ? row : { ...row, status: 'duplicate', httpStatus: 200, reason: duplicateReason(first) };
  });
}

export function duplicateReason(firstEventId: string): string {
  return `Duplicate of event ${firstEventId}: the same delivery id arrived within the retention window, so the flow did not run again.`;
}

function rowsOf(result: unknown): unknown[] {
  return Array.isArray(result) ? result : [];
}

function stringField(row: unknown, field: string): string | undefined {
  if (typeof row !== 'object' || row === null || !(field in row)) return undefined;
  const value: unknown = Reflect.get(row, field);
  return typeof value === 'string' ? value : undefined;
}

function eventIdOf(row: unknown): string | undefined {
  return stringField(row, 'eventId');
}
