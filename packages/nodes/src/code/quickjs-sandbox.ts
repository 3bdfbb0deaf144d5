// Runs a code node's function body in QuickJS compiled to WebAssembly: a fresh runtime and context
// per call (on an instance kept only from clean runs, see quickjs-instance.ts), a deadline checked
// by QuickJS's interrupt handler, a memory cap and a stack limit. Only strings cross between host and VM (input and output as JSON, log lines, an error's
// name and message), so the code never touches a host object. Synchronous once the instance is
// ready: a host that must stay responsive runs this in a worker thread.
import type { CodeRunError, CodeRunRequest, CodeRunResult } from '@hookflow/engine';
import { Scope, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from 'quickjs-emscripten-core';
import { LogLines } from './log-lines';
import { keepQuickJsInstance, takeQuickJsInstance, type QuickJsInstance } from './quickjs-instance';
import { describeRefusal, userLine } from './quickjs-results';
import { SANDBOX_FILE, USER_FILE, VM_HELPERS_SOURCE, wrapUserCode } from './vm-sources';

/** QuickJS's own stack check turns deep recursion into "stack overflow" well before the host's stack runs out. */
const MAX_STACK_BYTES = 256 * 1024;
/** How long the sandbox's own code may take after the deadline to read a thrown value's message. */
const GRACE_MS = 50;
/** Time for the sandbox's own helpers before the user's code starts. */
const SETUP_MS = 1_000;
/** Endings that leave the instance as good as new once the runtime is gone: it may serve the next run. */
const REUSABLE_AFTER: readonly CodeRunError['kind'][] = ['syntax', 'thrown', 'not_json', 'output_too_large'];

/** runInQuickJs with the input and output as JSON text: what crosses a worker boundary cheaply. */
export interface QuickJsJsonRequest {
  code: string;
  /** JSON of { trigger, nodes, flow }. */
  inputJson: string;
  timeoutMs: number;
  memoryBytes: number;
  maxOutputBytes: number;
}

export type QuickJsJsonResult = { ok: true; outputJson: string; logs: string[] } | { ok: false; error: CodeRunError; logs: string[] };

/**
 * One small run, so a thread's first real run does not pay for compiling the WebAssembly module
 * (V8 compiles its functions on first use) and an instance is ready for it.
 */
export async function warmUpQuickJs(memoryBytes: number): Promise<void> {
  await runQuickJsJson({ code: 'return [1].map((n) => n + 1);', inputJson: '{}', timeoutMs: 1_000, memoryBytes, maxOutputBytes: 1_024 });
}

/** The in-thread sandbox: blocks the calling thread for as long as the code runs (up to its time limit). */
export async function runInQuickJs(request: CodeRunRequest): Promise<CodeRunResult> {
  const { input, ...limits } = request;
  const result = await runQuickJsJson({ ...limits, inputJson: JSON.stringify(input) });
  if (!result.ok) return result;
  return { ok: true, output: JSON.parse(result.outputJson), logs: result.logs };
}

export async function runQuickJsJson(request: QuickJsJsonRequest): Promise<QuickJsJsonResult> {
  const instance = await takeQuickJsInstance(request.memoryBytes);
  const logs = new LogLines();
  let runtime: QuickJSRuntime | undefined;
  let context: QuickJSContext | undefined;
  let clean = false;
  try {
    runtime = instance.module.newRuntime();
    // QuickJS's own limit still refuses any single allocation above it; the memory cap does the rest.
    runtime.setMemoryLimit(request.memoryBytes);
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    context = runtime.newContext();
    const outcome = runInContext({ runtime, context, instance, request, logs });
    clean = outcome.ok || REUSABLE_AFTER.includes(outcome.error.kind);
    return outcome.ok ? { ok: true, outputJson: outcome.outputJson, logs: logs.lines() } : { ok: false, error: outcome.error, logs: logs.lines() };
  } catch (err) {
    // The instance itself failed (a WebAssembly trap, the host's stack): it is dropped with its memory.
    return { ok: false, error: hostFailure(err, instance), logs: logs.lines() };
  } finally {
    if (disposed(context) && disposed(runtime) && clean) keepQuickJsInstance(instance);
  }
}

function runInContext({ runtime, context, instance, request, logs }: RunState): Outcome {
  return Scope.withScope((scope) => {
    const fail = (thrown: QuickJSHandle, describe: QuickJSHandle | undefined, compiling = false): Outcome => {
      scope.manage(thrown);
      deadlineIn(runtime, GRACE_MS);
      const described = describeThrown(context, describe, thrown);
      return { ok: false, error: classify({ ...described, compiling, code: request.code, memoryFull: instance.memoryFull() }) };
    };
    // The sandbox's own setup is not the user's time: a thread's first run compiles WebAssembly lazily.
    deadlineIn(runtime, SETUP_MS);
    const helpers = context.evalCode(VM_HELPERS_SOURCE, SANDBOX_FILE);
    if (helpers.error) return fail(helpers.error, undefined);
    const helperList = scope.manage(helpers.value);
    const [run, serialize, describe] = [0, 1, 2].map((index) => scope.manage(context.getProp(helperList, index)));

    deadlineIn(runtime, request.timeoutMs);
    const compiled = context.evalCode(wrapUserCode(request.code), USER_FILE);
    if (compiled.error) return fail(compiled.error, describe, true);
    const fn = scope.manage(compiled.value);
    const emit = scope.manage(context.newFunction('emit', (level, text) => logs.add(textOf(context, level), textOf(context, text))));
    const inputJson = scope.manage(context.newString(request.inputJson));
    const called = context.callFunction(run, context.undefined, emit, fn, inputJson);
    if (called.error) return fail(called.error, describe);
    const settled = settle({ runtime, context, scope, value: scope.manage(called.value) });
    if (!settled.ok) return fail(settled.error, describe);
    const maxChars = scope.manage(context.newNumber(request.maxOutputBytes));
    const serialized = context.callFunction(serialize, context.undefined, settled.value, maxChars);
    if (serialized.error) return fail(serialized.error, describe);
    return readResult(context, scope.manage(serialized.value), request.maxOutputBytes);
  });
}

/**
 * A returned Promise is settled by running the VM's pending jobs (under the same deadline): with no
 * timers or I/O inside, it either settles now or never. Other values pass through.
 */
function settle({ runtime, context, scope, value }: { runtime: QuickJSRuntime; context: QuickJSContext; scope: Scope; value: QuickJSHandle }): { ok: true; value: QuickJSHandle } | { ok: false; error: QuickJSHandle } {
  let state = context.getPromiseState(value);
  if (state.type === 'fulfilled' && state.notAPromise) return { ok: true, value };
  if (state.type === 'pending') {
    const jobs = runtime.executePendingJobs();
    if (jobs.error) return { ok: false, error: jobs.error };
    state = context.getPromiseState(value);
  }
  if (state.type === 'fulfilled') return { ok: true, value: scope.manage(state.value) };
  if (state.type === 'rejected') return { ok: false, error: state.error };
  return { ok: true, value };
}

/** The run's answer: JSON text (checked in UTF-8 bytes, the VM counted characters) or a refusal. */
function readResult(context: QuickJSContext, result: QuickJSHandle, maxOutputBytes: number): Outcome {
  if (context.typeof(result) === 'string') {
    const outputJson = context.getString(result);
    const bytes = Buffer.byteLength(outputJson);
    if (bytes > maxOutputBytes) return { ok: false, error: describeRefusal({ kind: 'too_large', detail: String(bytes), maxOutputBytes }) };
    return { ok: true, outputJson };
  }
  return Scope.withScope((scope) => {
    const part = (index: number): string => {
      const handle = scope.manage(context.getProp(result, index));
      const type = context.typeof(handle);
      return type === 'string' ? context.getString(handle) : type === 'number' ? String(context.getNumber(handle)) : '';
    };
    return { ok: false, error: describeRefusal({ kind: part(0), detail: part(1), key: part(2), maxOutputBytes }) };
  });
}

function deadlineIn(runtime: QuickJSRuntime, ms: number): void {
  const deadline = Date.now() + ms;
  runtime.setInterruptHandler(() => Date.now() > deadline);
}

/** The VM helper reads what was thrown; before the helpers exist (or when it fails) the host reads the error itself. */
function describeThrown(context: QuickJSContext, describe: QuickJSHandle | undefined, thrown: QuickJSHandle): { name: string; message: string; stack: string } {
  return Scope.withScope((scope) => {
    const described = describe ? context.callFunction(describe, context.undefined, thrown) : undefined;
    if (!described || described.error) {
      if (described?.error) scope.manage(described.error);
      if (context.typeof(thrown) !== 'object') return { name: '', message: '', stack: '' };
      const prop = (key: string): string => textOf(context, scope.manage(context.getProp(thrown, key)));
      return { name: prop('name'), message: prop('message'), stack: '' };
    }
    const parts = scope.manage(described.value);
    const part = (index: number): string => textOf(context, scope.manage(context.getProp(parts, index)));
    return { name: part(0), message: part(1), stack: part(2) };
  });
}

function classify(thrown: { name: string; message: string; stack: string; compiling: boolean; code: string; memoryFull: boolean }): CodeRunError {
  const { name, message } = thrown;
  if (name === 'InternalError' && message === 'interrupted') return { kind: 'timeout', message };
  // Out of memory even for the error object, QuickJS throws null: with the memory at its cap, that is the cause.
  if ((name === 'InternalError' && message === 'out of memory') || (name === '' && thrown.memoryFull)) return { kind: 'memory', message: 'out of memory' };
  const error: CodeRunError = { kind: thrown.compiling && name === 'SyntaxError' ? 'syntax' : 'thrown', message };
  if (name !== '') error.name = name;
  const line = userLine(thrown.stack, thrown.code);
  if (line !== undefined) error.line = line;
  return error;
}

function hostFailure(err: unknown, instance: QuickJsInstance): CodeRunError {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError && /call stack/i.test(message)) return { kind: 'thrown', name: 'InternalError', message: 'stack overflow' };
  if (instance.memoryFull()) return { kind: 'memory', message: 'out of memory' };
  return { kind: 'crashed', message };
}

function textOf(context: QuickJSContext, handle: QuickJSHandle): string {
  return context.typeof(handle) === 'string' ? context.getString(handle) : '';
}

/** After a trap the instance is broken and disposing may throw: then it is not kept, and goes with its memory. */
function disposed(resource: { alive: boolean; dispose(): void } | undefined): boolean {
  try {
    if (resource?.alive) resource.dispose();
    return resource !== undefined;
  } catch {
    return false;
  }
}

interface RunState {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  instance: QuickJsInstance;
  request: QuickJsJsonRequest;
  logs: LogLines;
}

type Outcome = { ok: true; outputJson: string } | { ok: false; error: CodeRunError };
