// The one way to write. Event intake and execution results go through group commit; other writes
// (flows, versions) take the same write lock, so SQLite's single connection never sees two
// transactions at once.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
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

  constructor(readonly dataSource: DataSource) {}

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
    const events: EventEntity[] = [];
    const executions: ExecutionEntity[] = [];
    const doneEventIds: string[] = [];
    for (const op of batch) {
      if (op.kind === 'event') events.push(op.row);
      else {
        executions.push(op.row);
        if (op.markEventDone) doneEventIds.push(op.row.eventId);
      }
    }
    return this.transaction(async (manager) => {
      for (const chunk of chunks(events, 200)) await manager.insert(EventEntity, chunk);
      for (const chunk of chunks(executions, 200)) await manager.insert(ExecutionEntity, chunk);
      for (const chunk of chunks(doneEventIds, 500)) {
        await manager.update(EventEntity, { id: In(chunk), status: 'accepted' }, { status: 'done' });
      }
    });
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
