// Typed node errors. A NodeConfigError is the user's mistake and is never retried; a
// NodeRuntimeError is a failed call and says whether trying again could help.

export class NodeConfigError extends Error {
  override readonly name = 'NodeConfigError';
  readonly param?: string;
  constructor(message: string, options: { param?: string } = {}) {
    super(message);
    this.param = options.param;
  }
}

export class NodeRuntimeError extends Error {
  override readonly name = 'NodeRuntimeError';
  readonly retryable: boolean;
  readonly attempts: number;
  readonly details?: unknown;
  /** What the node's user code printed before it failed (code node), kept on the step. */
  readonly logs?: string[];
  constructor(message: string, options: { retryable?: boolean; attempts?: number; details?: unknown; cause?: unknown; logs?: string[] } = {}) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable ?? false;
    this.attempts = options.attempts ?? 1;
    this.details = options.details;
    this.logs = options.logs;
  }
}

export function isNodeConfigError(err: unknown): err is NodeConfigError {
  return err instanceof NodeConfigError;
}

export function isNodeRuntimeError(err: unknown): err is NodeRuntimeError {
  return err instanceof NodeRuntimeError;
}
