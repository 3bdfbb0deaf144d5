// Runs parked at a delay, in the executions table: status "waiting" until resumeAt. A run parks
// through the executor's usual record (group commit, with its event's "done" mark); what follows
// goes through here: reading a parked run back, claiming the due ones, and recording how a resumed
// run went on. A claim moves resumeAt forward by a lease rather than changing the status, so a main
// that dies after claiming loses nothing: the run falls due again when the lease ends.
import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { StoreService } from '../storage/store.service';
import { ExecutionEntity } from './execution.entity';

export interface DueRun {
  executionId: string;
  eventId: string;
}

@Injectable()
export class ParkedRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
  ) {}

  /** The run parked under this id, or undefined when it is not waiting (it went on already). */
  async find(executionId: string): Promise<ExecutionEntity | undefined> {
    return (await this.dataSource.getRepository(ExecutionEntity).findOneBy({ id: executionId, status: 'waiting' })) ?? undefined;
  }

  /**
   * Claims up to `limit` runs due at `now`, oldest first, for `leaseMs`: each goes to one claimer
   * only (compare and set on resumeAt), wherever several mains look at once.
   */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<DueRun[]> {
    const at = now.toISOString();
    const due = await this.dataSource.getRepository(ExecutionEntity).find({
      select: { id: true, eventId: true, resumeAt: true },
      where: { status: 'waiting', resumeAt: LessThanOrEqual(at) },
      order: { resumeAt: 'ASC' },
      take: limit,
    });
    if (due.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return this.store.transaction(async (manager) => {
      const claimed: DueRun[] = [];
      for (const run of due) {
        const moved = await manager.getRepository(ExecutionEntity).update({ id: run.id, status: 'waiting', resumeAt: run.resumeAt ?? '' }, { resumeAt: leaseUntil });
        if (moved.affected === 1) claimed.push({ executionId: run.id, eventId: run.eventId });
      }
      return claimed;
    });
  }

  /** Records how a resumed run went on (ended, or parked again at a later delay); false when it was recorded already. */
  async settle(row: ExecutionEntity): Promise<boolean> {
    const { id, ...fields } = row;
    const moved = await this.store.transaction((manager) => manager.getRepository(ExecutionEntity).update({ id, status: 'waiting' }, fields));
    return moved.affected === 1;
  }

  /** Waiting runs right now, for the health of the installation (metrics, tests). */
  waiting(): Promise<number> {
    return this.dataSource.getRepository(ExecutionEntity).countBy({ status: 'waiting' });
  }
}
