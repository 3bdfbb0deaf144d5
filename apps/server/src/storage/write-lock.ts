// Serializes write transactions. TypeORM's better-sqlite3 driver shares one connection, so two
// overlapping transactions would interleave on it; on PostgreSQL the lock costs little because
// writes are already batched by group commit.
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
