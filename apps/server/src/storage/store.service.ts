// The one way to write. Event intake and execution results go through group commit; other writes
// (flows, versions) take the same write lock, so SQLite's single connection never sees two
// transactions at once.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createBatchWriter, type BatchWriter, type WriteBatch } from './batch-writer';
import { EventEntity, ExecutionEntity } from './entities';
import { GroupCommit } from './group-commit';
import { WriteLock } from './write-lock';

export type WriteOp =
  | { kind: 'event'; row: EventEntity }
  | { kind: 'execution'; row: ExecutionEntity; markEventDone: boolean };

@Injectable()
export class StoreService {
  private readonly lock = new WriteLock();
  private readonly groupCommit = new GroupCommit<WriteOp>({ commit: (batch) => this.commitBatch(batch) });
  private readonly writeBatch: BatchWriter;

  constructor(readonly dataSource: DataSource) {
    this.writeBatch = createBatchWriter(dataSource);
  }

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Resolves once the write is committed. */
  write(op: WriteOp): Promise<void> {
    return this.groupCommit.submit(op);
  }

  /** Runs work in a write transaction, serialized with group commits. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.lock.run(() => this.dataSource.transaction(work));
  }

  private commitBatch(batch: WriteOp[]): Promise<void> {
    const write: WriteBatch = { events: [], executions: [], doneEventIds: [] };
    for (const op of batch) {
      if (op.kind === 'event') write.events.push(op.row);
      else {
        write.executions.push(op.row);
        if (op.markEventDone) write.doneEventIds.push(op.row.eventId);
      }
    }
    return this.lock.run(() => this.writeBatch(write));
  }
}
