// Sending a stored request again to its live flow: it goes through intake's checks like a new one.
// A replay that was accepted goes to the audit log (intake itself never does).
import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { NodeRegistry } from '@hookflow/engine';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { rawBytes } from '../events/event-body';
import { EventsService } from '../events/events.service';
import { FlowsService } from '../flows/flows.service';
import { triggerNodeOf } from '../runtime/trigger-node';
import { IntakeService } from './intake.service';

@ApiTags('events')
@Controller('api/events')
export class EventReplayController {
  constructor(
    private readonly events: EventsService,
    private readonly flows: FlowsService,
    private readonly intake: IntakeService,
    private readonly registry: NodeRegistry,
    private readonly audit: AuditService,
  ) {}

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a stored request again to the live flow, through the same checks as a new one' })
  async replay(@Param('id') id: string, @Req() request: FastifyRequest): Promise<{ eventId: string }> {
    const event = await this.events.find(id);
    if (!event || !event.flowId) throw new NotFoundError(`No event with id ${id}.`);
    const flow = await this.flows.find(event.flowId);
    const trigger = triggerNodeOf(flow.document, this.registry);
    if (!flow.active || !flow.triggerKey || !trigger) throw new ConflictError('The flow is not active; activate it to send requests to it.');
    const accepted = await this.intake.accept({
      key: flow.triggerKey,
      suffix: trigger.path,
      method: event.method,
      url: event.path,
      headers: event.headers,
      query: event.query,
      raw: event.rawBody ? rawBytes(event) : undefined,
      callerVerified: event.status !== 'rejected',
    });
    await this.audit.record({ request, action: 'event.replayed', target: { type: 'event', id: event.id, name: flow.name }, details: { flowId: flow.id, newEventId: accepted.eventId } });
    return accepted;
  }
}
