// The "on error" flow: a flow may name another flow (settings.onErrorFlowId) that runs with
// { flow, execution, error } as its trigger body whenever one of its executions fails. The
// notification is an ordinary event row, committed like any webhook's, so it survives a crash and
// shows up in the error flow's events and executions.
import { newRowId } from '../storage/row-id';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ExecutionResult } from '@hookflow/engine';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { Dispatcher, type ExecutionJob } from '../dispatch/dispatcher';
import { LOGGER } from '../logging/logger';
import { triggerNodeOf, type RunnableVersion } from '../runtime/flow-runtime.service';
import { toTriggerOutput } from '../runtime/trigger-output';
import { EventEntity, FlowEntity } from '../storage/entities';
import { storeBody } from '../storage/event-body';

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
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The event that notifies the failed flow's error flow, or undefined when none should run. */
  async eventFor(args: { runnable: RunnableVersion; executionId: string; eventId: string; result: ExecutionResult }): Promise<ErrorFlowEvent | undefined> {
    const { runnable, executionId, eventId, result } = args;
    const errorFlowId = runnable.compiled.document.settings?.onErrorFlowId;
    if (!errorFlowId || result.status !== 'error') return undefined;
    try {
      // Loop guard: a failure while handling a failure notifies nobody.
      if (await this.isErrorNotification(eventId)) return undefined;
      const errorFlow = await this.dataSource.getRepository(FlowEntity).findOneBy({ id: errorFlowId });
      const trigger = errorFlow ? triggerNodeOf(errorFlow.document) : undefined;
      if (!errorFlow || !trigger) {
        this.logger.warn({ flowId: runnable.flowId, errorFlowId }, 'the on-error flow does not exist or has no webhook trigger; nobody was notified');
        return undefined;
      }
      const body: ErrorFlowBody = {
        flow: { id: runnable.flowId, name: runnable.name },
        execution: { id: executionId, status: 'error', startedAt: result.startedAt, eventId },
        error: { nodeId: result.error?.nodeId ?? '', message: result.error?.message ?? 'the execution failed', kind: result.error?.kind ?? 'runtime' },
      };
      return notificationEvent({ errorFlow, triggerNodeId: trigger.id, sourceFlowId: runnable.flowId, body });
    } catch (err) {
      this.logger.error({ err, flowId: runnable.flowId, errorFlowId }, 'could not prepare the on-error notification');
      return undefined;
    }
  }

  /** Runs the error flow; call once the notification's event row is committed. */
  dispatch(event: ErrorFlowEvent): void {
    // Resolved lazily: the dispatcher runs the executor, which uses this service.
    this.moduleRef.get(Dispatcher, { strict: false }).dispatch(event.job);
  }

  private async isErrorNotification(eventId: string): Promise<boolean> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ select: { id: true, path: true }, where: { id: eventId } });
    return event?.path.startsWith(ON_ERROR_PATH_PREFIX) ?? false;
  }
}

function notificationEvent(args: { errorFlow: FlowEntity; triggerNodeId: string; sourceFlowId: string; body: ErrorFlowBody }): ErrorFlowEvent {
  const { errorFlow, triggerNodeId, sourceFlowId, body } = args;
  const id = newRowId();
  const receivedAt = new Date().toISOString();
  const headers = { 'content-type': 'application/json', 'x-hookflow-source-flow': sourceFlowId };
  const row: EventEntity = {
    id,
    flowId: errorFlow.id,
    flowVersionId: errorFlow.currentVersionId,
    nodeId: triggerNodeId,
    method: 'POST',
    path: `${ON_ERROR_PATH_PREFIX}${sourceFlowId}`,
    headers,
    query: {},
    contentType: headers['content-type'],
    ...storeBody({ raw: Buffer.from(JSON.stringify(body)), kind: 'json', body }),
    status: 'accepted',
    reason: null,
    httpStatus: 202,
    receivedAt,
  };
  const trigger = toTriggerOutput({ id, method: 'POST', headers, query: {}, body, receivedAt });
  return { row, job: { eventId: id, executionId: newRowId(), flowVersionId: errorFlow.currentVersionId, trigger } };
}
