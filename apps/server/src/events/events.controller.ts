// Received requests, newest first: what came in and what became of it (accepted, done, rejected).
// Sending one again is intake's (intake/event-replay.controller.ts).
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { PageQuerySchema } from '../common/cursor';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { EventsService, toEventDto } from './events.service';

const EventQuerySchema = PageQuerySchema.extend({
  flowId: z.string().optional(),
  status: z.enum(['accepted', 'done', 'rejected', 'duplicate', 'dropped']).optional(),
});

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'Received webhook requests: method, headers, body and outcome' })
  async list(@Query(new ZodQueryPipe(EventQuerySchema)) query: z.output<typeof EventQuerySchema>) {
    const page = await this.events.list(query);
    return { items: page.items.map(toEventDto), nextCursor: page.nextCursor };
  }
}
