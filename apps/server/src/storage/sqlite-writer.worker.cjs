// @ts-check
// The SQLite writer thread: owns a second connection to the database file and runs each group
// commit (claims, events, executions, "done" marks) as one transaction, so the main thread keeps
// parsing and answering requests while SQLite writes and fsyncs. Plain CommonJS so that the built
// server and the tests (which run the TypeScript sources) load the same file. The SQL comes from
// batch-writer.ts; this file only runs it. Retention's small deletes and incremental-vacuum steps
// come here too, queued between group commits, so they never meet a commit in SQLite's lock.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

/** @type {{ file: string, pragmas: string[], synchronous: { durable: number, relaxed: number }, sql: Record<'insertEvent'|'insertExecution'|'markDone'|'claim'|'owner', string>, duplicate: { statusIndex: number, httpStatusIndex: number, reasonIndex: number, reasonTemplate: string } }} */
const { file, pragmas, synchronous, sql, duplicate } = workerData;
const db = new Database(file);
for (const pragma of pragmas) db.pragma(pragma);
const insertEvent = db.prepare(sql.insertEvent);
const insertExecution = db.prepare(sql.insertExecution);
const markDone = db.prepare(sql.markDone);
const claim = db.prepare(sql.claim);
const owner = db.prepare(sql.owner);

/**
 * @typedef {{ id: number, durable: boolean, events: unknown[][], executions: unknown[][], done: string[], claims: string[][], now: string }} Batch
 * A claim is [flowId, key, eventId, expiresAt]; events and executions are column values in order.
 */
const write = db.transaction(
  /** @param {Batch} batch @returns {[string, string][]} the events whose claim lost, with the first event's id */
  (batch) => {
    /** @type {Map<string, string>} */
    const lost = new Map();
    // One by one, so a repeat inside the same batch loses to its first occurrence too.
    for (const [flowId, key, eventId, expiresAt] of batch.claims) {
      if (claim.run(flowId, key, eventId, expiresAt, batch.now).changes === 1) continue;
      const row = /** @type {{ eventId?: unknown } | undefined} */ (owner.get(flowId, key));
      lost.set(eventId, typeof row?.eventId === 'string' ? row.eventId : 'unknown');
    }
    for (const values of batch.events) {
      const first = lost.size > 0 ? lost.get(String(values[0])) : undefined;
      if (first !== undefined) {
        values[duplicate.statusIndex] = 'duplicate';
        values[duplicate.httpStatusIndex] = 200;
        values[duplicate.reasonIndex] = duplicate.reasonTemplate.replace('\u0000', first);
      }
      insertEvent.run(values);
    }
    for (const values of batch.executions) insertExecution.run(values);
    for (const eventId of batch.done) markDone.run(eventId);
    return [...lost];
  },
);

/** @type {Map<string, { run(...params: unknown[]): { changes: number } }>} */
const maintenanceStatements = new Map();
/** Retention's statements (e.g. a page of deletes), in one transaction; answers each one's changes. */
const maintain = db.transaction(
  /** @param {{ sql: string, params: (string | number | null)[] }[]} statements */
  (statements) =>
    statements.map(({ sql, params }) => {
      let statement = maintenanceStatements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        maintenanceStatements.set(sql, statement);
      }
      return statement.run(...params).changes;
    }),
);

let currentSynchronous = -1;
/** Durable batches (events) are fsynced at commit; the others are flushed by the next durable one. */
function useSynchronous(/** @type {number} */ level) {
  if (level === currentSynchronous) return;
  db.pragma(`synchronous = ${level}`);
  currentSynchronous = level;
}

parentPort?.postMessage({ ready: true });

/**
 * @typedef {{ id: number, maintain: { sql: string, params: (string | number | null)[] }[] }} Maintenance
 * @typedef {{ id: number, vacuum: number }} VacuumStep
 */
/** @param {Batch | Maintenance | VacuumStep} message */
function run(message) {
  if ('maintain' in message) {
    // Losing a delete to a power cut only means the next pass deletes it again: no fsync of its own.
    useSynchronous(synchronous.relaxed);
    return { changes: maintain(message.maintain) };
  }
  if ('vacuum' in message) {
    useSynchronous(synchronous.relaxed);
    // Through pragma(), which reads every row: a statement stepped once frees one page only.
    db.pragma(`incremental_vacuum(${Math.max(1, Math.floor(Number(message.vacuum)))})`);
    return { freePages: Number(db.pragma('freelist_count', { simple: true })) };
  }
  useSynchronous(message.durable ? synchronous.durable : synchronous.relaxed);
  return { duplicates: write(message) };
}

parentPort?.on('message', (/** @type {Batch | Maintenance | VacuumStep | { close: true }} */ message) => {
  if ('close' in message) {
    db.close();
    parentPort?.close();
    return;
  }
  try {
    parentPort?.postMessage({ id: message.id, ...run(message) });
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    parentPort?.postMessage({ id: message.id, error: { message: error.message, code: /** @type {{ code?: unknown }} */ (error).code } });
  }
});
