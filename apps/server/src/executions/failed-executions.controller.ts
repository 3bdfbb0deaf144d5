// The failed list (dead letter) and replays. GET /api/executions/failed lists every flow's (or,
// with flowId, one flow's) failed executions; GET /api/flows/:id/failed is the same for one flow.
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditTarget } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { flowNameOf } from '../audit/flow-name';
import { CurrentAuth, type RequestAuth } from '../auth/request-auth';
import { PageQuerySchema } from '../common/cursor';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { FlowsService } from '../flows/flows.service';
import { FailedExecutionsService } from './failed-executions.service';
import { ReplayRequestSchema, ReplayService, type ReplayRequest } from './replay.service';

const FailedQuerySchema = PageQuerySchema.extend({ flowId: z.string().optional() });

@ApiTags('executions')
@Controller('api')
export class FailedExecutionsController {
  constructor(
    private readonly failed: FailedExecutionsService,
    private readonly replays: ReplayService,
    private readonly flows: FlowsService,
    private readonly audit: AuditService,
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
  async replay(@Body(new ZodBodyPipe(ReplayRequestSchema)) body: ReplayRequest, @CurrentAuth() auth: RequestAuth, @Req() request: FastifyRequest) {
    const { replayed, flowIds } = await this.replays.replay(body, auth.user);
    // One entry per request, naming the flow when every replayed run belongs to one.
    const [onlyFlow] = flowIds.length === 1 ? flowIds : [];
    const target: AuditTarget | undefined = onlyFlow ? { type: 'flow', id: onlyFlow, name: await flowNameOf(this.flows, onlyFlow) } : undefined;
    await this.audit.record({ request, action: 'execution.replayed', target, details: { count: replayed.length, flows: flowIds.length, version: body.version, allFailed: body.allFailed === true } });
    return { replayed };
  }
}
