// The one seam every capability records through: intake outcomes, finished executions and their
// steps, outbound HTTP by node type; the dispatcher's backlog is read at scrape time. Labels are
// flow ids, node types and fixed words only: never event ids, URLs or anything a sender chose.
// Recording is a counter or histogram update (a few hundred ns), synchronous, on the caller's path.
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ExecutionResult, HttpClient } from '@hookflow/engine';
import type { StepRecord } from '@hookflow/flow-model';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { SETTINGS, type Settings } from '../config/settings';
import { Dispatcher, type DispatchCounts } from '../dispatch/dispatcher';
import { LOGGER } from '../logging/logger';
import { meteredHttpClient, statusClassOf } from './metered-http-client';
import { processMetrics } from './process-metrics';
import { refusalLabels, type RejectReason, type TriggerOutcome } from './trigger-outcome';

/** The flow label of requests that matched no live trigger. */
export const NO_FLOW = 'none';
/** A scrape answers even when the queue (Redis) does not; the gauges then keep their last values. */
const COUNTS_TIMEOUT_MS = 2_000;

@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly enabled: boolean;
  private readonly triggerRequests: Counter<'flow' | 'outcome' | 'reason'>;
  private readonly triggerLatency: Histogram<'outcome'>;
  private readonly executions: Counter<'flow' | 'status'>;
  private readonly executionDuration: Histogram<'status'>;
  private readonly stepDuration: Histogram<'node_type' | 'status'>;
  private readonly outbound: Counter<'node_type' | 'status_class'>;
  /** One metered client per node type: node types come from the registry, so the map stays small. */
  private readonly meteredClients = new Map<string, HttpClient>();
  private countsInFlight: Promise<DispatchCounts | undefined> | undefined;

  constructor(
    private readonly registry: Registry,
    private readonly dispatcher: Dispatcher,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.enabled = settings.METRICS_ENABLED;
    const registers = [registry];
    this.triggerRequests = new Counter({
      name: 'hookflow_trigger_requests_total',
      help: 'Requests to trigger URLs by flow, outcome and (when rejected) reason.',
      labelNames: ['flow', 'outcome', 'reason'],
      registers,
    });
    this.triggerLatency = new Histogram({
      name: 'hookflow_trigger_request_duration_seconds',
      help: 'Time intake took to answer a trigger request, from its body being read to its answer.',
      labelNames: ['outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.executions = new Counter({ name: 'hookflow_executions_total', help: 'Finished executions by flow and status.', labelNames: ['flow', 'status'], registers });
    this.executionDuration = new Histogram({
      name: 'hookflow_execution_duration_seconds',
      help: 'Time the engine took to run one execution, by status.',
      labelNames: ['status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.stepDuration = new Histogram({
      name: 'hookflow_node_step_duration_seconds',
      help: 'Time one node step took, by node type and status (skipped steps are not counted).',
      labelNames: ['node_type', 'status'],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.outbound = new Counter({
      name: 'hookflow_outbound_requests_total',
      help: 'HTTP requests made by nodes, by node type and the class of the final answer (error: none came).',
      labelNames: ['node_type', 'status_class'],
      registers,
    });
    this.dispatchGauges(registers);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text of this application's metrics and the process's. */
  async exposition(): Promise<string> {
    const [process, app] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return `${process.trimEnd()}\n${app}`;
  }

  triggerAnswered({ flowId, outcome, seconds }: { flowId: string | undefined; outcome: TriggerOutcome; seconds: number }): void {
    this.countTrigger({ flowId, outcome, reason: '', seconds });
  }

  triggerRefused({ flowId, err, seconds }: { flowId: string | undefined; err: unknown; seconds: number }): void {
    const { outcome, reason } = refusalLabels(err);
    this.countTrigger({ flowId, outcome, reason, seconds });
  }

  executionFinished({ flowId, status, seconds, steps }: { flowId: string; status: ExecutionResult['status']; seconds: number; steps: readonly StepRecord[] }): void {
    if (!this.enabled) return;
    // A run parked at a delay is counted once, when it ends; its steps so far are counted now.
    if (status !== 'waiting') {
      this.executions.inc({ flow: flowId, status });
      this.executionDuration.observe({ status }, seconds);
    }
    for (const step of steps) {
      if (step.status !== 'skipped') this.stepDuration.observe({ node_type: step.nodeType, status: step.status }, step.durationMs / 1000);
    }
  }

  /** An execution recorded as failed without running (its flow version is gone or invalid). */
  executionUnrunnable(flowId: string): void {
    if (this.enabled) this.executions.inc({ flow: flowId, status: 'error' });
  }

  /** The client nodes of each type get (see EngineServices.httpFor), or undefined when metrics are off. */
  meterHttp(inner: HttpClient): ((nodeType: string) => HttpClient) | undefined {
    if (!this.enabled) return undefined;
    return (nodeType) => {
      let client = this.meteredClients.get(nodeType);
      if (!client) {
        client = meteredHttpClient(inner, (status) => this.outbound.inc({ node_type: nodeType, status_class: statusClassOf(status) }));
        this.meteredClients.set(nodeType, client);
      }
      return client;
    };
  }

  onModuleDestroy(): void {
    // Drops the gauges' collect functions, which hold the dispatcher.
    this.registry.clear();
  }

  private countTrigger({ flowId, outcome, reason, seconds }: { flowId: string | undefined; outcome: TriggerOutcome; reason: RejectReason | ''; seconds: number }): void {
    if (!this.enabled) return;
    this.triggerRequests.inc({ flow: flowId ?? NO_FLOW, outcome, reason });
    this.triggerLatency.observe({ outcome }, seconds);
  }

  /** Backlog and running executions, read from the dispatcher when Prometheus scrapes. */
  private dispatchGauges(registers: Registry[]): void {
    const counts = (): Promise<DispatchCounts | undefined> => this.scrapeCounts();
    new Gauge({
      name: 'hookflow_dispatch_backlog',
      help: 'Executions handed over and waiting to run (queue mode: the whole queue, the same from every process).',
      registers,
      async collect() {
        const read = await counts();
        if (read) this.set(read.waiting);
      },
    });
    new Gauge({
      name: 'hookflow_executions_running',
      help: 'Executions running now (queue mode: in all workers together, the same from every process).',
      registers,
      async collect() {
        const read = await counts();
        if (read) this.set(read.running);
      },
    });
  }

  /** One read of the dispatcher per scrape, shared by both gauges (they are collected together). */
  private scrapeCounts(): Promise<DispatchCounts | undefined> {
    this.countsInFlight ??= withTimeout(this.dispatcher.counts(), COUNTS_TIMEOUT_MS)
      .catch((err: unknown) => {
        this.logger.debug({ err }, 'metrics: the dispatcher could not count its jobs');
        return undefined;
      })
      .finally(() => {
        this.countsInFlight = undefined;
      });
    return this.countsInFlight;
  }
}

/** Resolves undefined when the promise takes longer than ms; rejects when it does. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms).unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
