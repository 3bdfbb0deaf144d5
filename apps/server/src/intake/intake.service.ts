// Intake: check the request against its live trigger, parse it, commit one event row, and only
// then answer. Execution is dispatched after the commit, never before. The trigger's own checks
// run in a fixed order: address (403) → rate (429) → handshake (answered, nothing stored) →
// method (405) → caller (401) → parse (400) → staleness (200 dropped) → repeat (200 duplicate).
// Each trigger request's outcome is counted in the metrics (metrics/), labelled by its flow.
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { WebhookParams } from '@hookflow/nodes';
import { CallerAnswers } from '../answers/caller-answers.service';
import { IntakeRejection, ServiceUnavailableError } from '../common/domain-errors';
import { SETTINGS, type Settings } from '../config/settings';
import { Dispatcher, firstRunOf } from '../dispatch/dispatcher';
import { storeBody, type StoredBody } from '../events/event-body';
import type { EventEntity, EventStatus } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { toTriggerOutput } from '../events/trigger-output';
import { LOGGER } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';
import type { TriggerOutcome } from '../metrics/trigger-outcome';
import { FlowRuntimeService, type LiveTrigger } from '../runtime/flow-runtime.service';
import { newRowId } from '../storage/row-id';
import { parseBody, type BodyLimits } from './body-parser';
import { orderingKeyOf } from './ordering-key';
import { dedupeKeyOf } from './verification/dedupe-key';
import { staleReason } from './verification/event-age';
import { timedOut, toIntakeAnswer, type IntakeAnswer, type PendingAnswer } from './verification/intake-answer';
import { withoutSecretHeaders } from './verification/secret-headers';
import { TriggerGuardService } from './verification/trigger-guard.service';

export interface IncomingWebhook {
  key: string;
  /** What follows the key in the URL, without slashes at the ends. */
  suffix: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  raw: Buffer | undefined;
  /** The TCP peer's address (the proxy's, behind one). */
  remoteAddress?: string;
  /**
   * Set on a replay of an event that passed the caller check when it arrived: header and Basic
   * checks are skipped then, because their secrets were redacted before storing.
   */
  callerVerified?: boolean;
}

interface Received {
  request: IncomingWebhook;
  trigger: LiveTrigger;
  /** Read first thing in the checks; until then a rejection is recorded without them. */
  params?: WebhookParams;
  eventId: string;
  receivedAt: string;
  /** A stored request sent again from the API: no address, rate, handshake, age or repeat checks. */
  replay: boolean;
  /** How it was answered, for the metrics; set where an answer other than accepting is made. */
  outcome: TriggerOutcome;
}

/** 429s are not recorded: a flood would otherwise become a flood of writes. */
const UNRECORDED_STATUSES = new Set([429]);
/** What a sender is told to wait while the store is away. */
const STORE_RETRY_AFTER_SECONDS = 5;

@Injectable()
export class IntakeService {
  private readonly limits: BodyLimits;

  constructor(
    private readonly runtime: FlowRuntimeService,
    private readonly events: EventsService,
    private readonly dispatcher: Dispatcher,
    private readonly guard: TriggerGuardService,
    private readonly metrics: MetricsService,
    private readonly answers: CallerAnswers,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.limits = { maxDepth: settings.MAX_JSON_DEPTH, maxKeys: settings.MAX_JSON_KEYS };
  }

  /** A request to a trigger URL; its outcome is counted in the metrics (replays are not). */
  async receive(request: IncomingWebhook): Promise<IntakeAnswer> {
    const started = performance.now();
    let flowId: string | undefined;
    try {
      const received = await this.lookUp(request, false);
      flowId = received.trigger.flowId;
      const answer = await this.process(received);
      // Counted when accepted: a caller that waits for its flow's answer waits on the flow, not on intake.
      this.metrics.triggerAnswered({ flowId, outcome: received.outcome, seconds: secondsSince(started) });
      return answer.later ? await answer.later : answer;
    } catch (err) {
      this.metrics.triggerRefused({ flowId, err, seconds: secondsSince(started) });
      throw err;
    }
  }

