// The node-type contract: a node type is a plain object (data plus one run function), listed in
// one registry. Its zod params schema validates rendered params and, as JSON Schema, drives the
// editor's form.
import type { z } from 'zod';
import type { NamedOutputs, TemplateContext, TriggerOutput } from '@hookflow/flow-model';
import type { CodeSandbox } from './code-sandbox';

export type NodeCategory = 'Triggers' | 'Data' | 'Flow' | 'Actions';

export interface NodeHandles {
  inputs: string[];
  /** Fixed outputs. A node's first output (see nodeOutputs) is the default an edge with sourceHandle null uses. */
  outputs: string[];
  /** Outputs named by a list param, one per item (a switch's rules), before the fixed ones. */
  namedOutputs?: NamedOutputs;
}

export interface NodeResult {
  output: unknown;
  /** Output handle to continue on; defaults to the first output. */
  handle?: string;
  /** Several outputs to continue on at once (a switch in mode "all"); when set, handle is ignored. Empty: none. */
  handles?: string[];
  /** How many tries the node made (http retries); defaults to 1. */
  attempts?: number;
  /** Lines the node's user code printed (code node), kept on the step. */
  logs?: string[];
  /**
   * The run waits until then before going on past this node (delay). A host that parks runs
   * (RunFlowOptions.park) ends the run here as "waiting" and resumes it later; elsewhere (a test
   * run) the run goes on at once.
   */
  waitUntil?: Date;
}

export interface NodeType<P = unknown> {
  type: string;
  version: number;
  label: string;
  description: string;
  category: NodeCategory;
  /** A short icon name the editor maps to a glyph (e.g. "webhook", "filter", "globe", "slack"). */
  icon: string;
  trigger?: boolean;
  params: z.ZodType<P>;
  handles: NodeHandles;
  /**
   * Param keys whose string values are not rendered before run (the node renders them itself,
   * e.g. with its own context). Rendering is otherwise deep: every string in params is a template.
   */
  rawParams?: string[];
  /**
   * Top-level param keys holding secrets (tokens, secret URLs). Their values are replaced by
   * "[redacted]" in the step input that is stored and shown; the node itself gets the real value.
   */
  secretParams?: string[];
  /**
   * Joins branches (merge): validation wants two or more edges into it, and it runs once, after
   * every node before it ran or was passed by, with ctx.inputs holding the outputs that led to it.
   */
  joins?: boolean;
  /** Answers the caller (respond): validation wants the flow's trigger to wait for such a node. */
  answers?: boolean;
  run(ctx: NodeContext, params: P): Promise<NodeResult>;
}

export interface HttpRetryPolicy {
  /** Total tries, including the first. */
  attempts: number;
  /** Base delay; grows exponentially with full jitter. Retry-After overrides it. */
  backoffMs: number;
  /** Upper bound for one wait, Retry-After included. */
  maxDelayMs?: number;
  /** Which answer statuses are worth another try; default 408, 429 and 5xx. */
  retryOnStatus?: (status: number) => boolean;
  /** Whether network errors and timeouts are tried again; default true. */
  retryOnNetworkError?: boolean;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
  /** Follow redirects (default true). Off when the request carries credentials of its own: a
   * redirect to another origin would otherwise receive them. */
  followRedirects?: boolean;
  /** Retries on network errors, timeouts, 408, 429 and 5xx. Omitted: one try. */
  retry?: HttpRetryPolicy;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed when the response is JSON, else text. */
  body: unknown;
  attempts: number;
}

/** Outbound HTTP as nodes see it. Network failures and timeouts throw NodeRuntimeError. */
export interface HttpClient {
  request(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
}

export interface CredentialStore {
  /** Decrypted credential data; throws NodeConfigError when the id is unknown. */
  get(id: string): Promise<Record<string, string>>;
}

export interface NodeLogger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** What a node may use, and nothing else. */
export interface NodeContext {
  nodeId: string;
  flow: { id: string; name: string };
  trigger: TriggerOutput;
  /** The full template context (trigger, outputs of nodes run so far, flow). */
  data: TemplateContext;
  http: HttpClient;
  credentials: CredentialStore;
  signal: AbortSignal;
  logger: NodeLogger;
  now(): Date;
  /** Settings a node may read (e.g. SLACK_API_URL), passed in by the host. */
  settings: Readonly<Record<string, string | undefined>>;
  /** Where user JavaScript runs (code node); absent: the node runs it in-thread. */
  sandbox?: CodeSandbox;
  /** Joining nodes (merge) only: the outputs of the nodes whose edges led here in this run, by node id, in run order. */
  inputs?: Readonly<Record<string, unknown>>;
  /**
   * Answers the HTTP request that started the run (a respond node), when the host holds one open
   * for it: true when this was the run's answer, false when it was answered already or nobody waits.
   */
  respond?: (answer: FlowAnswer) => boolean;
}

/** An answer to the request that started a run. */
export interface FlowAnswer {
  status: number;
  headers: Record<string, string>;
  /** Sent as JSON unless it is a string. */
  body: unknown;
}
