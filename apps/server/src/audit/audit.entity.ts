// The audit log's table (migration storage/migrations/1796600000000-audit-log.ts). Rows are only
// ever inserted; times are ISO strings in UTC, which sort correctly as text on both stores.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('audit_log')
@Index('IDX_audit_log_at_id', ['at', 'id'])
@Index('IDX_audit_log_actor', ['actorId', 'at'])
@Index('IDX_audit_log_action', ['action', 'at'])
export class AuditEntity {
  /** UUIDv7: sorts by time, so rows written in one millisecond still page in a stable order. */
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 30 }) at!: string;
  @Column('varchar', { length: 16 }) actorKind!: string;
  @Column('varchar', { length: 36, nullable: true }) actorId!: string | null;
  /** A user's email or an API key's name, as they were at the time. */
  @Column('varchar', { length: 254, nullable: true }) actorName!: string | null;
  @Column('varchar', { length: 40 }) action!: string;
  @Column('varchar', { length: 20, nullable: true }) targetType!: string | null;
  @Column('varchar', { length: 64, nullable: true }) targetId!: string | null;
  @Column('varchar', { length: 254, nullable: true }) targetName!: string | null;
  @Column('varchar', { length: 64, nullable: true }) ip!: string | null;
  /** JSON of AuditDetails. */
  @Column('text', { nullable: true }) details!: string | null;
}
