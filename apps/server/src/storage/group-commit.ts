// Group commit: writes submitted while a transaction is in flight wait and then share the next
// one, so under load a single commit (and a single fsync) covers hundreds of requests and
// durability does not cost throughput. Each submitter's promise settles only once its write is
// committed.

export interface GroupCommitOptions<Op> {
  /** Writes a batch in one transaction. */
  commit(batch: Op[]): Promise<void>;
  /** Upper bound of writes in one transaction. */
  maxBatch?: number;
}

interface Pending<Op> {
  op: Op;
  resolve(): void;
  reject(err: unknown): void;
}

export class GroupCommit<Op> {
  private readonly queue: Pending<Op>[] = [];
  private flushing = false;
  private readonly maxBatch: number;

  constructor(private readonly options: GroupCommitOptions<Op>) {
    this.maxBatch = options.maxBatch ?? 500;
  }

  submit(op: Op): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let the requests arriving in the same turn of the event loop join this batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Writes waiting for the next commit. */
  get pending(): number {
    return this.queue.length;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.options.commit(batch.map((item) => item.op));
        for (const item of batch) item.resolve();
      } catch (err) {
        await this.retryOneByOne(batch, err);
      }
    }
    this.flushing = false;
  }

  /** One bad write must not fail the others that shared its transaction. */
  private async retryOneByOne(batch: Pending<Op>[], batchError: unknown): Promise<void> {
    if (batch.length === 1) {
      batch[0].reject(batchError);
      return;
    }
    for (const item of batch) {
      try {
        await this.options.commit([item.op]);
        item.resolve();
      } catch (err) {
        item.reject(err);
      }
    }
  }
}
