import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditTarget } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { flowNameOf } from '../audit/flow-name';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { FlowsService } from '../flows/flows.service';
import { ExecutionListQuerySchema, type ExecutionListQuery } from './execution-query';
import { ExecutionsService } from './executions.service';

const StatsQuerySchema = z.object({
  flowId: z.string().optional(),
  hours: z.coerce.number().int().min(1).max(24 * 14).default(24),
});

@ApiTags('executions')
@Controller('api/executions')
export class ExecutionsController {
  constructor(
    private readonly executions: ExecutionsService,
    private readonly flows: FlowsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List executions of every flow, newest first (filters: flowId, status, eventId, from, to, q: an execution or event id or words of the error; pages: limit, cursor)' })
  list(@Query(new ZodQueryPipe(ExecutionListQuerySchema)) query: ExecutionListQuery) {
    return this.executions.list(query);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Executions per hour and status over the last hours (default 24)' })
  stats(@Query(new ZodQueryPipe(StatsQuerySchema)) query: z.output<typeof StatsQuerySchema>) {
    return this.executions.stats(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One execution with every step: input, output, error, attempts, timing' })
  get(@Param('id') id: string) {
    return this.executions.get(id);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run the execution’s event again on the version it ran; answers the new execution id' })
  async retry(@Param('id') id: string, @Req() request: FastifyRequest) {
    const retried = await this.executions.retry(id);
    const target: AuditTarget = { type: 'execution', id: retried.retryOf, name: await flowNameOf(this.flows, retried.flowId) };
    await this.audit.record({ request, action: 'execution.retried', target, details: { flowId: retried.flowId, newExecutionId: retried.executionId } });
    return retried;
  }
}
