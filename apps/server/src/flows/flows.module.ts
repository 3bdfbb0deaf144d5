// The flows capability: flows and their immutable versions, test runs of drafts, templates, and the
// test URL whose requests the editor listens to. Only processes that serve the API load it.
import { Module } from '@nestjs/common';
import { TemplatesController } from '../templates/templates.controller';
import { TestListenController } from '../test-listen/test-listen.controller';
import { TestListenService } from '../test-listen/test-listen.service';
import { FlowHistoryService } from './flow-history.service';
import { FlowVersionsController } from './flow-versions.controller';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';
import { NodeTestController } from './node-test.controller';
import { NodeTestService } from './node-test.service';
import { TestRunService } from './test-run.service';

@Module({
  controllers: [TestListenController, FlowsController, FlowVersionsController, TemplatesController, NodeTestController],
  providers: [FlowsService, FlowHistoryService, TestRunService, TestListenService, NodeTestService],
  exports: [FlowsService],
})
export class FlowsModule {}
