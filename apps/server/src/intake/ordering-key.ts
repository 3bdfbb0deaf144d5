// The ordering key of an event: the trigger's `ordering.key` template rendered against the event
// (`{{trigger.body.customer.id}}`). Empty, missing or unrenderable means the event runs unordered;
// keys longer than a column holds are kept as their SHA-256, which orders the same.
import { createHash } from 'node:crypto';
import { cachedTemplate, type TriggerOutput } from '@hookflow/flow-model';
import type { WebhookOrderingParams } from '@hookflow/nodes';

const MAX_KEY_LENGTH = 200;

export function orderingKeyOf(ordering: WebhookOrderingParams | undefined, trigger: TriggerOutput, flowId: string): string | null {
  if (!ordering) return null;
  let value: unknown;
  try {
    value = cachedTemplate(ordering.key).render({ trigger, nodes: {}, flow: { id: flowId, name: '' } });
  } catch {
    return null;
  }
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  if (text === '') return null;
  return text.length > MAX_KEY_LENGTH ? `sha256:${createHash('sha256').update(text).digest('hex')}` : text;
}
