// The events capability's one service: it commits event rows, keeps fresh trigger outputs for this
// process's executor, and answers every question about stored events (lists, pages of unfinished
// ones, what an execution starts from). Other capabilities read events only through it.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import type { TriggerOutput } from '@hookflow/flow-model';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { runsExecutions, SETTINGS, type Settings } from '../config/settings';
import type { EventRow } from '../storage/rows';
import { StoreService, type WriteOutcome } from '../storage/store.service';
import { readBody } from './event-body';
import { EventEntity, type EventStatus } from './event.entity';
import { TriggerOutputCache, type CachedTrigger } from './trigger-output.cache';
import { triggerOutputOf } from './trigger-output';

export interface EventQuery {
  flowId?: string;
  status?: EventStatus;
  limit: number;
  cursor?: string;
}

/** What an execution of an event starts from. */
export interface EventForExecution {
  trigger: TriggerOutput;
  flowVersionId: string;
  /** Still waiting to run (not done, or not known to be). */
  accepted: boolean;
  flowId: string | null;
  /** Set when the event runs in its key's order (kept events never have one). */
  orderingKey: string | null;
}

export interface EventPosition {
  receivedAt: string;
  id: string;
}

@Injectable()
export class EventsService {
  private readonly keepOutputs: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
    private readonly cache: TriggerOutputCache,
    @Inject(SETTINGS) settings: Settings,
  ) {
    // A process that runs no executions would only fill the cache for nobody.
    this.keepOutputs = runsExecutions(settings);
  }

  /** Commits one event row (group commit); resolves once it is durable. */
  record(row: EventEntity, dedupe?: { key: string; expiresAt: string }): Promise<WriteOutcome> {
    return this.store.write({ kind: 'event', row, dedupe });
  }

  /** Keeps an accepted event's trigger output for this process's executor, when there is room. */
  remember(eventId: string, cached: CachedTrigger, bodyBytes: number): void {
    if (this.keepOutputs) this.cache.put(eventId, cached, bodyBytes);
  }

  /** The trigger output an execution starts from: kept by intake, else read back from the store. */
  async forExecution(eventId: string): Promise<EventForExecution | undefined> {
    const cached = this.cache.take(eventId);
    if (cached) return { ...cached, accepted: true, flowId: null, orderingKey: null };
    const row = await this.store.readEvent(eventId);
    if (!row?.flowVersionId) return undefined;
    return { trigger: triggerOutputOf(row), flowVersionId: row.flowVersionId, accepted: row.status === 'accepted', flowId: row.flowId, orderingKey: row.orderingKey };
  }

  /** The id of the oldest event of a flow's ordering key still waiting to run. */
  async oldestWaiting(flowId: string, orderingKey: string): Promise<string | undefined> {
    const row = await this.repository.findOne({
      select: { id: true },
      where: { flowId, orderingKey, status: 'accepted' },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    return row?.id;
  }

  /** The trigger output of a stored event (to show an execution's first step). */
  async triggerOutput(eventId: string): Promise<TriggerOutput | undefined> {
    const row = await this.store.readEvent(eventId);
    return row ? triggerOutputOf(row) : undefined;
  }

  find(id: string): Promise<EventRow | undefined> {
    return this.store.readEvent(id);
  }

  async pathOf(id: string): Promise<string | undefined> {
    const row = await this.repository.findOne({ select: { id: true, path: true }, where: { id } });
    return row?.path;
  }

  /** Received requests, newest first, in keyset pages. */
  async list(query: EventQuery): Promise<{ items: EventEntity[]; nextCursor: string | null }> {
    const after = decodeCursor(query.cursor);
    const builder = this.repository.createQueryBuilder('ev');
    if (query.flowId) builder.andWhere('ev.flowId = :flowId', { flowId: query.flowId });
    if (query.status) builder.andWhere('ev.status = :status', { status: query.status });
    if (after) builder.andWhere('(ev.receivedAt < :at OR (ev.receivedAt = :at AND ev.id < :id))', after);
    const rows = await builder.orderBy('ev.receivedAt', 'DESC').addOrderBy('ev.id', 'DESC').take(query.limit + 1).getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null };
  }

  /**
   * Events still waiting to run that were received before `before`, oldest first, after `after`:
   * one page of what recovery and the sweeper hand out again.
   */
  async acceptedPage({ before, after, limit }: { before: string; after?: EventPosition; limit: number }): Promise<EventPosition[]> {
    const builder = this.repository
      .createQueryBuilder('ev')
      .select(['ev.id', 'ev.receivedAt'])
      .where('ev.status = :status', { status: 'accepted' })
      .andWhere('ev.receivedAt < :before', { before });
    if (after) builder.andWhere('(ev.receivedAt > :at OR (ev.receivedAt = :at AND ev.id > :id))', { at: after.receivedAt, id: after.id });
    const rows = await builder.orderBy('ev.receivedAt', 'ASC').addOrderBy('ev.id', 'ASC').take(limit).getMany();
    return rows.map((row) => ({ id: row.id, receivedAt: row.receivedAt }));
  }

  /** A short line per event ("POST {"order":{"id":...") so lists can show what triggered a run. */
  async summaries(eventIds: string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    const rows: Array<{ id: string; method: string; body: string }> = await this.repository
      .createQueryBuilder('ev')
      .select('ev.id', 'id')
      .addSelect('ev.method', 'method')
      .addSelect('SUBSTR(COALESCE(ev.body, ev.rawBody), 1, 120)', 'body')
      .where('ev.id IN (:...ids)', { ids: [...new Set(eventIds)] })
      .getRawMany();
    return new Map(rows.map((row) => [row.id, `${row.method} ${row.body}`]));
  }

  private get repository(): Repository<EventEntity> {
    return this.dataSource.getRepository(EventEntity);
  }
}

/** An event as the API answers it: the parsed body and its size instead of the stored bytes. */
export function toEventDto(row: EventEntity) {
  const { rawBody, rawEncoding, body: _body, ...rest } = row;
  return { ...rest, body: readBody(row), size: Buffer.byteLength(rawBody, rawEncoding === 'utf8' ? 'utf8' : 'base64') };
}
