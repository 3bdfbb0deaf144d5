// The order example behind a webhook with trigger checks (auth, dedupe, ...), activated, plus
// readers for what intake recorded.
import { call } from './api';
import { orderFlowTo } from './flows';

export interface ActiveFlow {
  id: string;
  /** Path of the trigger URL, e.g. /hooks/<key>/orders. */
  path: string;
}

export interface RecordedEvent {
  id: string;
  status: string;
  reason: string | null;
  httpStatus: number;
  headers: Record<string, string>;
}

export async function activeOrderFlow(base: string, sinkUrl: string, webhook: Record<string, unknown>): Promise<ActiveFlow> {
  const flow = orderFlowTo(`${sinkUrl}/orders`);
  const hook = flow.nodes.find((node) => node.type === 'webhook');
  if (!hook) throw new Error('order example has no webhook node');
  hook.params = { method: 'POST', path: 'orders', ...webhook };
  const created = await call<{ id: string; errors?: unknown }>(base, 'POST', '/api/flows', flow);
  if (created.status !== 201 && created.status !== 200) throw new Error(`flow not created: ${JSON.stringify(created.body)}`);
  const activated = await call<{ triggers: Array<{ url: string }> }>(base, 'POST', `/api/flows/${created.body.id}/activate`);
  if (activated.status !== 200) throw new Error(`flow not activated: ${JSON.stringify(activated.body)}`);
  return { id: created.body.id, path: new URL(activated.body.triggers[0].url).pathname };
}

export async function eventsOf(base: string, flowId: string, status?: string): Promise<RecordedEvent[]> {
  const query = status ? `&status=${status}` : '';
  const answer = await call<{ items: RecordedEvent[] }>(base, 'GET', `/api/events?flowId=${flowId}&limit=100${query}`);
  return answer.body.items;
}

/** Rejections are recorded after the answer is sent; wait until the count is reached. */
export async function waitForEvents(base: string, flowId: string, status: string, count: number): Promise<RecordedEvent[]> {
  for (let i = 0; i < 100; i += 1) {
    const events = await eventsOf(base, flowId, status);
    if (events.length >= count) return events;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} ${status} events recorded`);
}
