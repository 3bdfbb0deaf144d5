// Shapes shared by the server's API and the editor.
import type { NamedOutputs } from './node-outputs';

/** Output of the webhook trigger node, and the `trigger` variable of templates. */
export interface TriggerOutput {
  body: unknown;
  query: Record<string, string | string[]>;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  method: string;
  receivedAt: string;
  eventId: string;
}

/** The context every template renders against. */
export interface TemplateContext {
  trigger: TriggerOutput | Record<string, unknown>;
  nodes: Record<string, unknown>;
  flow: { id: string; name: string };
}

/** waiting: a delay node holds the run until its time (the run is parked in the store). */
export type StepStatus = 'success' | 'error' | 'skipped' | 'waiting';
export type ExecutionStatus = 'queued' | 'running' | 'waiting' | 'cancelled' | 'success' | 'filtered' | 'error';

export interface StepError {
  message: string;
  /** config: the user's params are wrong (never retried); runtime: the call failed; template: rendering failed. */
  kind: 'config' | 'runtime' | 'template';
  retryable?: boolean;
  param?: string;
  details?: unknown;
  /** The node's onError ("continue" or "route") caught it and the run went on. */
  handled?: boolean;
}

export interface StepRecord {
  nodeId: string;
  nodeType: string;
  name?: string;
  status: StepStatus;
  /** Output handle the node emitted on (filter: "true" or "false"); the first when it emitted on several. */
  handle?: string;
  /** Every output the node emitted on, when more than one (a switch in mode "all"). */
  handles?: string[];
  /** Params after rendering: what the node was given. */
  input?: unknown;
  output?: unknown;
  error?: StepError;
  /** What the node's user code printed (code node), at most about 100 lines. */
  logs?: string[];
  attempts: number;
  startedAt: string;
  durationMs: number;
  /** Waiting steps (a delay): when the run goes on (ISO, UTC). */
  resumeAt?: string;
  /** Storage detail: the output is the stored event (trigger steps), filled in when read. */
  outputFromEvent?: boolean;
}

export interface NodeTypeInfo {
  type: string;
  version: number;
  label: string;
  description: string;
  category: string;
  icon: string;
  trigger: boolean;
  /** namedOutputs: outputs named by a list param (a switch's rules), drawn before the fixed outputs. */
  handles: { inputs: string[]; outputs: string[]; namedOutputs?: NamedOutputs };
  /** Joins branches (merge): runs once after every branch into it ended, with their outputs. */
  joins?: boolean;
  /** Answers the caller (respond): the trigger must wait for it. */
  answers?: boolean;
  /** JSON Schema (draft 2020-12) of params, with titles and help text to render a form. */
  paramsSchema: Record<string, unknown>;
  /** Top-level params that are never rendered as templates (a code node's code). */
  rawParams?: string[];
}
