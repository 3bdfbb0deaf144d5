import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { flowDocumentJsonSchema } from '@hookflow/flow-model';
import { z } from 'zod';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { FlowsService } from './flows.service';
import { TestRunSchema, TestRunService, type TestRunRequest } from './test-run.service';

const flowSchema = flowDocumentJsonSchema();

/** Flow bodies are only parsed here; the flows service checks them and names nodes and params. */
const jsonValue = z.unknown();

@ApiTags('flows')
@Controller('api/flows')
export class FlowsController {
  constructor(
    private readonly flows: FlowsService,
    private readonly testRuns: TestRunService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All flows, most recently changed first' })
  list() {
    return this.flows.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a flow from a flow document (import)' })
  @ApiBody({ schema: flowSchema })
  create(@Body(new ZodBodyPipe(jsonValue)) body: unknown) {
    return this.flows.create(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A flow: its document, state, trigger URLs and validation result' })
  get(@Param('id') id: string) {
    return this.flows.get(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Save a new version of the flow' })
  @ApiBody({ schema: flowSchema })
  update(@Param('id') id: string, @Body(new ZodBodyPipe(jsonValue)) body: unknown) {
    return this.flows.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a flow with its versions, events and executions' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.flows.remove(id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate and activate; answers the trigger URLs' })
  activate(@Param('id') id: string) {
    return this.flows.activate(id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop accepting events for this flow' })
  deactivate(@Param('id') id: string) {
    return this.flows.deactivate(id);
  }

  @Post(':id/test-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the current draft on a sample payload, synchronously, and return every step' })
  testRun(@Param('id') id: string, @Body(new ZodBodyPipe(TestRunSchema)) body: TestRunRequest) {
    return this.testRuns.run(id, body);
  }
}
