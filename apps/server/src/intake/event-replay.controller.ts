// Sending a stored request again to its live flow: it goes through intake's checks like a new one.
// A schedule's tick is sent again as a new tick event with the same time. A replay that was
// accepted goes to the audit log (intake itself never does).
import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { NodeRegistry } from '@hookflow/engine';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { rawBytes } from '../events/event-body';
import { EventsService } from '../events/events.service';
import { FlowsService } from '../flows/flows.service';
import { triggerNodeOf, type TriggerNode } from '../runtime/trigger-node';
import { Dispatcher, firstRunOf } from '../dispatch/dispatcher';
import type { EventRow } from '../storage/rows';
import type { FlowEntity } from '../flows/flow.entities';
import { tickEvent } from '../schedule/tick-event';
import { SCHEDULE_METHOD, scheduleParams, type ScheduleTick } from '@hookflow/nodes';
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
    private readonly dispatcher: Dispatcher,
  ) {}

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a stored request again to the live flow, through the same checks as a new one' })
  async replay(@Param('id') id: string, @Req() request: FastifyRequest): Promise<{ eventId: string }> {
    const event = await this.events.find(id);
    if (!event || !event.flowId) throw new NotFoundError(`No event with id ${id}.`);
    const flow = await this.flows.find(event.flowId);
    const trigger = triggerNodeOf(flow.document, this.registry);
    if (!flow.active || !trigger) throw new ConflictError('The flow is not active; activate it to send requests to it.');
    const accepted = trigger.type === 'schedule' ? await this.tickAgain(event, flow) : await this.sendAgain(event, flow, trigger);
    await this.audit.record({ request, action: 'event.replayed', target: { type: 'event', id: event.id, name: flow.name }, details: { flowId: flow.id, newEventId: accepted.eventId } });
    return accepted;
  }

  private async sendAgain(event: EventRow, flow: FlowEntity, trigger: TriggerNode): Promise<{ eventId: string }> {
    if (!flow.triggerKey) throw new ConflictError('The flow is not active; activate it to send requests to it.');
    return this.intake.accept({
      key: flow.triggerKey,
      suffix: trigger.path,
      method: event.method,
      url: event.path,
      headers: event.headers,
      query: event.query,
      raw: event.rawBody ? rawBytes(event) : undefined,
      callerVerified: event.status !== 'rejected',
    });
  }

  /** A new tick event with the replayed tick's time, run on the flow's current version and schedule. */
  private async tickAgain(event: EventRow, flow: FlowEntity): Promise<{ eventId: string }> {
    const scheduledFor = event.method === SCHEDULE_METHOD ? scheduledForOf(event.rawBody) : undefined;
    if (!scheduledFor) throw new ConflictError('This flow now starts on a schedule; a request it received before cannot be sent to it again.');
    const node = triggerNodeOf(flow.document, this.registry);
    const spec = scheduleParams.safeParse(node?.params ?? {});
    if (!node || !spec.success) throw new ConflictError('The flow’s schedule cannot be read; fix it, then send the tick again.');
    const tick: ScheduleTick = { scheduledFor, firedAt: new Date().toISOString(), cron: spec.data.cron, timezone: spec.data.timezone };
    const row = tickEvent({ flowId: flow.id, versionId: flow.currentVersionId, nodeId: node.id, tick });
    await this.events.record(row);
    this.dispatcher.dispatch(firstRunOf(row.id));
    return { eventId: row.id };
  }
}

/** The tick time a stored tick event was for, or undefined when its body is not a tick's. */
function scheduledForOf(rawBody: string): string | undefined {
  try {
    const body: unknown = JSON.parse(rawBody);
    const at = typeof body === 'object' && body !== null && 'scheduledFor' in body ? body.scheduledFor : undefined;
    return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : undefined;
  } catch {
    return undefined;
  }
}
