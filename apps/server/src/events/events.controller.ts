// Received requests, newest first: what came in and what became of it (accepted, done, rejected).
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { decodeCursor, encodeCursor, PageQuerySchema } from '../common/cursor';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { FlowsService } from '../flows/flows.service';
import { IntakeService } from '../intake/intake.service';
import { triggerNodeOf } from '../runtime/flow-runtime.service';
import { EventEntity } from '../storage/entities';
import { rawBytes, readBody } from '../storage/event-body';

const EventQuerySchema = PageQuerySchema.extend({
  flowId: z.string().optional(),
  status: z.enum(['accepted', 'done', 'rejected', 'duplicate', 'dropped']).optional(),
});

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flows: FlowsService,
    private readonly intake: IntakeService,
  ) {}

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a stored request again to the live flow, through the same checks as a new one' })
  async replay(@Param('id') id: string): Promise<{ eventId: string }> {
    const event = await this.dataSource.getRepository(EventEntity).findOneBy({ id });
    if (!event || !event.flowId) throw new NotFoundError(`No event with id ${id}.`);
    const flow = await this.flows.find(event.flowId);
    const trigger = triggerNodeOf(flow.document);
    if (!flow.active || !flow.triggerKey || !trigger) throw new ConflictError('The flow is not active; activate it to send requests to it.');
    return this.intake.accept({
      key: flow.triggerKey,
      suffix: trigger.path,
      method: event.method,
      url: event.path,
      headers: event.headers,
      query: event.query,
      raw: event.rawBody ? rawBytes(event) : undefined,
      callerVerified: event.status !== 'rejected',
    });
  }

  @Get()
  @ApiOperation({ summary: 'Received webhook requests: method, headers, body and outcome' })
  async list(@Query(new ZodQueryPipe(EventQuerySchema)) query: z.output<typeof EventQuerySchema>) {
    const after = decodeCursor(query.cursor);
    const builder = this.dataSource.getRepository(EventEntity).createQueryBuilder('ev');
    if (query.flowId) builder.andWhere('ev.flowId = :flowId', { flowId: query.flowId });
    if (query.status) builder.andWhere('ev.status = :status', { status: query.status });
    if (after) builder.andWhere('(ev.receivedAt < :at OR (ev.receivedAt = :at AND ev.id < :id))', after);
    const rows = await builder.orderBy('ev.receivedAt', 'DESC').addOrderBy('ev.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toEventDto),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.receivedAt, id: last.id }) : null,
    };
  }
}

function toEventDto(row: EventEntity) {
  const { rawBody, rawEncoding, body: _body, ...rest } = row;
  return { ...rest, body: readBody(row), size: Buffer.byteLength(rawBody, rawEncoding === 'utf8' ? 'utf8' : 'base64') };
}
