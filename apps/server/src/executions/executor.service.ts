// Runs one job: loads the flow version the event belongs to, runs the engine and records the
// execution with every step. The record and the event's "done" mark share one group commit. A job
// for an event that has finished since it was handed out (a redelivery) is skipped, and a record
// that exists already is kept, so a job that runs twice leaves one execution. An event with an
// ordering key runs in its key's order (ordered-runs.ts): its job drains the key's waiting events,
// oldest first, unless another job is draining it already. A run that reaches a delay parks: it is
// recorded as "waiting" (its event done) and ends, and a resume job (waiting-runs.service.ts) goes
// on with it from its stored steps when the time comes, under the same execution id.
import { Inject, Injectable } from '@nestjs/common';
import { runFlow, type CompiledFlow, type ExecutionResult, type FlowAnswer } from '@hookflow/engine';
import type { StepRecord } from '@hookflow/flow-model';
import type { Logger } from 'pino';
import { CallerAnswers } from '../answers/caller-answers.service';
import { firstRunOf, JobHandler, type ExecutionJob } from '../dispatch/dispatcher';
import { EventsService, type EventForExecution } from '../events/events.service';
import { LOGGER } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';
import { EngineServicesFactory } from '../runtime/engine-services';
import { FlowRuntimeService, type RunnableVersion } from '../runtime/flow-runtime.service';
import { StoreService } from '../storage/store.service';
import { ErrorFlowService } from './error-flow.service';
import type { ExecutionEntity } from './execution.entity';
import { OrderedRuns } from './ordered-runs';
import { withoutTriggerOutput, withTriggerOutput } from './stored-steps';
import { ParkedRuns } from './parked-runs';

