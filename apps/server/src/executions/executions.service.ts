// Reading executions (newest first, keyset pages) and retrying one.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { NotFoundError } from '../common/domain-errors';
import { Dispatcher } from '../dispatch/dispatcher';
import { EventsService } from '../events/events.service';
import { newRowId } from '../storage/row-id';
import { ExecutionEntity } from './execution.entity';
import { toExecutionDto, toExecutionSummary, type ExecutionDto, type ExecutionSummaryDto } from './execution-dto';

const HOUR = 3_600_000;
export const SUMMARY_COLUMNS = ['id', 'flowId', 'flowVersionId', 'flowVersion', 'eventId', 'retryOf', 'status', 'error', 'startedAt', 'finishedAt', 'durationMs'];

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
    private readonly events: EventsService,
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
    const summaries = await this.triggerSummaries(page.map((row) => row.eventId));
    return { items: page.map((row) => ({ ...toExecutionSummary(row), triggerSummary: summaries.get(row.eventId) ?? '' })), nextCursor };
  }

  /** Executions per hour and status over the last `hours` hours, oldest first, empty hours included. */
  async stats(query: { flowId?: string; hours: number }): Promise<{ buckets: Array<{ hour: string; success: number; filtered: number; error: number }> }> {
    const now = Date.now();
    const firstHour = Math.floor(now / HOUR) * HOUR - (query.hours - 1) * HOUR;
    const builder = this.dataSource
      .getRepository(ExecutionEntity)
      .createQueryBuilder('e')
      .select('SUBSTR(e.startedAt, 1, 13)', 'hour')
      .addSelect('e.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('e.startedAt >= :since', { since: new Date(firstHour).toISOString() })
      .groupBy('SUBSTR(e.startedAt, 1, 13)')
      .addGroupBy('e.status');
    if (query.flowId) builder.andWhere('e.flowId = :flowId', { flowId: query.flowId });
    const rows: Array<{ hour: string; status: string; count: string | number }> = await builder.getRawMany();
    const buckets = Array.from({ length: query.hours }, (_, i) => ({ hour: new Date(firstHour + i * HOUR).toISOString(), success: 0, filtered: 0, error: 0 }));
    for (const row of rows) {
      const index = Math.round((Date.parse(`${row.hour}:00:00.000Z`) - firstHour) / HOUR);
      const bucket = buckets[index];
      if (bucket && (row.status === 'success' || row.status === 'filtered' || row.status === 'error')) bucket[row.status] += Number(row.count);
    }
    return { buckets };
  }

  /** A short line per event ("POST {"order":{"id":...") so lists can show what triggered a run. */
  triggerSummaries(eventIds: string[]): Promise<Map<string, string>> {
    return this.events.summaries(eventIds);
  }

  async get(id: string): Promise<ExecutionDto> {
    const row = await this.dataSource.getRepository(ExecutionEntity).findOneBy({ id });
    if (!row) throw new NotFoundError(`No execution with id ${id}.`);
    const execution = toExecutionDto(row);
    const [first] = execution.steps;
    if (first?.outputFromEvent) {
      const output = await this.events.triggerOutput(row.eventId);
      if (output) first.output = output;
      delete first.outputFromEvent;
    }
    return execution;
  }

  /** Runs the same event again on the version the execution ran. */
  async retry(id: string): Promise<{ executionId: string; retryOf: string; eventId: string; flowId: string }> {
    const original = await this.get(id);
    const executionId = newRowId();
    await this.dispatcher.dispatchAll([{ eventId: original.eventId, executionId, flowVersionId: original.flowVersionId, retryOf: original.id }]);
    return { executionId, retryOf: original.id, eventId: original.eventId, flowId: original.flowId };
  }
}
