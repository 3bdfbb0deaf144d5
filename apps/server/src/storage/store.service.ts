// The one way to write. Event intake and execution results go through group commit; other writes
// (flows, versions) take the same write lock, so SQLite's single connection never sees two
// transactions at once.
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createBatchWriter, type BatchWriter, type WriteBatch } from './batch-writer';
import type { DedupeClaim } from './dedupe-claims';
import { EventEntity, ExecutionEntity } from './entities';
import { GroupCommit } from './group-commit';
import { WriteLock } from './write-lock';

export type WriteOp =
  | { kind: 'event'; row: EventEntity; dedupe?: { key: string; expiresAt: string } }
  | { kind: 'execution'; row: ExecutionEntity; markEventDone: boolean };

/** duplicateOf: the event's delivery id was already claimed by that event; it was stored as a duplicate. */
export interface WriteOutcome {
  duplicateOf?: string;
}

@Injectable()
export class StoreService implements OnApplicationShutdown {
  private readonly lock = new WriteLock();
  private readonly groupCommit = new GroupCommit<WriteOp, WriteOutcome>({ commit: (batch) => this.commitBatch(batch) });
  private readonly writeBatch: BatchWriter;

  constructor(readonly dataSource: DataSource) {
    this.writeBatch = createBatchWriter(dataSource);
  }

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Resolves once the write is committed. */
  write(op: WriteOp): Promise<WriteOutcome> {
    return this.groupCommit.submit(op);
  }

  /** Runs work in a write transaction, serialized with group commits. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.lock.run(() => this.dataSource.transaction(work));
  }

  /** After the last group commit: SQLite's writer thread closes its connection. */
  async onApplicationShutdown(): Promise<void> {
    await this.lock.run(() => this.writeBatch.close());
  }

  private async commitBatch(batch: WriteOp[]): Promise<WriteOutcome[]> {
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
    const duplicates = await this.lock.run(() => this.writeBatch.write(write));
    return batch.map((op) => {
      const first = op.kind === 'event' ? duplicates.get(op.row.id) : undefined;
      return first === undefined ? {} : { duplicateOf: first };
    });
  }
}

function claimOf(flowId: string, eventId: string, dedupe: { key: string; expiresAt: string }): DedupeClaim {
  return { flowId, eventId, key: dedupe.key, expiresAt: dedupe.expiresAt };
}
