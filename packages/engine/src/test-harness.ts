// Runs one node type inside a tiny flow (a harness trigger → the node under test) through the
// real compileFlow and runFlow, so node tests exercise rendering, validation and error mapping
// exactly as production does. A trigger node type under test runs alone.
import { z } from 'zod';
import type { FlowDocumentInput, StepRecord, TriggerOutput, ValidationIssue } from '@hookflow/flow-model';
import { compileFlow } from './compile-flow';
import type { EngineServices } from './engine-services';
import { NodeRegistry } from './node-registry';
import type { NodeType } from './node-type';
import { runFlow } from './run-flow';
import type { ExecutionResult } from './run-flow';

export const HARNESS_TRIGGER_ID = 'trigger';
export const NODE_UNDER_TEST_ID = 'node';

const harnessTrigger: NodeType<Record<string, never>> = {
  type: 'harness-trigger',
  version: 1,
  label: 'Harness trigger',
  description: 'Emits the trigger output given to runNodeInFlow.',
  category: 'Triggers',
  icon: 'webhook',
  trigger: true,
  params: z.object({}),
  handles: { inputs: [], outputs: ['out'] },
  async run(ctx) {
    return { output: ctx.trigger };
  },
};

export async function runNodeInFlow(options: RunNodeInFlowOptions): Promise<{ result: ExecutionResult; step: StepRecord }> {
  const { nodeType, params = {}, services, signal } = options;
  const registry = harnessRegistry(nodeType, options.registry);
  const compiled = compileFlow({ flow: harnessFlow(nodeType, params), registry });
  if (!compiled.ok) {
    throw new Error(`runNodeInFlow: the flow around "${nodeType.type}" v${nodeType.version} does not compile:\n${describeIssues(compiled.errors)}`);
  }
  const result = await runFlow({
    compiled: compiled.value,
    flow: { id: 'flow_test', name: 'test flow' },
    trigger: testTriggerOutput(options.trigger),
    services,
    signal,
  });
  const step = result.steps.find((s) => s.nodeId === NODE_UNDER_TEST_ID);
  if (!step) {
    throw new Error(`runNodeInFlow: the node under test did not run; steps: ${JSON.stringify(result.steps, null, 2)}`);
  }
  return { result, step };
}

/** A trigger output with harmless defaults for what the test leaves out. */
export function testTriggerOutput(partial: Partial<TriggerOutput> = {}): TriggerOutput {
  return {
    body: {},
    query: {},
    headers: {},
    method: 'POST',
    receivedAt: '2025-01-01T00:00:00.000Z',
    eventId: 'evt_test',
    ...partial,
  };
}

function harnessRegistry(nodeType: NodeType<unknown>, base: NodeRegistry | undefined): NodeRegistry {
  const registry = new NodeRegistry();
  if (!nodeType.trigger) registry.register(harnessTrigger);
  for (const t of base?.list() ?? []) {
    const clashes = (t.type === nodeType.type && t.version === nodeType.version) || t.type === harnessTrigger.type;
    if (!clashes) registry.register(t);
  }
  return registry.register(nodeType);
}

function harnessFlow(nodeType: NodeType<unknown>, params: Record<string, unknown>): FlowDocumentInput {
  const node = { id: NODE_UNDER_TEST_ID, type: nodeType.type, typeVersion: nodeType.version, name: nodeType.label, params };
  if (nodeType.trigger) return { name: 'test flow', nodes: [node], edges: [] };
  return {
    name: 'test flow',
    nodes: [{ id: HARNESS_TRIGGER_ID, type: harnessTrigger.type, params: {} }, node],
    edges: [{ id: 'e1', source: HARNESS_TRIGGER_ID, target: NODE_UNDER_TEST_ID, sourceHandle: null }],
  };
}

function describeIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => `  - ${issue.path || '(flow)'}: ${issue.message}`).join('\n');
}

export interface RunNodeInFlowOptions {
  nodeType: NodeType<unknown>;
  /** The node's raw params: strings may be templates over { trigger, nodes, flow }. */
  params?: Record<string, unknown>;
  trigger?: Partial<TriggerOutput>;
  services?: EngineServices;
  /** Other node types to make available (the harness trigger and the node under test are added). */
  registry?: NodeRegistry;
  signal?: AbortSignal;
}
