// Tables of the events capability: every request a trigger received (accepted, done, rejected,
// duplicate, dropped), and the delivery ids claimed for "run each event once". Column types are
// the portable subset, so the same entities and migrations run on SQLite and PostgreSQL; times are
// ISO strings in UTC, which sort correctly as text on both.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EventStatus } from '@hookflow/flow-model';
import type { EventRow } from '../storage/rows';

export type { EventStatus } from '@hookflow/flow-model';

/** duplicate: a repeat of a dedupe key (not run); dropped: older than the trigger's dropOlderThan (not run). */
@Entity('events')
@Index(['status', 'receivedAt'])
@Index(['flowId', 'receivedAt'])
export class EventEntity implements EventRow {
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
  /** The trigger's ordering key as rendered for this event; null when it runs unordered. */
  @Column('varchar', { length: 255, nullable: true }) orderingKey!: string | null;
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

export const eventEntities = [EventEntity, DedupeKeyEntity];
