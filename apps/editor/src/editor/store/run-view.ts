// What a test run or an execution says about each node: the status badge and the step to inspect.
import type { StepRecord } from '@hookflow/flow-model';
import type { EditorEdge } from './flow-mapping';

/** waiting: a delay holds the run there until its time. */
export type NodeRunStatus = 'success' | 'filtered' | 'error' | 'skipped' | 'waiting';

export interface NodeRunView {
  status: NodeRunStatus;
  step: StepRecord;
}

export interface RunSummary {
  status: string;
  byNode: Record<string, NodeRunView>;
  durationMs?: number;
  /** The run's error message, quoted from the server. */
  error?: string;
}

/**
 * A branching node (a filter) that emitted on an output nothing is wired to ended the path there:
 * it shows as filtered, as the server records the execution.
 */
export function runViewByNode({ steps, edges, outputsOf }: RunViewInput): Record<string, NodeRunView> {
  const byNode: Record<string, NodeRunView> = {};
  for (const step of steps) {
    byNode[step.nodeId] = { status: stepStatus({ step, edges, outputsOf }), step };
  }
  return byNode;
}

function stepStatus({ step, edges, outputsOf }: Omit<RunViewInput, 'steps'> & { step: StepRecord }): NodeRunStatus {
  if (step.status !== 'success') return step.status;
  const outputs = outputsOf(step.nodeId);
  if (!step.handle || outputs.length < 2) return 'success';
  const taken = step.handles ?? [step.handle];
  const wired = edges.some((edge) => edge.source === step.nodeId && taken.includes(edge.sourceHandle ?? outputs[0]));
  return wired ? 'success' : 'filtered';
}

export interface RunViewInput {
  steps: readonly StepRecord[];
  edges: readonly EditorEdge[];
  /** The node's outputs (nodeOutputs); the first is what a null sourceHandle stands for. */
  outputsOf: (nodeId: string) => string[];
}
