// POST /api/flows/:id/nodes/:nodeId/test: one node of the draft, run on its own (node-test.service.ts).
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAuth, type RequestAuth } from '../auth/request-auth';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { NodeTestSchema, NodeTestService, type NodeTestRequest } from './node-test.service';

@ApiTags('flows')
@Controller('api/flows')
export class NodeTestController {
  constructor(private readonly nodeTests: NodeTestService) {}

  @Post(':id/nodes/:nodeId/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run one node of the draft on its own, with a sample trigger and outputs of earlier nodes; answers its step' })
  test(@Param('id') id: string, @Param('nodeId') nodeId: string, @Body(new ZodBodyPipe(NodeTestSchema)) body: NodeTestRequest, @CurrentAuth() auth: RequestAuth) {
    return this.nodeTests.test({ flowId: id, nodeId, request: body, author: auth.user });
  }
}
