// The main thread's side of the SQLite writer thread (sqlite-writer.worker.cjs): sends each group
// commit to the thread and settles when the thread has committed it. The thread is opened at
// start-up (after migrations ran on the main connection), so a thread that cannot start stops the
// server instead of failing every webhook later; it starts again after a crash, and the writes
// that were in flight then fail, so their requests get an error instead of a 202. Retention's
// deletes and incremental-vacuum steps are queued on the same thread, between group commits.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Duplicates } from './dedupe-claims';

export type SqlValue = string | number | null;

export interface SqliteWriterOptions {
  file: string;
  pragmas: string[];
  /** The synchronous level for durable batches (events) and for the others (execution records). */
  synchronous: { durable: number; relaxed: number };
  sql: Record<'insertEvent' | 'insertExecution' | 'markDone' | 'claim' | 'owner', string>;
  duplicate: { statusIndex: number; httpStatusIndex: number; reasonIndex: number; reasonTemplate: string };
}

export interface SqliteBatch {
  durable: boolean;
  events: SqlValue[][];
  executions: SqlValue[][];
  done: string[];
  /** [flowId, key, eventId, expiresAt] */
  claims: string[][];
  now: string;
}

/** A statement with `?` parameters, run by the thread in one transaction with the others sent along. */
export interface MaintenanceStatement {
  sql: string;
  params: SqlValue[];
}

interface Reply {
  ready?: true;
  id: number;
  duplicates?: [string, string][];
  changes?: number[];
  freePages?: number;
  error?: { message: string; code?: unknown };
}

interface InFlight {
  worker: Worker;
  resolve(reply: Reply): void;
  reject(err: Error): void;
}

export class SqliteWriterThread {
  private worker: Worker | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;

  constructor(private readonly options: SqliteWriterOptions) {}

  /** Starts the thread and resolves once its connection is open and its statements are prepared. */
  open(): Promise<void> {
    const worker = this.worker ?? this.start();
    return new Promise<void>((resolve, reject) => {
      const done = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: Reply): void => {
        if (!reply.ready) return;
        done();
        resolve();
      };
      const onError = (err: Error): void => {
        done();
        reject(new Error(`the SQLite writer thread could not start: ${err.message}`));
      };
      const onExit = (code: number): void => onError(new Error(`it stopped with exit code ${code}`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
    }).finally(() => worker.unref());
  }

  write(batch: SqliteBatch): Promise<Duplicates> {
    return this.send(batch).then((reply) => new Map(reply.duplicates));
  }

  /** Runs the statements in one transaction (no fsync of its own); answers each one's changed rows. */
  maintain(statements: MaintenanceStatement[]): Promise<number[]> {
    return this.send({ maintain: statements }).then((reply) => reply.changes ?? []);
  }

  /** One `PRAGMA incremental_vacuum(pages)` step; answers the pages still free afterwards. */
  vacuum(pages: number): Promise<number> {
    return this.send({ vacuum: pages }).then((reply) => reply.freePages ?? 0);
  }

  private send(message: SqliteBatch | { maintain: MaintenanceStatement[] } | { vacuum: number }): Promise<Reply> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      if (this.inFlight.size === 0) worker.ref();
      this.inFlight.set(id, { worker, resolve, reject });
      worker.postMessage({ id, ...message });
    });
  }

  /** Lets the thread finish what it was sent, closes its connection and ends it. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ close: true });
    await exited;
  }

  private start(): Worker {
    const worker = new Worker(join(__dirname, 'sqlite-writer.worker.cjs'), { workerData: this.options });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply, worker));
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) => this.fail(worker, new Error(`the SQLite writer thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply, worker: Worker): void {
    if (reply.ready) return;
    const pending = this.inFlight.get(reply.id);
    if (!pending) return;
    this.inFlight.delete(reply.id);
    if (this.inFlight.size === 0) worker.unref();
    if (reply.error) pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    else pending.resolve(reply);
  }

  private fail(worker: Worker, err: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, pending] of this.inFlight) {
      if (pending.worker !== worker) continue;
      this.inFlight.delete(id);
      pending.reject(err);
    }
  }
}
