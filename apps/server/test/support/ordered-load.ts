// Ordered triggers under load: per key, events sent one after another (each after the previous
// one's answer), and what order the sink saw them in.
import { call } from './api';
import { orderFlowTo } from './flows';
import type { Sink } from './sink';

/** The order example with `ordering.key` on the customer's name. */
export function orderedFlowTo(url: string) {
  const flow = orderFlowTo(url);
  const hook = flow.nodes.find((node) => node.type === 'webhook');
  if (!hook) throw new Error('order example has no webhook node');
  hook.params = { ...hook.params, ordering: { key: '{{trigger.body.order.customer.name}}' } };
  return flow;
}

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

export async function activate(base: string, document: unknown): Promise<{ id: string; path: string }> {
  const created = await call<{ id: string }>(base, 'POST', '/api/flows', document);
  const activated = await call<{ triggers: Array<{ url: string }> }>(base, 'POST', `/api/flows/${created.body.id}/activate`);
  if (activated.status !== 200) throw new Error(`not activated: ${JSON.stringify(activated.body)}`);
  return { id: created.body.id, path: new URL(activated.body.triggers[0].url).pathname };
}
