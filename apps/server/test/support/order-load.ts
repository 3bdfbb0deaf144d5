// Order events under load: sent to trigger URLs with bounded concurrency (every answer kept), or per
// ordering key one after another; and what a sink received, for tests that count what was lost,
// run twice, or out of order.
import { call } from './api';
import { order } from './flows';
import type { Sink } from './sink';

export interface SentOrder {
  id: string;
  status: number;
}

/** Posts one order per id, `concurrency` at a time, to the trigger paths in turn (several mains). */
export async function sendOrders(args: { targets: Array<{ base: string; path: string }>; ids: string[]; concurrency: number; onSent?: (sent: number) => void }): Promise<SentOrder[]> {
  const { targets, ids, concurrency, onSent } = args;
  const sent: SentOrder[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      const target = targets[index % targets.length];
      const id = ids[index];
      let status = 0;
      try {
        status = (await call(target.base, 'POST', target.path, order(250, id))).status;
      } catch {
        status = 0;
      }
      sent.push({ id, status });
      onSent?.(sent.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return sent;
}

/** How many times the sink received each order id. */
export function deliveriesOf(sink: Sink): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of sink.received) {
    const id = /"order":"([^"]+)"/.exec(request.body)?.[1];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Resolves once the sink has every id at least once; checked every 100 ms, bounded. */
export async function waitForAll(sink: Sink, ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = deliveriesOf(sink);
    const missing = ids.filter((id) => !seen.has(id));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${missing.length} of ${ids.length} orders never reached the sink (first: ${missing.slice(0, 5).join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The order example's webhook params that order its events by the customer's name. */
export const ORDERED_BY_CUSTOMER = { ordering: { key: '{{trigger.body.order.customer.name}}' } };

export const orderedId = (key: number, n: number) => `C${key}-${n}`;

/** Sends `perKey` events for each of `keys` customers: keys in parallel, each key's events in turn. */
export async function sendOrdered(args: { base: string; path: string; keys: number; perKey: number; from?: number; onSent?: () => void }): Promise<number[]> {
  const { base, path, keys, perKey, from = 0 } = args;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: keys }, async (_, key) => {
      for (let n = from; n < from + perKey; n += 1) {
        const body = { order: { id: orderedId(key, n), total: 250, customer: { name: `customer-${key}`, email: `c${key}@example.com` } } };
        const answer = await call(base, 'POST', path, body).catch(() => ({ status: 0 }));
        statuses.push(answer.status);
        args.onSent?.();
      }
    }),
  );
  return statuses;
}

/** Per key, the sequence numbers in the order the sink received them. */
export function sequencesOf(sink: Sink, keys: number): number[][] {
  const sequences: number[][] = Array.from({ length: keys }, () => []);
  for (const request of sink.received) {
    const match = /"order":"C(\d+)-(\d+)"/.exec(request.body);
    if (match) sequences[Number(match[1])]?.push(Number(match[2]));
  }
  return sequences;
}

/**
 * Per key, how often a delivery arrived while the previous one of the same key was still waiting for
 * its answer: with ordering, never.
 */
export function overlapsOf(sink: Sink, keys: number): number[] {
  const overlaps = Array.from({ length: keys }, () => 0);
  const lastAnswered = new Map<number, number | undefined>();
  for (const request of sink.received) {
    const key = Number(/"order":"C(\d+)-/.exec(request.body)?.[1] ?? -1);
    if (key < 0) continue;
    if (lastAnswered.has(key)) {
      const previous = lastAnswered.get(key);
      if (previous === undefined || previous > request.arrivedAt) overlaps[key] += 1;
    }
    lastAnswered.set(key, request.answeredAt);
  }
  return overlaps;
}

/** A run delivered but not recorded before a crash runs again: collapse such immediate repeats. */
export function withoutRepeats(sequence: number[]): number[] {
  return sequence.filter((n, i) => i === 0 || sequence[i - 1] !== n);
}
