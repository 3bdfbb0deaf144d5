// The executor loop: walks a compiled flow for one trigger output and reports every step. Pure: it
// touches no server, store or queue, only the services it is given. On the hot path, so per run it
// allocates one flag array, the template context and one record per node that runs.
import { setMaxListeners } from 'node:events';
import { ERROR_HANDLE } from '@hookflow/flow-model';
import type { RenderOptions, StepError, StepRecord, TemplateContext, TriggerOutput } from '@hookflow/flow-model';
import type { CompiledFlow, CompiledNode } from './compile-flow';
import { resolveServices } from './engine-services';
import type { EngineServices, ResolvedServices } from './engine-services';
import type { FlowAnswer, NodeContext, NodeResult } from './node-type';
import { prepareParams } from './prepare-params';
import { redactInput } from './redact-input';
import { cancelledError, toStepError } from './step-error';

const NEVER_ABORTED = new AbortController().signal;
// Shared by every run without a signal: many concurrent http tries listen to it at once.
setMaxListeners(0, NEVER_ABORTED);

export async function runFlow(options: RunFlowOptions): Promise<ExecutionResult> {
  const { compiled, signal, onStep } = options;
  const services = resolveServices(options.services);
  const startedAt = services.now().toISOString();
  const started = performance.now();
  const nodes = compiled.nodes;
  // No prototype: a node id such as "__proto__" or "constructor" stays a plain key.
  const outputs: Record<string, unknown> = Object.create(null);
  const data: TemplateContext = { trigger: options.trigger, nodes: outputs, flow: options.flow };
  const run: RunState = {
    services,
    data,
    trigger: options.trigger,
    signal: signal ?? NEVER_ABORTED,
    renderOptions: { now: services.now },
    respond: options.respond,
    park: options.park === true,
  };
  const active = new Uint8Array(nodes.length);
  // Joining nodes only (merge): which nodes led to each, in run order. Untouched by flows without one.
  const arrivals: Array<string[] | undefined> = [];
  const steps: StepRecord[] = [];
  let reachedEnd = false;
  let handledError: HandledError | undefined;
  let from = 0;
  if (options.resume) {
    // The steps that ran before the run was parked replay into the walk's state, without running.
    const restored = restore(options.resume.steps);
    if (restored.error) return { status: 'error', steps, error: restored.error, startedAt, durationMs: elapsed(started) };
    from = restored.from;
  } else {
    active[0] = 1;
  }

  for (let i = from; i < nodes.length; i++) {
    if (active[i] === 0) continue;
    const node = nodes[i];
    let step = node.disabled ? skippedStep(node, services) : await runStep(node, run, node.joins ? inputsOf(arrivals[i], outputs) : undefined);
    if (step.error && node.onError !== 'stop' && !run.signal.aborted) {
      const recorded = handled(step, step.error, node);
      handledError ??= { ...recorded.error, nodeId: node.id, handled: true };
      step = recorded;
    }
    steps.push(step);
    onStep?.(step);
    if (step.error && !step.error.handled) {
      const error = { ...step.error, nodeId: node.id };
      return { status: 'error', steps, error, startedAt, durationMs: elapsed(started) };
    }
    if (step.status === 'waiting') {
      // Parked: the host stores the steps so far and resumes the run at step.resumeAt.
      const waiting: ExecutionResult = { status: 'waiting', steps, resumeAt: step.resumeAt, startedAt, durationMs: elapsed(started) };
      return handledError ? { ...waiting, handledError } : waiting;
    }
    follow(node, step);
  }

  /** Takes the step's outputs: its value for templates, and the nodes its handles lead to. */
  function follow(node: CompiledNode, step: StepRecord): void {
    if (step.status === 'skipped') return;
    outputs[node.id] = step.output;
    if (step.handles) {
      // Several outputs at once (a switch in mode "all"); none wired among them ends that path.
      for (const handle of step.handles) activate(node, node.next.get(handle));
      if (node.isEnd) reachedEnd = true;
      return;
    }
    const targets = step.handle === undefined ? undefined : node.next.get(step.handle);
    // An error routed to an error output that leads nowhere ends the run there, recorded.
    if (step.handle === ERROR_HANDLE ? !targets : node.isEnd) reachedEnd = true;
    activate(node, targets);
  }

  /**
   * Rebuilds a parked run from its stored steps: they are followed in order as if they had just
   * run, and the waiting one ends now. Answers where the walk goes on: after the waiting node,
   * since nodes run in index order and every node before it either ran or was passed by.
   */
  function restore(prior: readonly StepRecord[]): { from: number; error?: undefined } | { error: StepError & { nodeId: string } } {
    const indexOf = new Map(nodes.map((node, index) => [node.id, index]));
    active[0] = 1;
    let next = 0;
    for (const stored of prior) {
      const index = indexOf.get(stored.nodeId);
      if (index === undefined) {
        return { error: { nodeId: stored.nodeId, message: `cannot resume: node "${stored.nodeId}" is not in this flow version`, kind: 'config', retryable: false } };
      }
      const step = stored.status === 'waiting' ? resumedStep(stored) : stored;
      steps.push(step);
      if (step !== stored) onStep?.(step);
      if (step.error?.handled) handledError ??= { ...step.error, nodeId: step.nodeId, handled: true };
      follow(nodes[index], step);
      next = index + 1;
    }
    return { from: next };
  }

  function activate(from: CompiledNode, targets: readonly number[] | undefined): void {
    if (!targets) return;
    for (const target of targets) {
      active[target] = 1;
      if (nodes[target].joins) (arrivals[target] ??= []).push(from.id);
    }
  }
  const status = reachedEnd ? 'success' : 'filtered';
  return handledError
    ? { status, steps, handledError, startedAt, durationMs: elapsed(started) }
    : { status, steps, startedAt, durationMs: elapsed(started) };
}

