// Runs code nodes' user JavaScript on a few worker threads (code-sandbox.worker.cjs), one run per
// thread at a time, so an infinite loop holds a worker for its time limit while the main thread
// keeps taking webhooks and running other flows. QuickJS's deadline stops ordinary loops; a run
// still busy a margin past its limit (one long native call, e.g. a naive search in huge strings)
// has its worker terminated and replaced. Workers start on first use: a ROLE=main process never pays.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CodeRunError, CodeRunRequest, CodeRunResult, CodeSandbox } from '@hookflow/engine';
import { parseWorkerMessage, type WorkerJob } from './sandbox-messages';

/** How long past its time limit a run may go before its worker is terminated. */
const DEFAULT_KILL_MARGIN_MS = 1_000;
/** The sandbox the workers load: the built nodes package, the same whether the server runs built or from sources. */
const SANDBOX_MODULE = '@hookflow/nodes/dist/code/quickjs-sandbox.js';

export class CodeSandboxPool implements CodeSandbox {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: CodeSandboxPoolOptions) {}

  run(request: CodeRunRequest): Promise<CodeRunResult> {
    if (this.closed) return Promise.resolve(crashed('the server is shutting down'));
    let inputJson: string;
    try {
      inputJson = JSON.stringify(request.input);
    } catch (err) {
      return Promise.resolve(crashed(`the input could not be passed to the sandbox: ${messageOf(err)}`));
    }
    // The node caps its limits already; the pool is the server's last word on them.
    const timeoutMs = Math.min(request.timeoutMs, this.options.maxTimeoutMs);
    const memoryBytes = Math.min(request.memoryBytes, this.options.maxMemoryBytes);
    const job: WorkerJob = { id: this.nextId++, request: { code: request.code, inputJson, timeoutMs, memoryBytes, maxOutputBytes: request.maxOutputBytes } };
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  /** Workers running or starting now (for tests and metrics). */
  get workerCount(): number {
    return this.slots.size;
  }

  /** Runs under way now. */
  get busyCount(): number {
    return [...this.slots].filter((slot) => slot.state === 'busy').length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const { resolve } of this.queue.splice(0)) resolve(crashed('the server is shutting down'));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, crashed('the server is shutting down'))));
  }

  /** Nest calls this at shutdown, after the dispatchers have drained. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = [...this.slots].find((slot) => slot.state === 'idle');
      if (idle) {
        const next = this.queue.shift();
        if (next) this.assign(idle, next);
        continue;
      }
      const starting = [...this.slots].filter((slot) => slot.state === 'starting').length;
      if (this.slots.size >= this.options.size || starting >= this.queue.length) return;
      this.spawn();
    }
  }

  private spawn(): void {
    const worker = new Worker(join(__dirname, 'code-sandbox.worker.cjs'), {
      workerData: { sandboxModule: this.sandboxModule(), warmUpMemoryBytes: Math.min(32 * 1024 * 1024, this.options.maxMemoryBytes) },
    });
    worker.unref();
    const slot: Slot = { worker, state: 'starting' };
    this.slots.add(slot);
    worker.on('message', (raw: unknown) => this.onMessage(slot, raw));
    worker.on('error', (err) => void this.onExit(slot, `the code sandbox thread failed: ${err.message}`));
    worker.on('exit', (code) => void this.onExit(slot, `the code sandbox thread stopped (exit code ${code})`));
  }

  private sandboxModule(): string {
    if (this.options.sandboxModule) return this.options.sandboxModule;
    try {
      return createRequire(__filename).resolve(SANDBOX_MODULE);
    } catch {
      // The worker's require fails the same way and says so in the run's error.
      return SANDBOX_MODULE;
    }
  }

  private onMessage(slot: Slot, raw: unknown): void {
    if (!this.slots.has(slot)) return;
    const message = parseWorkerMessage(raw);
    if (message.type === 'ready') {
      slot.state = 'idle';
      this.pump();
    } else if (message.type === 'failed') {
      // A worker that cannot load the sandbox will not do better on the next try: fail what waits.
      for (const { resolve } of this.queue.splice(0)) resolve(crashed(`the code sandbox could not start: ${message.reason}`));
      void this.retire(slot, crashed(`the code sandbox could not start: ${message.reason}`));
    } else if (message.type === 'result' && slot.running?.job.id === message.id) {
      const { running } = slot;
      clearTimeout(running.timer);
      slot.running = undefined;
      slot.state = 'idle';
      slot.worker.unref();
      running.resolve(message.result);
      this.pump();
    }
  }

  private assign(slot: Slot, { job, resolve }: Job): void {
    const { timeoutMs } = job.request;
    const timer = setTimeout(() => void this.retire(slot, timedOut(timeoutMs)), timeoutMs + (this.options.killMarginMs ?? DEFAULT_KILL_MARGIN_MS));
    slot.state = 'busy';
    slot.running = { job, resolve, timer };
    slot.worker.ref();
    slot.worker.postMessage(job);
  }

  /** Answers the slot's run (if any) with `outcome`, stops its worker and lets the pool start another. */
  private async retire(slot: Slot, outcome: CodeRunResult): Promise<void> {
    if (!this.slots.delete(slot)) return;
    this.settleRunning(slot, outcome);
    await slot.worker.terminate();
    if (!this.closed) this.pump();
  }

  private onExit(slot: Slot, reason: string): Promise<void> {
    return this.retire(slot, crashed(reason));
  }

  private settleRunning(slot: Slot, outcome: CodeRunResult): void {
    const running = slot.running;
    if (!running) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    running.resolve(outcome);
  }
}

function crashed(message: string): CodeRunResult {
  const error: CodeRunError = { kind: 'crashed', message };
  return { ok: false, error, logs: [] };
}

function timedOut(timeoutMs: number): CodeRunResult {
  return { ok: false, error: { kind: 'timeout', message: `still running ${timeoutMs} ms after it started: its thread was stopped` }, logs: [] };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface CodeSandboxPoolOptions {
  /** Worker threads at most (CODE_WORKERS). */
  size: number;
  maxTimeoutMs: number;
  maxMemoryBytes: number;
  killMarginMs?: number;
  /** Path of the module the workers load instead of the built nodes sandbox (tests). */
  sandboxModule?: string;
}

interface Job {
  job: WorkerJob;
  resolve(result: CodeRunResult): void;
}

interface Slot {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy';
  running?: Job & { timer: NodeJS.Timeout };
}
