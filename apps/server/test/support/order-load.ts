// Sends order events to trigger URLs with bounded concurrency and keeps every answer, and reads
// back what a sink received, for tests that count what was lost or run twice.
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
