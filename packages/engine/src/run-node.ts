// Runs one node of a compiled flow on its own, for the editor's "Test this node": its params are
// rendered against a context the caller gives (a sample trigger, outputs of earlier nodes from a
// past run) and its type's run is called once. Nothing before or after it runs, nothing parks, and
// a failure is reported as the step's error whatever the node's onError says.
import { ERROR_HANDLE } from '@hookflow/flow-model';
import type { StepError, StepRecord, TemplateContext, TriggerOutput } from '@hookflow/flow-model';
import type { CompiledFlow, CompiledNode } from './compile-flow';
import { resolveServices, type EngineServices, type ResolvedServices } from './engine-services';
import type { NodeContext, NodeResult } from './node-type';
import { prepareParams } from './prepare-params';
import { redactInput } from './redact-input';
import { cancelledError, toStepError } from './step-error';

export async function runNode(options: RunNodeOptions): Promise<StepRecord> {
  const { compiled, nodeId, trigger, flow, signal } = options;
  const index = compiled.nodes.findIndex((candidate) => candidate.id === nodeId);
  const node = compiled.nodes[index];
  if (!node) throw new Error(`no node "${nodeId}" in the compiled flow`);
  const services = resolveServices(options.services);
  // No prototype: a node id such as "__proto__" stays a plain key, as in runFlow.
  const outputs: Record<string, unknown> = Object.assign(Object.create(null), options.nodes);
  const data: TemplateContext = { trigger, nodes: outputs, flow };
  const startedAt = services.now().toISOString();
  const started = performance.now();
  const finish = (fields: Omit<StepRecord, 'nodeId' | 'nodeType' | 'name' | 'startedAt' | 'durationMs'>): StepRecord => ({
    nodeId: node.id,
    nodeType: node.type,
    ...(node.name === undefined ? {} : { name: node.name }),
    startedAt,
    ...fields,
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
  });

  const prepared = prepareParams(node, data, { now: services.now });
  const input = redactInput(node.nodeType, prepared.input);
  if (!prepared.ok) return finish({ status: 'error', input, error: prepared.error, attempts: 0 });
  let result: NodeResult;
  try {
    const inputs = node.joins ? inputsOf({ compiled, index, outputs }) : undefined;
    result = await node.nodeType.run(contextOf({ node, data, trigger, services, signal: signal ?? new AbortController().signal, inputs }), prepared.params);
  } catch (err) {
    if (signal?.aborted) return finish({ status: 'error', input, error: cancelledError(), attempts: 1 });
    const { error, attempts, logs } = toStepError(err);
    return finish({ status: 'error', input, error, attempts, ...(logs ? { logs } : {}) });
  }
  const handles = result.handles ?? [result.handle ?? node.outputs[0]];
  const unknown = handles.find((handle) => handle !== undefined && (handle === ERROR_HANDLE || !node.outputs.includes(handle)));
  if (unknown !== undefined) {
    const error: StepError = { message: `node emitted unknown output "${unknown}" (outputs: ${node.outputs.join(', ')})`, kind: 'runtime', retryable: false };
    return finish({ status: 'error', input, error, attempts: result.attempts ?? 1 });
  }
  return finish({
    status: 'success',
    handle: handles[0],
    ...(handles.length > 1 ? { handles } : {}),
    input,
    output: result.output,
    attempts: result.attempts ?? 1,
    ...(result.logs ? { logs: result.logs } : {}),
  });
}

/** A joining node's inputs: the given outputs of the nodes with an edge into it, in flow order. */
function inputsOf({ compiled, index, outputs }: { compiled: CompiledFlow; index: number; outputs: Record<string, unknown> }): Record<string, unknown> {
  const inputs: Record<string, unknown> = Object.create(null);
  for (const source of compiled.nodes) {
    const leadsHere = [...source.next.values()].some((targets) => targets.includes(index));
    if (leadsHere && source.id in outputs) inputs[source.id] = outputs[source.id];
  }
  return inputs;
}

function contextOf({ node, data, trigger, services, signal, inputs }: NodeContextInput): NodeContext {
  const context: NodeContext = {
    nodeId: node.id,
    flow: data.flow,
    trigger,
    data,
    http: services.httpFor ? services.httpFor(node.type) : services.http,
    credentials: services.credentials,
    signal,
    logger: services.logger,
    now: services.now,
    settings: services.settings,
    sandbox: services.sandbox,
  };
  if (inputs) context.inputs = inputs;
  return context;
}

interface NodeContextInput {
  node: CompiledNode;
  data: TemplateContext;
  trigger: TriggerOutput;
  services: ResolvedServices;
  signal: AbortSignal;
  inputs: Record<string, unknown> | undefined;
}

export interface RunNodeOptions {
  compiled: CompiledFlow;
  nodeId: string;
  trigger: TriggerOutput;
  /** Outputs of earlier nodes, by node id, as the node's templates read them (`nodes.<id>`). */
  nodes: Readonly<Record<string, unknown>>;
  flow: { id: string; name: string };
  services?: EngineServices;
  signal?: AbortSignal;
}
