import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditTarget } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { flowNameOf } from '../audit/flow-name';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { FlowsService } from '../flows/flows.service';
import { ExecutionListQuerySchema, type ExecutionListQuery } from './execution-query';
import { ExecutionsService } from './executions.service';
import { ParkedRuns } from './parked-runs';

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
    private readonly parked: ParkedRuns,
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

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop a run that waits at a delay: it is recorded as cancelled and never goes on (409 when it is not waiting, or its time came)' })
  async cancel(@Param('id') id: string, @Req() request: FastifyRequest): Promise<{ id: string; status: 'cancelled' }> {
    const outcome = await this.parked.cancel(id);
    if (outcome === 'missing') throw new NotFoundError(`No execution with id ${id}.`);
    if (outcome === 'not-waiting') throw new ConflictError('Only a run that waits at a delay can be cancelled; this one is not waiting.');
    if (outcome === 'going-on') throw new ConflictError('The delay of this run is over and the run is going on; it can no longer be cancelled.');
    const { flowId } = await this.executions.get(id);
    await this.audit.record({ request, action: 'execution.cancelled', target: { type: 'execution', id, name: await flowNameOf(this.flows, flowId) }, details: { flowId } });
    return { id, status: 'cancelled' };
  }
}
