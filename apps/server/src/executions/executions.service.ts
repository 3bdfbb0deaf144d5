// Reading executions (newest first, keyset pages) and retrying one.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { NotFoundError } from '../common/domain-errors';
import { Dispatcher } from '../dispatch/dispatcher';
import { ExecutionEntity } from '../storage/entities';
import { toExecutionDto, toExecutionSummary, type ExecutionDto, type ExecutionSummaryDto } from './execution-dto';

const SUMMARY_COLUMNS = ['id', 'flowId', 'flowVersionId', 'flowVersion', 'eventId', 'retryOf', 'status', 'error', 'startedAt', 'finishedAt', 'durationMs'];

export interface ExecutionQuery {
  flowId?: string;
  status?: string;
  eventId?: string;
  limit: number;
  cursor?: string;
}

@Injectable()
export class ExecutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
  ) {}

  async list(query: ExecutionQuery): Promise<{ items: ExecutionSummaryDto[]; nextCursor: string | null }> {
    const after = decodeCursor(query.cursor);
    const builder = this.dataSource.getRepository(ExecutionEntity).createQueryBuilder('e').select(SUMMARY_COLUMNS.map((column) => `e.${column}`));
    if (query.flowId) builder.andWhere('e.flowId = :flowId', { flowId: query.flowId });
    if (query.status) builder.andWhere('e.status = :status', { status: query.status });
    if (query.eventId) builder.andWhere('e.eventId = :eventId', { eventId: query.eventId });
    if (after) builder.andWhere('(e.startedAt < :at OR (e.startedAt = :at AND e.id < :id))', after);
    const rows = await builder.orderBy('e.startedAt', 'DESC').addOrderBy('e.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: last.startedAt, id: last.id }) : null;
    return { items: page.map(toExecutionSummary), nextCursor };
  }

  async get(id: string): Promise<ExecutionDto> {
    const row = await this.dataSource.getRepository(ExecutionEntity).findOneBy({ id });
    if (!row) throw new NotFoundError(`No execution with id ${id}.`);
    return toExecutionDto(row);
  }

  /** Runs the same event again on the version the execution ran. */
  async retry(id: string): Promise<{ executionId: string; retryOf: string; eventId: string }> {
    const original = await this.get(id);
    const executionId = randomUUID();
    this.dispatcher.dispatch({ eventId: original.eventId, executionId, flowVersionId: original.flowVersionId, retryOf: original.id });
    return { executionId, retryOf: original.id, eventId: original.eventId };
  }
}
