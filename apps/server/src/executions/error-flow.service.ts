// The "on error" flow: a flow may name another flow (settings.onErrorFlowId) that runs with
// { flow, execution, error } as its trigger body whenever one of its executions fails. The
// notification is an ordinary event row, committed like any webhook's, so it survives a crash and
// shows up in the error flow's events and executions. The executor commits it and answers its job
// as a follow-up; this service never dispatches.
import { Inject, Injectable } from '@nestjs/common';
import type { ExecutionResult } from '@hookflow/engine';
import type { Logger } from 'pino';
import { firstRunOf, type ExecutionJob } from '../dispatch/dispatcher';
import { storeBody } from '../events/event-body';
import type { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { LOGGER } from '../logging/logger';
import { FlowRuntimeService, type RunnableVersion } from '../runtime/flow-runtime.service';
import { newRowId } from '../storage/row-id';

/**
 * Path of error-flow events. Webhook events keep the URL they arrived on (/hooks/...), so no
 * sender can make an event look like an error notification.
 */
export const ON_ERROR_PATH_PREFIX = '/on-error/';

export interface ErrorFlowEvent {
  row: EventEntity;
  job: ExecutionJob;
}

export interface ErrorFlowBody {
  flow: { id: string; name: string };
  execution: { id: string; status: 'error'; startedAt: string; eventId: string };
  error: { nodeId: string; message: string; kind: string };
}

@Injectable()
export class ErrorFlowService {
  constructor(
    private readonly events: EventsService,
    private readonly runtime: FlowRuntimeService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The event that notifies the failed flow's error flow, or undefined when none should run. */
  async eventFor(args: { runnable: RunnableVersion; executionId: string; eventId: string; result: ExecutionResult }): Promise<ErrorFlowEvent | undefined> {
    const { runnable, executionId, eventId, result } = args;
    const errorFlowId = runnable.compiled.document.settings?.onErrorFlowId;
    if (!errorFlowId || result.status !== 'error') return undefined;
    try {
      // Loop guard: a failure while handling a failure notifies nobody.
      if ((await this.events.pathOf(eventId))?.startsWith(ON_ERROR_PATH_PREFIX)) return undefined;
      const target = await this.runtime.currentTrigger(errorFlowId);
      if (!target) {
        this.logger.warn({ flowId: runnable.flowId, errorFlowId }, 'the on-error flow does not exist or has no webhook trigger; nobody was notified');
        return undefined;
      }
      const body: ErrorFlowBody = {
        flow: { id: runnable.flowId, name: runnable.name },
        execution: { id: executionId, status: 'error', startedAt: result.startedAt, eventId },
        error: { nodeId: result.error?.nodeId ?? '', message: result.error?.message ?? 'the execution failed', kind: result.error?.kind ?? 'runtime' },
      };
      return notificationEvent({ ...target, sourceFlowId: runnable.flowId, body });
    } catch (err) {
      this.logger.error({ err, flowId: runnable.flowId, errorFlowId }, 'could not prepare the on-error notification');
      return undefined;
    }
  }
}

function notificationEvent(args: { flowId: string; versionId: string; nodeId: string; sourceFlowId: string; body: ErrorFlowBody }): ErrorFlowEvent {
  const { flowId, versionId, nodeId, sourceFlowId, body } = args;
  const id = newRowId();
  const headers = { 'content-type': 'application/json', 'x-hookflow-source-flow': sourceFlowId };
  const row: EventEntity = {
    id,
    flowId,
    flowVersionId: versionId,
    nodeId,
    method: 'POST',
    path: `${ON_ERROR_PATH_PREFIX}${sourceFlowId}`,
    headers,
    query: {},
    contentType: headers['content-type'],
    ...storeBody({ raw: Buffer.from(JSON.stringify(body)), kind: 'json', body }),
    status: 'accepted',
    reason: null,
    httpStatus: 202,
    receivedAt: new Date().toISOString(),
    orderingKey: null,
  };
  return { row, job: firstRunOf(id) };
}