/** A failed step whose node goes on: its output is { error }, sent through its usual or its error output. */
function handled(step: StepRecord, failure: StepError, node: CompiledNode): StepRecord & { error: StepError } {
  const error: StepError = { ...failure, handled: true };
  const handle = node.onError === 'route' ? ERROR_HANDLE : node.outputs[0];
  const output = { error: { message: error.message, kind: error.kind, ...(error.details === undefined ? {} : { details: error.details }) } };
  return { ...step, error, output, ...(handle === undefined ? {} : { handle }) };
}

/** What the nodes that led to a joining node output, by node id, in the order they ran. */
function inputsOf(sources: readonly string[] | undefined, outputs: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = Object.create(null);
  for (const id of sources ?? []) inputs[id] = outputs[id];
  return inputs;
}

async function runStep(node: CompiledNode, run: RunState, inputs?: Record<string, unknown>): Promise<StepRecord> {
  const startedAt = run.services.now().toISOString();
  const started = performance.now();
  // Object.assign onto a fresh record: the same keys in the same order as a spread, without V8's
  // slow path for spreading objects of many shapes (3% of the main thread end to end).
  const finish = (fields: StepFields): StepRecord => Object.assign(stepBase(node, startedAt), fields, { durationMs: elapsed(started) });
  if (run.signal.aborted) return finish({ status: 'error', error: cancelledError(), attempts: 0 });

  const prepared = prepareParams(node, run.data, run.renderOptions);
  const input = redactInput(node.nodeType, prepared.input);
  if (!prepared.ok) return finish({ status: 'error', input, error: prepared.error, attempts: 0 });

  let result: NodeResult;
  try {
    result = await untilAborted(node.nodeType.run(nodeContext(node, run, inputs), prepared.params), run.signal);
  } catch (err) {
    if (run.signal.aborted) return finish({ status: 'error', input, error: cancelledError(), attempts: 1 });
    const { error, attempts, logs } = toStepError(err);
    return finish(logs ? { status: 'error', input, error, attempts, logs } : { status: 'error', input, error, attempts });
  }
  const outputs = node.outputs;
  // One handle, as nearly every node emits, without an array per step on the hot path.
  const handle = result.handles ? result.handles[0] : (result.handle ?? outputs[0]);
  const unknown = result.handles ? result.handles.find((emitted) => !isOutput(emitted, outputs)) : isOutput(handle, outputs) ? undefined : handle;
  if (unknown !== undefined) {
    const error: StepError = { message: `node emitted unknown output "${unknown}" (outputs: ${outputs.join(', ')})`, kind: 'runtime', retryable: false };
    return finish({ status: 'error', input, error, attempts: result.attempts ?? 1 });
  }
  const fields: StepFields = { status: 'success', handle, input, output: result.output, attempts: result.attempts ?? 1 };
  // A delay whose time is still ahead parks the run where the host keeps parked runs.
  if (result.waitUntil && run.park && result.waitUntil.getTime() > run.services.now().getTime()) {
    fields.status = 'waiting';
    fields.resumeAt = result.waitUntil.toISOString();
  }
  if (result.handles && result.handles.length > 1) fields.handles = result.handles;
  // Only nodes that print (code) carry logs: other steps keep their shape and stored size.
  if (result.logs) fields.logs = result.logs;
  return finish(fields);
}

