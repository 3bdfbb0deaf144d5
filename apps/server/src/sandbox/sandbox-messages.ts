// What goes between the pool and a code-sandbox thread. Only strings and numbers cross: the input
// and the output as JSON text, which copy between threads far cheaper than object graphs.
import type { CodeRunError, CodeRunErrorKind, CodeRunResult } from '@hookflow/engine';
import type { QuickJsJsonRequest } from '@hookflow/nodes';

export interface WorkerJob {
  id: number;
  request: QuickJsJsonRequest;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; reason: string }
  | { type: 'result'; id: number; result: CodeRunResult }
  | { type: 'unknown' };

const ERROR_KINDS: readonly CodeRunErrorKind[] = ['syntax', 'thrown', 'timeout', 'memory', 'output_too_large', 'not_json', 'crashed'];

/** Reads a worker's message; the output is parsed here, on the main thread, from the worker's JSON. */
export function parseWorkerMessage(raw: unknown): WorkerMessage {
  if (!isRecord(raw)) return { type: 'unknown' };
  if (raw.ready === true) return { type: 'ready' };
  if (typeof raw.failed === 'string') return { type: 'failed', reason: raw.failed };
  if (typeof raw.id !== 'number' || !isRecord(raw.result)) return { type: 'unknown' };
  return { type: 'result', id: raw.id, result: toRunResult(raw.result) };
}

function toRunResult(result: Record<string, unknown>): CodeRunResult {
  const logs = Array.isArray(result.logs) ? result.logs.filter((line): line is string => typeof line === 'string') : [];
  if (result.ok === true && typeof result.outputJson === 'string') {
    try {
      return { ok: true, output: JSON.parse(result.outputJson), logs };
    } catch (err) {
      return { ok: false, error: { kind: 'crashed', message: `the sandbox answered output that is not JSON: ${err instanceof Error ? err.message : String(err)}` }, logs };
    }
  }
  return { ok: false, error: toRunError(result.error), logs };
}

function toRunError(raw: unknown): CodeRunError {
  if (!isRecord(raw) || typeof raw.message !== 'string') return { kind: 'crashed', message: 'the sandbox answered an unreadable result' };
  const kind = ERROR_KINDS.find((known) => known === raw.kind) ?? 'crashed';
  const error: CodeRunError = { kind, message: raw.message };
  if (typeof raw.name === 'string') error.name = raw.name;
  if (typeof raw.line === 'number') error.line = raw.line;
  return error;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
