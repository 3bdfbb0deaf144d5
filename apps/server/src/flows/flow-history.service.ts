// A flow's saved versions, newest first, for browsing its history: number, time, name, size and
// who saved it (from the audit log; versions carry no author of their own). Documents stay out of
// the list: one is read with GET /api/flow-versions/:id, which redacts its secrets.
import { Injectable } from '@nestjs/common';
import type { FlowVersionSummaryDto, Page } from '@hookflow/flow-model';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-errors';
import { FlowEntity, FlowVersionEntity } from './flow.entities';

/** `cursor` is the number of the last version of the previous page. */
export const VersionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'not a cursor this API gave out; start again without it')
    .optional(),
});

export type VersionsQuery = z.output<typeof VersionsQuerySchema>;

@Injectable()
export class FlowHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list({ flowId, limit, cursor }: VersionsQuery & { flowId: string }): Promise<Page<FlowVersionSummaryDto>> {
    const flow = await this.dataSource.getRepository(FlowEntity).findOneBy({ id: flowId });
    if (!flow) throw new NotFoundError(`No flow with id ${flowId}.`);
    const builder = this.dataSource.getRepository(FlowVersionEntity).createQueryBuilder('v').where('v.flowId = :flowId', { flowId });
    if (cursor) builder.andWhere('v.version < :before', { before: Number(cursor) });
    const rows = await builder.orderBy('v.version', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const oldest = page[page.length - 1];
    const authors = oldest ? await this.audit.versionAuthors({ flowId, since: oldest.createdAt }) : new Map<number, AuditActor>();
    const items = page.map((row): FlowVersionSummaryDto => {
      const author = authors.get(row.version);
      return {
        id: row.id,
        version: row.version,
        createdAt: row.createdAt,
        name: row.document.name,
        nodeCount: row.document.nodes.length,
        savedBy: author ? { kind: author.kind, name: author.name } : null,
        current: row.id === flow.currentVersionId,
      };
    });
    return { items, nextCursor: rows.length > limit && oldest ? String(oldest.version) : null };
  }
}
