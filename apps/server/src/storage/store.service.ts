// The one way to write. Event intake and execution results go through group commit; other writes
// (flows, versions) take the same write lock, so SQLite never sees two writers at once.
// Events and execution results commit in separate batches: an event's commit is what a 202
// promises, so it is flushed to disk (fsync) before the answer; an execution's record is not
// fsynced on its own (SQLite synchronous=NORMAL for that batch, PostgreSQL synchronous_commit off):
// the next event commit flushes it, and if power fails first, its event is still 'accepted' and
// runs again at the next start, as after any crash (at-least-once).
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createBatchWriter, type BatchWriter, type MaintenanceStatement, type WriteBatch } from './batch-writer';
import { createEventReader, type EventReader } from './event-reads';
import type { DedupeClaim } from './dedupe-claims';
import type { EventRow, ExecutionRow } from './rows';
import { GroupCommit } from './group-commit';
import { WriteLock } from './write-lock';

export type WriteOp =
  | { kind: 'event'; row: EventRow; dedupe?: { key: string; expiresAt: string } }
  | { kind: 'execution'; row: ExecutionRow; markEventDone: boolean };

/** duplicateOf: the event's delivery id was already claimed by that event; it was stored as a duplicate. */
export interface WriteOutcome {
  duplicateOf?: string;
}

@Injectable()
export class StoreService implements OnModuleInit, OnApplicationShutdown {
  private readonly lock = new WriteLock();
  private readonly events: GroupCommit<WriteOp, WriteOutcome>;
  private readonly executions: GroupCommit<WriteOp, WriteOutcome>;
  private readonly writeBatch: BatchWriter;
  private eventReader: EventReader | undefined;

  constructor(readonly dataSource: DataSource) {
    this.writeBatch = createBatchWriter(dataSource);
    // SQLite's writer thread queues batches and commits them in order, so two may be in flight;
    // on PostgreSQL each batch is its own transaction on the pool, one at a time.
    const maxInFlight = this.isPostgres ? 1 : 2;
    this.events = new GroupCommit({ commit: (batch) => this.commitBatch(batch, { durable: true }), maxInFlight });
    this.executions = new GroupCommit({ commit: (batch) => this.commitBatch(batch, { durable: false }), maxInFlight });
  }

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Resolves once the write is committed. */
  write(op: WriteOp): Promise<WriteOutcome> {
    return op.kind === 'event' ? this.events.submit(op) : this.executions.submit(op);
  }

  /** One event row by id, through a prepared statement (the executor's read). */
  readEvent(id: string): Promise<EventRow | undefined> {
    this.eventReader ??= createEventReader(this.dataSource);
    return this.eventReader(id);
  }

  /** Runs work in a write transaction, serialized with group commits. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.lock.run(() => this.dataSource.transaction(work));
  }

  /**
   * One housekeeping statement (retention's page of deletes) in the store's dialect. It shares the
   * write lock with group commits: on SQLite it is queued on the writer thread between them, so it
   * neither waits in SQLite's busy handler nor blocks this thread. Answers the rows it changed.
   */
  maintain(statement: MaintenanceStatement): Promise<number> {
    return this.lock.runShared(() => this.writeBatch.maintain(statement));
  }

  /** SQLite: gives up to `pages` free pages back to the file system (one step); answers those still free. */
  releaseFreePages(pages: number): Promise<number> {
    return this.lock.runShared(() => this.writeBatch.releaseFreePages(pages));
  }

  /**
   * Runs `work` only where no other process is running work under the same name, and answers
   * undefined elsewhere: a PostgreSQL advisory lock (named per schema, so installations sharing a
   * database do not block each other); on SQLite there is one process, which always runs it.
   */
  async alone<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    if (this.dataSource.options.type !== 'postgres') return work();
    const key = `${this.dataSource.options.schema ?? 'public'}:${name}`;
    const runner = this.dataSource.createQueryRunner();
    try {
      const [row]: unknown[] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS "locked"', [key]);
      if (!isLocked(row)) return undefined;
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Before the server listens: a store that cannot write stops the start-up. */
  async onModuleInit(): Promise<void> {
    await this.writeBatch.open();
  }

  /** After the last group commit: SQLite's writer thread closes its connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.lock.run(() => this.writeBatch.close());
  }

  private async commitBatch(batch: WriteOp[], { durable }: { durable: boolean }): Promise<WriteOutcome[]> {
    const write: WriteBatch = { events: [], executions: [], doneEventIds: [], claims: [] };
    for (const op of batch) {
      if (op.kind === 'event') {
        write.events.push(op.row);
        if (op.dedupe && op.row.flowId) write.claims.push(claimOf(op.row.flowId, op.row.id, op.dedupe));
      } else {
        write.executions.push(op.row);
        if (op.markEventDone) write.doneEventIds.push(op.row.eventId);
      }
    }
    const duplicates = await this.lock.runShared(() => this.writeBatch.write(write, { durable }));
    return batch.map((op) => {
      const first = op.kind === 'event' ? duplicates.get(op.row.id) : undefined;
      return first === undefined ? {} : { duplicateOf: first };
    });
  }
}

function isLocked(row: unknown): boolean {
  return typeof row === 'object' && row !== null && 'locked' in row && row.locked === true;
}

function claimOf(flowId: string, eventId: string, dedupe: { key: string; expiresAt: string }): DedupeClaim {
  return { flowId, eventId, key: dedupe.key, expiresAt: dedupe.expiresAt };
}
