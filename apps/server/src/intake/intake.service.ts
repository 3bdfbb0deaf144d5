// Intake: check the request against its live trigger, parse it, commit one event row, and only
// then answer. Execution is dispatched after the commit, never before.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { IntakeRejection } from '../common/domain-errors';
import { SETTINGS, type Settings } from '../config/settings';
import { Dispatcher } from '../dispatch/dispatcher';
import { LOGGER } from '../logging/logger';
import { FlowRuntimeService, type LiveTrigger } from '../runtime/flow-runtime.service';
import { toTriggerOutput } from '../runtime/trigger-output';
import type { EventEntity } from '../storage/entities';
import { StoreService } from '../storage/store.service';
import { storeBody, type StoredBody } from '../storage/event-body';
import { parseBody, type BodyLimits } from './body-parser';

export interface IncomingWebhook {
  key: string;
  /** What follows the key in the URL, without slashes at the ends. */
  suffix: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  raw: Buffer | undefined;
}

@Injectable()
export class IntakeService {
  private readonly limits: BodyLimits;

  constructor(
    private readonly runtime: FlowRuntimeService,
    private readonly store: StoreService,
    private readonly dispatcher: Dispatcher,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.limits = { maxDepth: settings.MAX_JSON_DEPTH, maxKeys: settings.MAX_JSON_KEYS };
  }

  async accept(request: IncomingWebhook): Promise<{ eventId: string }> {
    const trigger = await this.runtime.liveTrigger(request.key);
    if (!trigger || trigger.path !== request.suffix) {
      throw new IntakeRejection(404, 'unknown_trigger', 'No active flow listens at this URL. Check the URL, or activate the flow.');
    }
    const eventId = randomUUID();
    const receivedAt = new Date().toISOString();
    try {
      if (request.method !== trigger.method) {
        throw new IntakeRejection(405, 'method_not_allowed', `This trigger accepts ${trigger.method} requests, not ${request.method}.`, {
          allow: trigger.method,
        });
      }
      const contentType = request.headers['content-type'];
      const { kind, body } = parseBody({ raw: request.raw, contentType, limits: this.limits });
      const stored = storeBody({ raw: request.raw, kind, body });
      await this.store.write({ kind: 'event', row: this.eventRow({ request, trigger, eventId, receivedAt, stored, status: 'accepted' }) });
      this.dispatcher.dispatch({
        eventId,
        executionId: randomUUID(),
        flowVersionId: trigger.versionId,
        trigger: toTriggerOutput({ id: eventId, method: request.method, headers: request.headers, query: request.query, body, receivedAt }),
      });
      return { eventId };
    } catch (err) {
      if (err instanceof IntakeRejection) this.recordRejection({ request, trigger, eventId, receivedAt, rejection: err });
      throw err;
    }
  }

  /** Rejected requests are kept so the editor can show why a sender's call did not run. */
  private recordRejection(args: { request: IncomingWebhook; trigger: LiveTrigger; eventId: string; receivedAt: string; rejection: IntakeRejection }): void {
    const stored = storeBody({ raw: args.request.raw, kind: 'binary', body: null });
    const row = this.eventRow({ ...args, stored, status: 'rejected' });
    row.reason = args.rejection.message;
    row.httpStatus = args.rejection.status;
    this.store.write({ kind: 'event', row }).catch((err: unknown) => this.logger.error({ err, eventId: args.eventId }, 'could not record a rejected request'));
  }

  private eventRow(args: {
    request: IncomingWebhook;
    trigger: LiveTrigger;
    eventId: string;
    receivedAt: string;
    stored: StoredBody;
    status: 'accepted' | 'rejected';
  }): EventEntity {
    const { request, trigger } = args;
    return {
      id: args.eventId,
      flowId: trigger.flowId,
      flowVersionId: trigger.versionId,
      nodeId: trigger.nodeId,
      method: request.method,
      path: request.url,
      headers: request.headers,
      query: request.query,
      contentType: request.headers['content-type'] ?? null,
      ...args.stored,
      status: args.status,
      reason: null,
      httpStatus: 202,
      receivedAt: args.receivedAt,
    };
  }
}