/** A node may emit on its own outputs, never on "error", which only the engine takes for a routed failure. */
function isOutput(handle: string | undefined, outputs: readonly string[]): boolean {
  return handle === undefined || (handle !== ERROR_HANDLE && outputs.includes(handle));
}

function nodeContext(node: CompiledNode, run: RunState, inputs: Record<string, unknown> | undefined): NodeContext {
  const { services } = run;
  const context: NodeContext = {
    nodeId: node.id,
    flow: run.data.flow,
    trigger: run.trigger,
    data: run.data,
    http: services.httpFor ? services.httpFor(node.type) : services.http,
    credentials: services.credentials,
    signal: run.signal,
    logger: services.logger,
    now: services.now,
    settings: services.settings,
    sandbox: services.sandbox,
  };
  if (inputs) context.inputs = inputs;
  if (run.respond) context.respond = run.respond;
  return context;
}

/** Settles with the node's promise, or rejects as soon as the run is cancelled, even if the node ignores its signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal === NEVER_ABORTED) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/** A waiting step whose time came: it succeeded, and the run goes on through its output. */
function resumedStep(step: StepRecord): StepRecord {
  const { resumeAt: _resumeAt, ...rest } = step;
  return { ...rest, status: 'success' };
}

function skippedStep(node: CompiledNode, services: ResolvedServices): StepRecord {
  return { ...stepBase(node, services.now().toISOString()), status: 'skipped', attempts: 0, durationMs: 0 };
}

function stepBase(node: CompiledNode, startedAt: string): Pick<StepRecord, 'nodeId' | 'nodeType' | 'name' | 'startedAt'> {
  const base: Pick<StepRecord, 'nodeId' | 'nodeType' | 'name' | 'startedAt'> = { nodeId: node.id, nodeType: node.type, startedAt };
  if (node.name !== undefined) base.name = node.name;
  return base;
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 1000) / 1000;
}

type HandledError = StepError & { nodeId: string; handled: true };

interface RunState {
  services: ResolvedServices;
  data: TemplateContext;
  trigger: TriggerOutput;
  signal: AbortSignal;
  renderOptions: RenderOptions;
  respond: ((answer: FlowAnswer) => boolean) | undefined;
  park: boolean;
}

type StepFields = Omit<StepRecord, 'nodeId' | 'nodeType' | 'name' | 'startedAt' | 'durationMs'>;

export interface RunFlowOptions {
  compiled: CompiledFlow;
  flow: { id: string; name: string };
  trigger: TriggerOutput;
  services?: EngineServices;
  signal?: AbortSignal;
  /** Called after each step, in order, as soon as it ends (the executor may persist it). */
  onStep?: (step: StepRecord) => void;
  /** Answers the request that started the run (respond nodes); see NodeContext.respond. */
  respond?: (answer: FlowAnswer) => boolean;
  /**
   * The host keeps parked runs: a node that asks to wait (delay) ends the run as "waiting", to be
   * resumed with `resume`. Without it, the run goes on at once past such a node (test runs).
   */
  park?: boolean;
  /** Goes on with a parked run: its stored steps, the last one "waiting". onStep sees that one end and the new steps. */
  resume?: { steps: readonly StepRecord[] };
}

export interface ExecutionResult {
  /** filtered: no end of the flow (a node without outgoing edges) was reached; waiting: parked at a delay. */
  status: 'success' | 'filtered' | 'error' | 'waiting';
  steps: StepRecord[];
  /** The first error; it stopped the execution. */
  error?: StepError & { nodeId: string };
  /** The first error a node's onError caught ("continue" or "route"): the run went on past it. */
  handledError?: HandledError;
  /** Waiting runs: when to resume them (ISO, UTC). */
  resumeAt?: string;
  startedAt: string;
  durationMs: number;
}
