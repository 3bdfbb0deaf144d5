// Runs parked at a delay, in the executions table: status "waiting" until resumeAt. A run parks
// through the executor's usual record (group commit, with its event's "done" mark); what follows
// goes through here: reading a parked run back, claiming the due ones, and recording how a resumed
// run went on. A claim moves resumeAt forward by a lease rather than changing the status, so a main
// that dies after claiming loses nothing: the run falls due again when the lease ends.
import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import type { StepRecord } from '@hookflow/flow-model';
import { StoreService } from '../storage/store.service';
import { ExecutionEntity } from './execution.entity';

export interface DueRun {
  executionId: string;
  eventId: string;
  /** The resumeAt this claim set: the resume job names it, and only it may go on with the run. */
  lease: string;
}

@Injectable()
export class ParkedRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
  ) {}

  /** The run parked under this id and claimed with this lease, or undefined (it went on already, or was claimed again). */
  async find(executionId: string, lease: string): Promise<ExecutionEntity | undefined> {
    return (await this.dataSource.getRepository(ExecutionEntity).findOneBy({ id: executionId, status: 'waiting', resumeAt: lease })) ?? undefined;
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
      // A total order, so two mains claiming at once lock rows in the same order (no deadlock).
      order: { resumeAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    if (due.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return this.store.transaction(async (manager) => {
      const claimed: DueRun[] = [];
      for (const run of due) {
        const moved = await manager.getRepository(ExecutionEntity).update({ id: run.id, status: 'waiting', resumeAt: run.resumeAt ?? '' }, { resumeAt: leaseUntil });
        if (moved.affected === 1) claimed.push({ executionId: run.id, eventId: run.eventId, lease: leaseUntil });
      }
      return claimed;
    });
  }

  /** Records how a resumed run went on (ended, or parked again at a later delay); false when its claim is no longer the run's. */
  async settle(row: ExecutionEntity, lease: string): Promise<boolean> {
    const { id, ...fields } = row;
    const moved = await this.store.transaction((manager) => manager.getRepository(ExecutionEntity).update({ id, status: 'waiting', resumeAt: lease }, fields));
    return moved.affected === 1;
  }

  /**
   * Stops a waiting run before its time: it is recorded "cancelled", its delay step skipped, and
   * never goes on. A run whose time came (claimed, or about to be) is going on and is left alone.
   */
  async cancel(executionId: string, now = new Date()): Promise<'cancelled' | 'missing' | 'not-waiting' | 'going-on'> {
    return this.store.transaction(async (manager) => {
      const executions = manager.getRepository(ExecutionEntity);
      const row = await executions.findOneBy({ id: executionId });
      if (!row) return 'missing';
      if (row.status !== 'waiting') return 'not-waiting';
      const steps = JSON.parse(row.steps) as StepRecord[];
      const waiting = steps.at(-1);
      if (!waiting?.resumeAt || Date.parse(waiting.resumeAt) <= now.getTime()) return 'going-on';
      const { resumeAt: _due, ...step } = waiting;
      steps[steps.length - 1] = { ...step, status: 'skipped' };
      const moved = await executions.update(
        { id: executionId, status: 'waiting', resumeAt: row.resumeAt ?? '' },
        { status: 'cancelled', resumeAt: null, finishedAt: now.toISOString(), steps: JSON.stringify(steps) },
      );
      return moved.affected === 1 ? 'cancelled' : 'going-on';
    });
  }

  /** Waiting runs right now, for the health of the installation (metrics, tests). */
  waiting(): Promise<number> {
    return this.dataSource.getRepository(ExecutionEntity).countBy({ status: 'waiting' });
  }
}
