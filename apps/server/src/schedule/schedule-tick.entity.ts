// The last tick of each scheduled flow that was fired or skipped. A tick is claimed by moving
// lastTick forward to it (compare and set), so with several mains each tick is claimed once.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('schedule_ticks')
export class ScheduleTickEntity {
  @PrimaryColumn('varchar', { length: 36 }) flowId!: string;
  /** ISO time (UTC) of the latest tick fired or skipped. */
  @Column('varchar', { length: 30 }) lastTick!: string;
}