  /** A trigger request Fastify refused before it reached receive() (body too large): counted all the same. */
  refusedEarly({ key, err, seconds }: { key: string; err: unknown; seconds: number }): void {
    this.metrics.triggerRefused({ flowId: this.runtime.cachedTrigger(key)?.flowId, err, seconds });
  }

  /** A stored request sent again (replay): its signature is checked again, but not its age. */
  async accept(request: IncomingWebhook): Promise<{ eventId: string }> {
    const answer = await this.process(await this.lookUp(request, true));
    if (!hasEventId(answer.body)) throw new IntakeRejection(409, 'not_accepted', 'The request was not accepted again.');
    return { eventId: answer.body.eventId };
  }

  private async lookUp(request: IncomingWebhook, replay: boolean): Promise<Received> {
    const trigger = await this.runtime.liveTrigger(request.key).catch((err: unknown) => this.storeUnavailable(err));
    if (!trigger || trigger.path !== request.suffix) {
      throw new IntakeRejection(404, 'unknown_trigger', 'No active flow listens at this URL. Check the URL, or activate the flow.');
    }
    return { request, trigger, eventId: newRowId(), receivedAt: new Date().toISOString(), replay, outcome: 'accepted' };
  }

  private async process(received: Received): Promise<PendingAnswer> {
    try {
      return await this.checkAndCommit(received);
    } catch (err) {
      if (err instanceof IntakeRejection && !UNRECORDED_STATUSES.has(err.status)) this.recordRejection(received, err);
      throw err;
    }
  }

  private async checkAndCommit(received: Received): Promise<PendingAnswer> {
    const { request, trigger, replay } = received;
    const params = this.guard.paramsOf(trigger);
    received.params = params;
    if (!replay) {
      this.guard.checkAddress(params, request);
      await this.guard.takeRate(trigger, params);
      const handshake = await this.guard.challenge(params, request);
      if (handshake) {
        received.outcome = 'handshake';
        return handshake;
      }
    }
    if (request.method !== trigger.method) {
      throw new IntakeRejection(405, 'method_not_allowed', `This trigger accepts ${trigger.method} requests, not ${request.method}.`, { allow: trigger.method });
    }
    const skipSecretCheck = replay && request.callerVerified === true && (params.auth?.type === 'header' || params.auth?.type === 'basic');
    if (!skipSecretCheck) await this.guard.checkCaller(params, { ...request, replay, now: new Date(received.receivedAt) });
    const { kind, body } = parseBody({ raw: request.raw, contentType: request.headers['content-type'], limits: this.limits });
    const stored = storeBody({ raw: request.raw, kind, body });
    const stale = replay ? undefined : staleReason({ drop: params.dropOlderThan, headers: request.headers, body, now: new Date(received.receivedAt) });
    if (stale) return this.recordDropped(received, stored, stale);
    return this.commit(received, params, stored, body);
  }