@Injectable()
export class ExecutorService extends JobHandler {
  constructor(
    private readonly events: EventsService,
    private readonly store: StoreService,
    private readonly runtime: FlowRuntimeService,
    private readonly services: EngineServicesFactory,
    private readonly errorFlows: ErrorFlowService,
    private readonly ordered: OrderedRuns,
    private readonly metrics: MetricsService,
    private readonly answers: CallerAnswers,
    private readonly parked: ParkedRuns,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  async handle(job: ExecutionJob): Promise<ExecutionJob[]> {
    if (job.resume !== undefined) return this.resume({ ...job, resume: job.resume });
    const event = await this.events.forExecution(job.eventId);
    if (!event) return [];
    // A replay runs when asked, outside any order.
    if (job.retryOf !== undefined) return this.execute(job, event);
    if (!event.accepted) {
      this.logger.debug({ eventId: job.eventId, executionId: job.executionId }, 'event already ran; redelivered job skipped');
      return [];
    }
    if (event.orderingKey !== null && event.flowId !== null) {
      return this.ordered.drain({ flowId: event.flowId, orderingKey: event.orderingKey }, (eventId) => this.runWaiting(eventId));
    }
    return this.execute(job, event);
  }

  /** An ordered event's first run, as its key's drain reaches it. */
  private async runWaiting(eventId: string): Promise<ExecutionJob[]> {
    const event = await this.events.forExecution(eventId);
    if (!event?.accepted) return [];
    return this.execute(firstRunOf(eventId), event);
  }

  private async execute(job: ExecutionJob, event: EventForExecution): Promise<ExecutionJob[]> {
    const flowVersionId = job.flowVersionId ?? event.flowVersionId;
    const runnable = await this.runtime.runnableVersion(flowVersionId);
    if (!runnable) return this.recordUnrunnable(job, event, flowVersionId);
    const ids = { eventId: job.eventId, executionId: job.executionId, flowId: runnable.flowId };
    // A caller may be waiting for this run's answer (first runs only: a replay has no caller).
    const mode = job.retryOf === undefined ? respondModeOf(runnable.compiled) : 'accepted';
    const respond = mode === 'accepted' ? undefined : this.firstAnswerOnly(job.eventId);
    const result = await runFlow({
      compiled: runnable.compiled,
      flow: { id: runnable.flowId, name: runnable.name },
      trigger: event.trigger,
      services: this.services.forExecution(ids),
      park: true,
      ...(mode === 'respondNode' ? { respond } : {}),
    });
    // Answered by nothing during the run: the end of the run answers (a second answer is dropped).
    respond?.(finalAnswer(mode, result, job.eventId));
    const row = executionRow({ job, runnable, result });
    return this.record({ job, runnable, result, row, newSteps: result.steps });
  }

  /**
   * A parked run whose time came: its stored steps replay into the engine, which goes on after the
   * delay. Recorded under the same id (ended, or parked again); a run that went on already is left.
   */
  private async resume(job: ExecutionJob & { resume: string }): Promise<ExecutionJob[]> {
    const parked = await this.parked.find(job.executionId, job.resume);
    if (!parked) return [];
    const event = await this.events.forExecution(parked.eventId);
    const runnable = await this.runtime.runnableVersion(parked.flowVersionId);
    if (!event || !runnable) {
      const message = 'The flow version or the event of this waiting run is gone; it cannot go on.';
      const error = JSON.stringify({ nodeId: '', message, kind: 'config', retryable: false });
      await this.parked.settle({ ...parked, status: 'error', error, resumeAt: null, finishedAt: new Date().toISOString() }, job.resume);
      this.logger.warn({ executionId: parked.id, flowVersionId: parked.flowVersionId }, message);
      return [];
    }
    const stored = withTriggerOutput(JSON.parse(parked.steps) as StepRecord[], event.trigger);
    const ids = { eventId: parked.eventId, executionId: parked.id, flowId: runnable.flowId };
    const result = await runFlow({
      compiled: runnable.compiled,
      flow: { id: runnable.flowId, name: runnable.name },
      trigger: event.trigger,
      services: this.services.forExecution(ids),
      park: true,
      resume: { steps: stored },
    });
    // The run started when it was first handed out; the notification of a failure says so.
    result.startedAt = parked.startedAt;
    const retryOf = parked.retryOf ?? undefined;
    const row = executionRow({ job: { ...job, eventId: parked.eventId, ...(retryOf ? { retryOf } : {}) }, runnable, result });
    // The run's time and length are the whole run's, the wait left out.
    const resumed = { ...row, durationMs: parked.durationMs + row.durationMs };
    return this.record({ job, runnable, result, row: resumed, newSteps: result.steps.slice(stored.length) });
  }

  /** Records a run's outcome (with its on-error notification), counts and logs it; answers the follow-up jobs. */
  private async record(args: { job: ExecutionJob; runnable: RunnableVersion; result: ExecutionResult; row: ExecutionEntity; newSteps: readonly StepRecord[] }): Promise<ExecutionJob[]> {
    const { job, runnable, result, row, newSteps } = args;
    const ids = { eventId: row.eventId, executionId: row.id, flowId: runnable.flowId };
    const notification = await this.errorFlows.eventFor({ runnable, executionId: row.id, eventId: row.eventId, result });
    // The notification's event commits before the execution: a crash in between runs the event
    // (and notifies) again rather than never.
    if (notification) await this.events.record(notification.row);
    if (job.resume !== undefined) {
      if (!(await this.parked.settle(row, job.resume))) return [];
    } else {
      await this.store.write({ kind: 'execution', row, markEventDone: job.retryOf === undefined });
    }
    // Counted once recorded: a write that fails sends the job round again, which would count twice.
    this.metrics.executionFinished({ flowId: runnable.flowId, status: result.status, seconds: row.durationMs / 1000, steps: newSteps });
    const level = result.status === 'error' ? 'warn' : 'debug';
    if (result.status === 'waiting') this.logger.debug({ ...ids, resumeAt: result.resumeAt }, 'execution waiting at a delay');
    else this.logger[level]({ ...ids, status: result.status, durationMs: row.durationMs, error: result.error?.message }, 'execution finished');
    return notification ? [notification.job] : [];
  }

  /** Hands the run's first answer to its waiting caller; any later one answers nobody (false). */
  private firstAnswerOnly(eventId: string): (answer: FlowAnswer) => boolean {
    let answered = false;
    return (answer) => {
      if (answered) return false;
      answered = true;
      void this.answers.deliver(eventId, answer);
      return true;
    };
  }

  /**
   * The event's flow version is gone or no longer compiles (a node type this server lacks): the
   * run is recorded as failed with the reason, rather than left waiting to be handed out forever.
   * It shows on the failed list, where it can be replayed on the flow's current version.
   */
  private async recordUnrunnable(job: ExecutionJob, event: EventForExecution, flowVersionId: string): Promise<ExecutionJob[]> {
    const at = new Date().toISOString();
    const message = 'The flow version this event was accepted for is gone or no longer valid on this server; replay it on the current version.';
    this.logger.warn({ eventId: job.eventId, flowVersionId }, message);
    if (event.flowId === null) return [];
    const row: ExecutionEntity = {
      id: job.executionId,
      flowId: event.flowId,
      flowVersionId,
      flowVersion: 0,
      eventId: job.eventId,
      retryOf: job.retryOf ?? null,
      status: 'error',
      steps: '[]',
      error: JSON.stringify({ nodeId: '', message, kind: 'config', retryable: false }),
      startedAt: at,
      finishedAt: at,
      durationMs: 0,
      resumeAt: null,
    };
    await this.store.write({ kind: 'execution', row, markEventDone: job.retryOf === undefined });
    this.metrics.executionUnrunnable(event.flowId);
    return [];
  }
}

function executionRow({ job, runnable, result }: { job: ExecutionJob; runnable: RunnableVersion; result: ExecutionResult }): ExecutionEntity {
  return {
    id: job.executionId,
    flowId: runnable.flowId,
    flowVersionId: runnable.versionId,
    flowVersion: runnable.version,
    eventId: job.eventId,
    retryOf: job.retryOf ?? null,
    status: result.status,
    steps: JSON.stringify(withoutTriggerOutput(result.steps)),
    // A run that went on past a node's handled error keeps that error (marked handled) beside its status.
    error: result.error || result.handledError ? JSON.stringify(result.error ?? result.handledError) : null,
    startedAt: result.startedAt,
    finishedAt: new Date().toISOString(),
    durationMs: Math.round(result.durationMs),
    resumeAt: result.status === 'waiting' ? (result.resumeAt ?? null) : null,
  };
}

type RespondMode = 'accepted' | 'lastNode' | 'respondNode';
const respondModes = new WeakMap<CompiledFlow, RespondMode>();

/** How the flow's webhook answers its caller (its "respond" param), read once per compiled version. */
function respondModeOf(compiled: CompiledFlow): RespondMode {
  let mode = respondModes.get(compiled);
  if (mode === undefined) {
    const triggerId = compiled.nodes[0]?.id;
    const value = compiled.document.nodes.find((node) => node.id === triggerId)?.params.respond;
    mode = value === 'lastNode' || value === 'respondNode' ? value : 'accepted';
    respondModes.set(compiled, mode);
  }
  return mode;
}

/**
 * The answer when the run ended and no Respond node answered: the last node's output ("lastNode"),
 * a note that none answered ("respondNode"), or 500 naming the failed node, as n8n does.
 */
function finalAnswer(mode: RespondMode, result: ExecutionResult, eventId: string): FlowAnswer {
  if (result.status === 'waiting') {
    return { status: 202, headers: {}, body: { eventId, status: 'waiting', resumeAt: result.resumeAt, message: `The flow is waiting at a delay until ${result.resumeAt ?? 'later'}; it goes on then.` } };
  }
  if (result.status === 'error') {
    const where = result.error?.nodeId ? ` at node "${result.error.nodeId}"` : '';
    return { status: 500, headers: {}, body: { error: 'flow_failed', message: `The flow failed${where}: ${result.error?.message ?? 'unknown error'}`, eventId } };
  }
  if (mode === 'lastNode') return { status: 200, headers: {}, body: result.steps[result.steps.length - 1]?.output ?? null };
  return { status: 200, headers: {}, body: { eventId, message: 'The flow ran to its end without a Respond node answering.' } };
}
