// Group commit and the write lock decide when a write is on disk and that no two SQLite writers
// ever overlap; these tests hold them to it without a database.
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';
import { WriteLock } from './write-lock';

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((ok) => (resolve = ok));
  return { promise, resolve };
}

describe('GroupCommit', () => {
  it('settles each write only after the batch holding it committed, with its own result', async () => {
    const gates: Array<{ batch: number[]; gate: ReturnType<typeof deferred> }> = [];
    const commits = new GroupCommit<number, string>({
      commit: async (batch) => {
        const gate = deferred();
        gates.push({ batch, gate });
        await gate.promise;
        return batch.map((n) => `ok ${n}`);
      },
      maxInFlight: 2,
    });
    const settled: string[] = [];
    const writes = [1, 2, 3].map((n) => commits.submit(n).then((result) => settled.push(result)));
    await new Promise((ok) => setImmediate(ok));
    expect(gates.map((g) => g.batch)).toEqual([[1, 2, 3]]);
    // Arriving while the first batch commits: handed over at once (a second one in flight).
    const later = commits.submit(4).then((result) => settled.push(result));
    await new Promise((ok) => setImmediate(ok));
    expect(gates.map((g) => g.batch)).toEqual([[1, 2, 3], [4]]);
    // A third batch waits: no more than two in flight.
    const third = commits.submit(5).then((result) => settled.push(result));
    await new Promise((ok) => setImmediate(ok));
    expect(gates).toHaveLength(2);
    expect(settled).toEqual([]);
    gates[0].gate.resolve();
    await Promise.all(writes);
    expect(settled).toEqual(['ok 1', 'ok 2', 'ok 3']);
    await new Promise((ok) => setImmediate(ok));
    expect(gates.map((g) => g.batch)).toEqual([[1, 2, 3], [4], [5]]);
    gates[1].gate.resolve();
    gates[2].gate.resolve();
    await Promise.all([later, third]);
    expect(settled).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5']);
  });

  it('fails only the write that broke a shared transaction', async () => {
    const commits = new GroupCommit<number, number>({
      commit: (batch) => (batch.includes(13) ? Promise.reject(new Error('bad row 13')) : Promise.resolve(batch)),
    });
    const outcomes = await Promise.allSettled([12, 13, 14].map((n) => commits.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('WriteLock', () => {
  it('never runs an exclusive holder beside a shared one, and serves waiters in arrival order', async () => {
    const lock = new WriteLock();
    const log: string[] = [];
    let sharedNow = 0;
    let exclusiveNow = false;
    const shared = (name: string, gate: Promise<void>) =>
      lock.runShared(async () => {
        expect(exclusiveNow).toBe(false);
        sharedNow += 1;
        log.push(`start ${name}`);
        await gate;
        sharedNow -= 1;
        log.push(`end ${name}`);
      });
    const exclusive = (name: string) =>
      lock.run(async () => {
        expect(sharedNow).toBe(0);
        exclusiveNow = true;
        log.push(`start ${name}`);
        await new Promise((ok) => setImmediate(ok));
        exclusiveNow = false;
        log.push(`end ${name}`);
      });
    const a = deferred();
    const b = deferred();
    const runs = [shared('a', a.promise), shared('b', b.promise), exclusive('x'), shared('c', Promise.resolve())];
    await new Promise((ok) => setImmediate(ok));
    // a and b share; x waits for both; c arrived after x, so it waits for x.
    expect(log).toEqual(['start a', 'start b']);
    a.resolve();
    b.resolve();
    await Promise.all(runs);
    expect(log).toEqual(['start a', 'start b', 'end a', 'end b', 'start x', 'end x', 'start c', 'end c']);
  });
});
