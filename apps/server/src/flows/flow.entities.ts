// Tables of the flows capability: each flow with its latest document and state, and every saved
// version (immutable: an execution points at the version it ran).
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FlowDocument } from '@hookflow/flow-model';

@Entity('flows')
export class FlowEntity {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** Stable slug from the document (flows as code); unique among flows that have one. */
  @Index('IDX_flows_key', { unique: true, where: '"key" IS NOT NULL' })
  @Column('varchar', { length: 64, nullable: true }) key!: string | null;
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

export const flowEntities = [FlowEntity, FlowVersionEntity];
