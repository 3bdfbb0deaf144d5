// Reading executions (newest first, keyset pages) and retrying one.
import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { Dispatcher } from '../dispatch/dispatcher';
import { EventsService } from '../events/events.service';
import { newRowId } from '../storage/row-id';
import { ExecutionEntity } from './execution.entity';
import { applyExecutionFilters, type ExecutionListQuery } from './execution-query';
import { withTriggerOutput } from './stored-steps';
import { toExecutionDto, toExecutionSummary, type ExecutionDto, type ExecutionSummaryDto } from './execution-dto';

const HOUR = 3_600_000;
export const SUMMARY_COLUMNS = ['id', 'flowId', 'flowVersionId', 'flowVersion', 'eventId', 'retryOf', 'status', 'error', 'startedAt', 'finishedAt', 'durationMs', 'resumeAt'];

export type ExecutionQuery = Pick<ExecutionListQuery, 'limit' | 'cursor'> & Partial<ExecutionListQuery>;

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
    applyExecutionFilters({ builder, query, postgres: this.dataSource.options.type === 'postgres' });
    if (after) builder.andWhere('(e.startedAt < :at OR (e.startedAt = :at AND e.id < :id))', after);
    const rows = await builder.orderBy('e.startedAt', 'DESC').addOrderBy('e.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: last.startedAt, id: last.id }) : null;
    const summaries = await this.triggerSummaries(page.map((row) => row.eventId));
    const replayed = await this.replayedOk(page);
    return { items: page.map((row) => ({ ...toExecutionSummary(row), triggerSummary: summaries.get(row.eventId) ?? '', resolvedBy: replayed.get(row.id) ?? null })), nextCursor };
  }

  /**
   * Executions per hour and status over the last `hours` hours, oldest first, empty hours included.
   * `resolved` counts the errors among them whose event a later run (a replay) got through.
   */
  async stats(query: { flowId?: string; hours: number }): Promise<{ buckets: Array<{ hour: string; success: number; filtered: number; error: number; resolved: number }> }> {
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
    const buckets = Array.from({ length: query.hours }, (_, i) => ({ hour: new Date(firstHour + i * HOUR).toISOString(), success: 0, filtered: 0, error: 0, resolved: 0 }));
    const bucketOf = (hour: string) => buckets[Math.round((Date.parse(`${hour}:00:00.000Z`) - firstHour) / HOUR)];
    for (const row of rows) {
      const bucket = bucketOf(row.hour);
      if (bucket && (row.status === 'success' || row.status === 'filtered' || row.status === 'error')) bucket[row.status] += Number(row.count);
    }
    const resolved = this.resolvedErrors().select('SUBSTR(e.startedAt, 1, 13)', 'hour').addSelect('COUNT(DISTINCT e.id)', 'count').andWhere('e.startedAt >= :since', { since: new Date(firstHour).toISOString() });
    if (query.flowId) resolved.andWhere('e.flowId = :flowId', { flowId: query.flowId });
    const resolvedRows: Array<{ hour: string; count: string | number }> = await resolved.groupBy('SUBSTR(e.startedAt, 1, 13)').getRawMany();
    for (const row of resolvedRows) {
      const bucket = bucketOf(row.hour);
      if (bucket) bucket.resolved += Number(row.count);
    }
    return { buckets };
  }

  /** For the error runs among `rows` whose event a later run got through: that run's id, by error run id. */
  private async replayedOk(rows: ExecutionEntity[]): Promise<Map<string, string>> {
    const errors = rows.filter((row) => row.status === 'error').map((row) => row.id);
    if (errors.length === 0) return new Map();
    const found: Array<{ id: string; laterId: string }> = await this.resolvedErrors().select('e.id', 'id').addSelect('MIN(later.id)', 'laterId').andWhere('e.id IN (:...errors)', { errors }).groupBy('e.id').getRawMany();
    return new Map(found.map((row) => [row.id, row.laterId]));
  }

  /** Error runs joined to a later run of the same event that succeeded or was filtered: a replay that got through. */
  private resolvedErrors(): SelectQueryBuilder<ExecutionEntity> {
    const later = 'later.eventId = e.eventId AND later.status IN (:...through) AND (later.startedAt > e.startedAt OR (later.startedAt = e.startedAt AND later.id > e.id))';
    return this.dataSource.getRepository(ExecutionEntity).createQueryBuilder('e').innerJoin(ExecutionEntity, 'later', later, { through: ['success', 'filtered'] }).where('e.status = :failed', { failed: 'error' });
  }

  /** A short line per event ("POST {"order":{"id":...") so lists can show what triggered a run. */
  triggerSummaries(eventIds: string[]): Promise<Map<string, string>> {
    return this.events.summaries(eventIds);
  }

  async get(id: string): Promise<ExecutionDto> {
    const row = await this.dataSource.getRepository(ExecutionEntity).findOneBy({ id });
    if (!row) throw new NotFoundError(`No execution with id ${id}.`);
    const execution = toExecutionDto(row);
    if (!execution.steps[0]?.outputFromEvent) return execution;
    return { ...execution, steps: withTriggerOutput(execution.steps, (await this.events.triggerOutput(row.eventId)) ?? undefined) };
  }

  /** Runs the same event again on the version the execution ran. */
  async retry(id: string): Promise<{ executionId: string; retryOf: string; eventId: string; flowId: string }> {
    const original = await this.get(id);
    // A second run of a waiting run's event would run every node after the delay twice.
    if (original.status === 'waiting') throw new ConflictError(`Execution ${id} is waiting at a delay and goes on by itself; it cannot be retried while it waits.`);
    const executionId = newRowId();
    await this.dispatcher.dispatchAll([{ eventId: original.eventId, executionId, flowVersionId: original.flowVersionId, retryOf: original.id }]);
    return { executionId, retryOf: original.id, eventId: original.eventId, flowId: original.flowId };
  }
}
