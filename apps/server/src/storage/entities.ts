// Table mappings. Column types are the portable subset (varchar, text, integer, boolean,
// simple-json) so the same entities and migrations run on SQLite and PostgreSQL. Times are ISO
// strings in UTC, which sort correctly as text on both.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EventStatus, FlowDocument, StoredExecutionStatus } from '@hookflow/flow-model';
import { CredentialEntity } from '../credentials/credential.entity';

@Entity('flows')
export class FlowEntity {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** The latest saved document (what the editor shows). */
  @Column('simple-json') document!: FlowDocument;
  /** Version row of the latest saved document. */
  @Column('varchar', { length: 36 }) currentVersionId!: string;
  @Column('integer') currentVersion!: number;
  @Column('boolean', { default: false }) active!: boolean;
  /** Random token of the trigger URL, made at first activation and kept. */
  @Index({ unique: true })
  @Column('varchar', { length: 64, nullable: true }) triggerKey!: string | null;
  @Column('varchar', { length: 30 }) createdAt!: string;
  @Column('varchar', { length: 30 }) updatedAt!: string;
}

@Entity('flow_versions')
@Index(['flowId', 'version'], { unique: true })
export class FlowVersionEntity {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) flowId!: string;
  @Column('integer') version!: number;
  @Column('simple-json') document!: FlowDocument;
  @Column('varchar', { length: 30 }) createdAt!: string;
}

/** duplicate: a repeat of a dedupe key (not run); dropped: older than the trigger's dropOlderThan (not run). */
export type { EventStatus } from '@hookflow/flow-model';

@Entity('events')
@Index(['status', 'receivedAt'])
@Index(['flowId', 'receivedAt'])
export class EventEntity {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36, nullable: true }) flowId!: string | null;
  @Column('varchar', { length: 36, nullable: true }) flowVersionId!: string | null;
  @Column('varchar', { length: 64, nullable: true }) nodeId!: string | null;
  @Column('varchar', { length: 10 }) method!: string;
  @Column('text') path!: string;
  @Column('simple-json') headers!: Record<string, string>;
  @Column('simple-json') query!: Record<string, string | string[]>;
  @Column('varchar', { length: 200, nullable: true }) contentType!: string | null;
  /**
   * Parsed body as JSON text, only where it differs from the raw bytes (form and XML bodies);
   * JSON and text bodies are read back from rawBody. See event-body.ts.
   */
  @Column('text', { nullable: true }) body!: string | null;
  /** The bytes as received, for signature checks and replays: UTF-8 text, or base64 for binary. */
  @Column('text') rawBody!: string;
  @Column('varchar', { length: 6 }) rawEncoding!: 'utf8' | 'base64';
  @Column('varchar', { length: 12 }) status!: EventStatus;
  /** Why a request was rejected, in words a person can act on. */
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('integer') httpStatus!: number;
  @Column('varchar', { length: 30 }) receivedAt!: string;
}

export type { StoredExecutionStatus } from '@hookflow/flow-model';

@Entity('executions')
@Index(['flowId', 'startedAt'])
@Index(['status', 'startedAt'])
@Index(['eventId'])
export class ExecutionEntity {
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
}

/**
 * A trigger's claimed delivery ids. The primary key is what makes "run each event once" hold under
 * concurrent duplicates: a claim is an insert, never a read-then-write. Expired rows may be
 * reclaimed and are purged periodically.
 */
@Entity('dedupe_keys')
@Index(['expiresAt'])
export class DedupeKeyEntity {
  @PrimaryColumn('varchar', { length: 36 }) flowId!: string;
  /** The delivery id, or "sha256:<hex>" of it when longer than 200 characters. */
  @PrimaryColumn('varchar', { length: 255 }) key!: string;
  /** The first event that carried the key. */
  @Column('varchar', { length: 36 }) eventId!: string;
  @Column('varchar', { length: 30 }) expiresAt!: string;
}

export const entities = [FlowEntity, FlowVersionEntity, EventEntity, ExecutionEntity, DedupeKeyEntity, CredentialEntity];