  private async commit(received: Received, params: WebhookParams, stored: StoredBody, body: unknown): Promise<PendingAnswer> {
    const { request, trigger, eventId, receivedAt } = received;
    // Without secrets, once: the stored row and the flow's trigger share them.
    const headers = withoutSecretHeaders(request.headers, params.auth);
    const key = received.replay ? undefined : dedupeKeyOf({ dedupe: params.dedupe, auth: params.auth, headers: request.headers, body });
    const dedupe = key === undefined || !params.dedupe ? undefined : { key, expiresAt: new Date(Date.parse(receivedAt) + params.dedupe.retentionSeconds * 1000).toISOString() };
    const output = toTriggerOutput({ id: eventId, method: request.method, headers, query: request.query, body, receivedAt });
    const row = this.eventRow(received, stored, 'accepted', headers);
    row.orderingKey = orderingKeyOf(params.ordering, output, trigger.flowId);
    const outcome = await this.events.record(row, dedupe).catch((err: unknown) => this.storeUnavailable(err));
    if (outcome.duplicateOf !== undefined) {
      received.outcome = 'duplicate';
      return { status: 200, body: { eventId: outcome.duplicateOf, duplicate: true } };
    }
    // An ordered event may run from another event's job (its key's drain), which reads the store.
    if (row.orderingKey === null) this.events.remember(eventId, { trigger: output, flowVersionId: trigger.versionId }, request.raw?.length ?? 0);
    // A caller that waits for the flow's answer: asked for before the run is handed out, so it cannot miss it.
    const waits = !received.replay && params.respond !== 'accepted';
    const expected = waits ? this.answers.expect(eventId, params.responseTimeoutMs) : undefined;
    this.dispatcher.dispatch(firstRunOf(eventId));
    const accepted = { status: 202, body: { eventId } };
    if (!expected) return accepted;
    return { ...accepted, later: expected.answer.then((answer) => (answer ? toIntakeAnswer(answer) : timedOut(eventId, params.responseTimeoutMs))) };
  }

  /** Stale events are kept (so the editor shows why they did not run) but never dispatched. */
  private async recordDropped(received: Received, stored: StoredBody, reason: string): Promise<IntakeAnswer> {
    const row = this.eventRow(received, stored, 'dropped');
    row.reason = reason;
    row.httpStatus = 200;
    await this.events.record(row).catch((err: unknown) => this.storeUnavailable(err));
    received.outcome = 'dropped';
    return { status: 200, body: { eventId: received.eventId, dropped: true, reason } };
  }

  /**
   * The store did not answer or could not commit: the sender gets 503 with Retry-After (nothing was
   * stored, so sending again is safe) rather than a 202 that would promise what was not kept.
   */
  private storeUnavailable(err: unknown): never {
    this.logger.error({ err }, 'the store could not take an event; answered 503');
    throw new ServiceUnavailableError('The event store is unavailable, so nothing was stored. Send the request again in a few seconds.', STORE_RETRY_AFTER_SECONDS);
  }

  /** Rejected requests are kept so the editor can show why a sender's call did not run. */
  private recordRejection(received: Received, rejection: IntakeRejection): void {
    // Refused callers (401/403) get their request recorded without its body: strangers who know the
    // URL must not be able to fill the store. Other refusals keep it, to show what was wrong.
    const keepBody = rejection.status !== 401 && rejection.status !== 403;
    const stored = storeBody({ raw: keepBody ? received.request.raw : undefined, kind: 'binary', body: null });
    const row = this.eventRow(received, stored, 'rejected');
    row.reason = rejection.message;
    row.httpStatus = rejection.status;
    this.events.record(row).catch((err: unknown) => this.logger.error({ err, eventId: received.eventId }, 'could not record a rejected request'));
  }

  /** `headers` already without secrets, when the caller has them; else redacted here. */
  private eventRow(received: Received, stored: StoredBody, status: EventStatus, headers?: Record<string, string>): EventEntity {
    const { request, trigger } = received;
    return {
      id: received.eventId,
      flowId: trigger.flowId,
      flowVersionId: trigger.versionId,
      nodeId: trigger.nodeId,
      method: request.method,
      path: request.url,
      headers: headers ?? withoutSecretHeaders(request.headers, received.params?.auth),
      query: request.query,
      contentType: request.headers['content-type']?.slice(0, 200) ?? null,
      ...stored,
      status,
      reason: null,
      httpStatus: 202,
      receivedAt: received.receivedAt,
      orderingKey: null,
    };
  }
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

function hasEventId(body: unknown): body is { eventId: string } {
  return typeof body === 'object' && body !== null && 'eventId' in body && typeof body.eventId === 'string';
}
