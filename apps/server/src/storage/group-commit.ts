// Group commit: writes submitted while a transaction is in flight wait and then share the next
// one, so under load a single commit (and a single fsync) covers hundreds of requests and
// durability does not cost throughput. Each submitter's promise settles only once its write is
// committed, with what the commit says about it (e.g. that its event was a duplicate).
// With maxInFlight 2, the next batch is handed over while the previous one commits, so the
// thread that commits and the thread that parses requests work at the same time instead of
// taking turns.

export interface GroupCommitOptions<Op, Result> {
  /** Writes a batch in one transaction; answers one result per op, in order. */
  commit(batch: Op[]): Promise<Result[]>;
  /** Upper bound of writes in one transaction. */
  maxBatch?: number;
  /** Batches handed to commit() before the first of them is done (default 1). */
  maxInFlight?: number;
}

interface Pending<Op, Result> {
  op: Op;
  resolve(result: Result): void;
  reject(err: unknown): void;
}

export class GroupCommit<Op, Result = void> {
  private readonly queue: Pending<Op, Result>[] = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(private readonly options: GroupCommitOptions<Op, Result>) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  submit(op: Op): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.scheduled && this.inFlight < this.maxInFlight) {
        this.scheduled = true;
        // Let the requests arriving in the same turn of the event loop join this batch.
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Writes waiting for the next commit. */
  get pending(): number {
    return this.queue.length;
  }

  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.commit(batch).finally(() => {
        this.inFlight -= 1;
        this.flush();
      });
    }
  }

  private async commit(batch: Pending<Op, Result>[]): Promise<void> {
    try {
      const results = await this.options.commit(batch.map((item) => item.op));
      batch.forEach((item, index) => item.resolve(results[index]));
    } catch (err) {
      await this.retryOneByOne(batch, err);
    }
  }

  /** One bad write must not fail the others that shared its transaction. */
  private async retryOneByOne(batch: Pending<Op, Result>[], batchError: unknown): Promise<void> {
    if (batch.length === 1) {
      batch[0].reject(batchError);
      return;
    }
    for (const item of batch) {
      try {
        const [result] = await this.options.commit([item.op]);
        item.resolve(result);
      } catch (err) {
        item.reject(err);
      }
    }
  }
}
