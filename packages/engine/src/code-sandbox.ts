// The contract between the code node and whatever runs user JavaScript. The engine owns it so a
// host can choose where code runs (the server: a pool of worker threads, so a busy loop never holds
// the main thread) while the node itself stays pure; without one, the node runs code in-thread.

/** What a code node's function body receives, as its three arguments. */
export interface CodeInput {
  trigger: unknown;
  nodes: Record<string, unknown>;
  flow: { id: string; name: string };
}

export interface CodeRunRequest {
  /** The body of `function (trigger, nodes, flow) { ... }`, as the user wrote it. */
  code: string;
  input: CodeInput;
  timeoutMs: number;
  memoryBytes: number;
  /** Largest JSON the returned value may serialize to, in UTF-8 bytes. */
  maxOutputBytes: number;
}

/**
 * Why a run produced no output. `crashed` is the sandbox's own failure (a worker that died or
 * could not start), never the user's code.
 */
export type CodeRunErrorKind = 'syntax' | 'thrown' | 'timeout' | 'memory' | 'output_too_large' | 'not_json' | 'crashed';

export interface CodeRunError {
  kind: CodeRunErrorKind;
  /** The sandbox's wording (the error's own message for `syntax` and `thrown`). */
  message: string;
  /** The error's class (TypeError, SyntaxError, ...) when the code threw an Error. */
  name?: string;
  /** 1-based line in the user's code, when known. */
  line?: number;
}

export type CodeRunResult = { ok: true; output: unknown; logs: string[] } | { ok: false; error: CodeRunError; logs: string[] };

/** Runs user code with no access to the host: no network, files, process or host objects. */
export interface CodeSandbox {
  run(request: CodeRunRequest): Promise<CodeRunResult>;
}
