// The failed list (dead letter) and replays. GET /api/executions/failed lists every flow's (or,
// with flowId, one flow's) failed executions; GET /api/flows/:id/failed is the same for one flow.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { PageQuerySchema } from '../common/cursor';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { FailedExecutionsService } from './failed-executions.service';
import { ReplayRequestSchema, ReplayService, type ReplayRequest } from './replay.service';

const FailedQuerySchema = PageQuerySchema.extend({ flowId: z.string().optional() });

@ApiTags('executions')
@Controller('api')
export class FailedExecutionsController {
  constructor(
    private readonly failed: FailedExecutionsService,
    private readonly replays: ReplayService,
  ) {}

  @Get('executions/failed')
  @ApiOperation({ summary: 'Failed executions not yet delivered by a replay, newest first, with error, request and response (filter: flowId)' })
  list(@Query(new ZodQueryPipe(FailedQuerySchema)) query: z.output<typeof FailedQuerySchema>) {
    return this.failed.list(query);
  }

  @Get('flows/:id/failed')
  @ApiOperation({ summary: 'One flow’s failed executions (the same list as GET /api/executions/failed?flowId=)' })
  ofFlow(@Param('id') id: string, @Query(new ZodQueryPipe(PageQuerySchema)) query: z.output<typeof PageQuerySchema>) {
    return this.failed.listOfFlow(id, query);
  }

  @Post('executions/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay executions (executionIds, or flowId with allFailed) on their original or the current version' })
  replay(@Body(new ZodBodyPipe(ReplayRequestSchema)) body: ReplayRequest) {
    return this.replays.replay(body);
  }
}
