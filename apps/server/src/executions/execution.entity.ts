// The executions table: one row per run of an event, with every step as one JSON document
// (written once, when the run ends; a run parked at a delay is written when it parks, and again
// when it ends).
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StoredExecutionStatus } from '@hookflow/flow-model';
import type { ExecutionRow } from '../storage/rows';

export type { StoredExecutionStatus } from '@hookflow/flow-model';

@Entity('executions')
@Index(['flowId', 'startedAt'])
@Index(['status', 'startedAt'])
@Index(['eventId'])
export class ExecutionEntity implements ExecutionRow {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) flowId!: string;
  @Column('varchar', { length: 36 }) flowVersionId!: string;
  @Column('integer') flowVersion!: number;
  @Column('varchar', { length: 36 }) eventId!: string;
  /** Set when this execution is a retry of another one. */
  @Column('varchar', { length: 36, nullable: true }) retryOf!: string | null;
  @Column('varchar', { length: 12 }) status!: StoredExecutionStatus;
  /** Every step as JSON text (StepRecord[]); written once per execution. */
  @Column('text') steps!: string;
  /** The failing step's error as JSON text, or null. */
  @Column('text', { nullable: true }) error!: string | null;
  @Column('varchar', { length: 30 }) startedAt!: string;
  @Column('varchar', { length: 30 }) finishedAt!: string;
  @Column('integer') durationMs!: number;
  /** Waiting runs: when the delay ends (ISO, UTC); moved on while a process resumes it (a lease). */
  @Column('varchar', { length: 30, nullable: true }) resumeAt!: string | null;
}
