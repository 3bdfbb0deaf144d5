// The failed list (dead letter). It is computed, not stored: an execution is failed while it ended
// in error and no later execution of the same event exists. A replay that succeeds therefore takes
// its original off the list; a replay that fails again replaces it there, so each undelivered event
// shows once, as its latest try.
import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { NotFoundError } from '../common/domain-errors';
import { FlowEntity } from '../flows/flow.entities';
import { ExecutionEntity } from './execution.entity';
import { toExecutionSummary, type ExecutionSummaryDto } from './execution-dto';
import { ExecutionsService, SUMMARY_COLUMNS } from './executions.service';

const REPLAY_PAGE = 200;

export interface FailedExecutionDto extends ExecutionSummaryDto {
  triggerSummary: string;
  /** The request the failing step made (http steps), as kept in its error details. */
  request: unknown;
  /** The answer it got, when one came. */
  response: unknown;
}

export interface FailedQuery {
  flowId?: string;
  limit: number;
  cursor?: string;
}

@Injectable()
export class FailedExecutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly executions: ExecutionsService,
  ) {}

  async list(query: FailedQuery): Promise<{ items: FailedExecutionDto[]; nextCursor: string | null }> {
    const after = decodeCursor(query.cursor);
    const builder = this.failed(query.flowId).select(SUMMARY_COLUMNS.map((column) => `e.${column}`));
    if (after) builder.andWhere('(e.startedAt < :at OR (e.startedAt = :at AND e.id < :id))', after);
    const rows = await builder.orderBy('e.startedAt', 'DESC').addOrderBy('e.id', 'DESC').limit(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: last.startedAt, id: last.id }) : null;
    const summaries = await this.executions.triggerSummaries(page.map((row) => row.eventId));
    return { items: page.map((row) => toFailed(row, summaries.get(row.eventId) ?? '')), nextCursor };
  }

  /** One flow's failed list; 404 when there is no such flow. */
  async listOfFlow(flowId: string, page: Omit<FailedQuery, 'flowId'>): Promise<{ items: FailedExecutionDto[]; nextCursor: string | null }> {
    const exists = await this.dataSource.getRepository(FlowEntity).existsBy({ id: flowId });
    if (!exists) throw new NotFoundError(`No flow with id ${flowId}.`);
    return this.list({ ...page, flowId });
  }

  /** Every failed execution of a flow, oldest first, read in pages. */
  async allOfFlow(flowId: string): Promise<FailedRef[]> {
    const exists = await this.dataSource.getRepository(FlowEntity).existsBy({ id: flowId });
    if (!exists) throw new NotFoundError(`No flow with id ${flowId}.`);
    const refs: FailedRef[] = [];
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const builder = this.failed(flowId).select(['e.id', 'e.flowId', 'e.eventId', 'e.flowVersionId', 'e.startedAt']);
      if (after) builder.andWhere('(e.startedAt > :at OR (e.startedAt = :at AND e.id > :id))', after);
      const page = await builder.orderBy('e.startedAt', 'ASC').addOrderBy('e.id', 'ASC').limit(REPLAY_PAGE).getMany();
      refs.push(...page.map(({ id, flowId: flow, eventId, flowVersionId }) => ({ id, flowId: flow, eventId, flowVersionId })));
      const last = page[page.length - 1];
      if (page.length < REPLAY_PAGE || !last) return refs;
      after = { at: last.startedAt, id: last.id };
    }
  }

  /** Error executions with no later execution of their event (an anti-join, portable SQL). */
  private failed(flowId: string | undefined): SelectQueryBuilder<ExecutionEntity> {
    const builder = this.dataSource
      .getRepository(ExecutionEntity)
      .createQueryBuilder('e')
      .leftJoin(ExecutionEntity, 'later', 'later.eventId = e.eventId AND (later.startedAt > e.startedAt OR (later.startedAt = e.startedAt AND later.id > e.id))')
      .where('e.status = :status', { status: 'error' })
      .andWhere('later.id IS NULL');
    if (flowId) builder.andWhere('e.flowId = :flowId', { flowId });
    return builder;
  }
}

export interface FailedRef {
  id: string;
  flowId: string;
  eventId: string;
  flowVersionId: string;
}

function toFailed(row: ExecutionEntity, triggerSummary: string): FailedExecutionDto {
  const summary = toExecutionSummary(row);
  const details = summary.error?.details;
  const record = typeof details === 'object' && details !== null ? details : {};
  return {
    ...summary,
    triggerSummary,
    request: 'request' in record ? record.request : null,
    response: 'response' in record ? record.response : null,
  };
}
