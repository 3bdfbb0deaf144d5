import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { flowDocumentJsonSchema } from '@hookflow/flow-model';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { targetOf, type AuditDetails } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { CurrentAuth, type RequestAuth } from '../auth/request-auth';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ZodQueryPipe } from '../common/zod-query.pipe';
import { FlowHistoryService, VersionsQuerySchema, type VersionsQuery } from './flow-history.service';
import { FlowsService } from './flows.service';
import { TestRunSchema, TestRunService, type TestRunRequest } from './test-run.service';

const flowSchema = flowDocumentJsonSchema();

/** Flow bodies are only parsed here; the flows service checks them and names nodes and params. */
const jsonValue = z.unknown();

/** Where a new flow came from, for the audit log: `import` records it as imported, not created. */
const CreateFlowQuery = z.object({ source: z.enum(['import', 'template', 'copy'], { message: 'source must be import, template or copy' }).optional() });

/** A save of an old version brought back (its id): secrets the latest version lacks come from it. */
const UpdateFlowQuery = z.object({ restoredFrom: z.string().min(1).max(36).optional() });

@ApiTags('flows')
@Controller('api/flows')
export class FlowsController {
  constructor(
    private readonly flows: FlowsService,
    private readonly testRuns: TestRunService,
    private readonly audit: AuditService,
    private readonly history: FlowHistoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All flows, most recently changed first' })
  list() {
    return this.flows.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a flow from a flow document (import)' })
  @ApiBody({ schema: flowSchema })
  async create(@Body(new ZodBodyPipe(jsonValue)) body: unknown, @Query(new ZodQueryPipe(CreateFlowQuery)) query: z.output<typeof CreateFlowQuery>, @Req() request: FastifyRequest) {
    const flow = await this.flows.create(body);
    const action = query.source === 'import' ? 'flow.imported' : 'flow.created';
    await this.audit.record({ request, action, target: targetOf('flow', flow), details: { version: flow.version, ...(query.source ? { source: query.source } : {}) } });
    return flow;
  }

  @Get(':id')
  @ApiOperation({ summary: 'A flow: its document, state, trigger URLs and validation result' })
  get(@Param('id') id: string) {
    return this.flows.get(id);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'The flow\'s saved versions, newest first (number, time, who saved it); pass nextCursor back as cursor' })
  versions(@Param('id') id: string, @Query(new ZodQueryPipe(VersionsQuerySchema)) query: VersionsQuery) {
    return this.history.list({ flowId: id, ...query });
  }

  @Put(':id')
  @ApiOperation({ summary: 'Save a new version of the flow' })
  @ApiBody({ schema: flowSchema })
  async update(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(jsonValue)) body: unknown,
    @Query(new ZodQueryPipe(UpdateFlowQuery)) query: z.output<typeof UpdateFlowQuery>,
    @CurrentAuth() auth: RequestAuth,
    @Req() request: FastifyRequest,
  ) {
    const flow = await this.flows.update(id, body, { ...query, author: auth.user });
    const details: AuditDetails = { version: flow.version };
    if (query.restoredFrom) details.restoredFrom = (await this.flows.versionOf(id, query.restoredFrom)).version;
    await this.audit.record({ request, action: 'flow.saved', target: targetOf('flow', flow), details });
    return flow;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a flow with its versions, events and executions' })
  async remove(@Param('id') id: string, @Req() request: FastifyRequest): Promise<void> {
    // Read first: once deleted, the log could no longer say which flow it was.
    const flow = await this.flows.find(id);
    await this.flows.remove(id);
    await this.audit.record({ request, action: 'flow.deleted', target: targetOf('flow', flow), details: { version: flow.currentVersion } });
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate and activate; answers the trigger URLs. 403 when the caller may not use a credential the flow names' })
  async activate(@Param('id') id: string, @CurrentAuth() auth: RequestAuth, @Req() request: FastifyRequest) {
    const flow = await this.flows.activate(id, auth.user);
    await this.audit.record({ request, action: 'flow.activated', target: targetOf('flow', flow), details: { version: flow.version } });
    return flow;
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop accepting events for this flow' })
  async deactivate(@Param('id') id: string, @Req() request: FastifyRequest) {
    const flow = await this.flows.deactivate(id);
    await this.audit.record({ request, action: 'flow.deactivated', target: targetOf('flow', flow), details: { version: flow.version } });
    return flow;
  }

  @Post(':id/test-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the current draft on a sample payload, synchronously, and return every step' })
  testRun(@Param('id') id: string, @Body(new ZodBodyPipe(TestRunSchema)) body: TestRunRequest, @CurrentAuth() auth: RequestAuth) {
    return this.testRuns.run({ flowId: id, request: body, author: auth.user });
  }
}
