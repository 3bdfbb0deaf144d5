import { describe, expect, it } from 'vitest';
import { runNodeInFlow } from '@hookflow/engine';
import { webhookNode, webhookParams } from './webhook.node';

describe('webhook node', () => {
  it('hands the trigger output on as its own output', async () => {
    const trigger = {
      body: { order: { id: 7 } },
      query: { source: 'shop' },
      headers: { 'content-type': 'application/json' },
      method: 'POST',
      receivedAt: '2025-03-01T10:00:00.000Z',
      eventId: 'evt_1',
    };
    const { result, step } = await runNodeInFlow({ nodeType: webhookNode, params: { method: 'POST', path: 'orders/created' }, trigger });
    expect(step.status).toBe('success');
    expect(step.handle).toBe('main');
    expect(step.output).toEqual(trigger);
    expect(result.status).toBe('success');
  });

  it('defaults the method to POST, the answer to 202 at once (30 s when waiting), duplicate protection to auto, and leaves the path optional', () => {
    expect(webhookParams.parse({})).toEqual({ method: 'POST', respond: 'accepted', responseTimeoutMs: 30_000, dedupe: { preset: 'auto', retentionSeconds: 604_800 } });
  });

  it.each(['orders/created', 'github-push_v2', 'a.b~c', ''])('accepts the readable path "%s"', (path) => {
    expect(webhookParams.safeParse({ path }).success).toBe(true);
  });

  it.each(['has space', '../../etc?x=1', 'café', 'a'.repeat(201), '<script>'])('refuses the path "%s"', (path) => {
    expect(webhookParams.safeParse({ path }).success).toBe(false);
  });

  it('refuses methods it does not offer', () => {
    expect(webhookParams.safeParse({ method: 'TRACE' }).success).toBe(false);
  });

  it('is a trigger with no inputs and one output', () => {
    expect(webhookNode.trigger).toBe(true);
    expect(webhookNode.handles).toEqual({ inputs: [], outputs: ['main'] });
  });
});
