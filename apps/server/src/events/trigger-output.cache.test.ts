// The cache between intake and the executor of the same process is bounded in count and in bytes,
// hands each output out once, and makes room only by dropping outputs nobody took for a while.
import { describe, expect, it } from 'vitest';
import type { TriggerOutput } from '@hookflow/flow-model';
import { TriggerOutputCache } from './trigger-output.cache';

const output = (n: number): TriggerOutput => ({ body: { n }, query: {}, headers: {}, method: 'POST', receivedAt: '2026-12-05T00:00:00.000Z', eventId: `e${n}` });
const cached = (n: number) => ({ trigger: output(n), flowVersionId: 'v1' });

describe('TriggerOutputCache', () => {
  it('hands an output out once', () => {
    const cache = new TriggerOutputCache();
    expect(cache.put('e1', cached(1), 10)).toBe(true);
    expect(cache.take('e1')?.trigger.body).toEqual({ n: 1 });
    expect(cache.take('e1')).toBeUndefined();
    expect(cache.heldBytes).toBe(0);
  });

  it('keeps no more than its count and bytes, so a long backlog is read back from the store', () => {
    const cache = new TriggerOutputCache({ maxEntries: 3, maxBytes: 1000, maxAgeMs: 60_000 });
    const kept = [1, 2, 3, 4].map((n) => cache.put(`e${n}`, cached(n), 100, 0));
    expect(kept).toEqual([true, true, true, false]);
    expect(cache.put('big', cached(9), 2000, 0)).toBe(false);
    cache.take('e1');
    expect(cache.put('e5', cached(5), 100, 0)).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('drops outputs nobody took once they are old, to make room', () => {
    const cache = new TriggerOutputCache({ maxEntries: 2, maxBytes: 1000, maxAgeMs: 1_000 });
    cache.put('e1', cached(1), 10, 0);
    cache.put('e2', cached(2), 10, 500);
    expect(cache.put('e3', cached(3), 10, 1_200)).toBe(true);
    expect(cache.take('e1')).toBeUndefined();
    expect(cache.take('e2')).toBeDefined();
    expect(cache.take('e3')).toBeDefined();
  });
});
