// Orders write transactions on the one store. Group commits take it shared: on SQLite they all go
// to the writer thread, which runs them one after another, so several may be in flight at once.
// Every other write transaction (flows, versions, users...) takes it exclusively: it starts when no
// group commit is in flight and none starts until it ends, so SQLite never sees two writers and a
// read-then-write transaction on the main connection cannot meet a commit from the writer thread.
// Waiters are served in arrival order, so a stream of group commits cannot starve the others.

type Mode = 'shared' | 'exclusive';

interface Waiter {
  mode: Mode;
  start(): void;
}

export class WriteLock {
  private shared = 0;
  private exclusive = false;
  private readonly waiting: Waiter[] = [];

  /** Exclusive: alone on the store. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.hold('exclusive', work);
  }

  /** Shared with other shared holders (group commits), never with an exclusive one. */
  runShared<T>(work: () => Promise<T>): Promise<T> {
    return this.hold('shared', work);
  }

  private async hold<T>(mode: Mode, work: () => Promise<T>): Promise<T> {
    if (this.waiting.length > 0 || !this.canStart(mode)) await new Promise<void>((start) => this.waiting.push({ mode, start }));
    else this.take(mode);
    try {
      return await work();
    } finally {
      if (mode === 'exclusive') this.exclusive = false;
      else this.shared -= 1;
      this.wakeWaiters();
    }
  }

  private canStart(mode: Mode): boolean {
    return mode === 'shared' ? !this.exclusive : !this.exclusive && this.shared === 0;
  }

  private take(mode: Mode): void {
    if (mode === 'exclusive') this.exclusive = true;
    else this.shared += 1;
  }

  private wakeWaiters(): void {
    while (this.waiting.length > 0 && this.canStart(this.waiting[0].mode)) {
      const next = this.waiting.shift();
      if (!next) return;
      this.take(next.mode);
      next.start();
    }
  }
}
