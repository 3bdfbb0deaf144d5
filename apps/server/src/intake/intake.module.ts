// The intake capability: trigger URLs (registered on Fastify by app.factory.ts), the checks a
// trigger's params ask for, and sending a stored request again.
import { Module } from '@nestjs/common';
import { FlowsModule } from '../flows/flows.module';
import { EventReplayController } from './event-replay.controller';
import { IntakeService } from './intake.service';
import { TriggerGuardService } from './verification/trigger-guard.service';

@Module({
  imports: [FlowsModule],
  controllers: [EventReplayController],
  providers: [IntakeService, TriggerGuardService],
  exports: [IntakeService],
})
export class IntakeModule {}
