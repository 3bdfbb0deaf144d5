// The delay in real flows: where the host parks runs, the run ends "waiting" at the delay with the
// steps so far, and resuming those steps goes on from there as if it had never stopped; elsewhere
// (a test run) the run goes on at once. Bad times are the user's to fix, with the reason.
import { describe, expect, it } from 'vitest';
import { compileFlow, runFlow, testTriggerOutput, type ExecutionResult } from '@hookflow/engine';
import type { FlowDocumentInput, StepRecord } from '@hookflow/flow-model';
import { createBuiltInRegistry } from '../registry';

const registry = createBuiltInRegistry();
const NOW = new Date('2026-12-06T10:00:00.000Z');

function reminder(delay: Record<string, unknown>): FlowDocumentInput {
  return {
    name: 'reminder',
    nodes: [
      { id: 'hook', type: 'webhook', params: { method: 'POST' } },
      {
        id: 'route',
        type: 'switch',
        params: {
          mode: 'all',
          rules: [
            { output: 'now', conditions: [{ left: '{{trigger.body.id}}', op: 'exists' }] },
            { output: 'later', conditions: [{ left: '{{trigger.body.id}}', op: 'exists' }] },
          ],
        },
      },
      { id: 'ack', type: 'transform', params: { fields: { ack: 'got {{trigger.body.id}}' } } },
      { id: 'wait', type: 'delay', params: delay },
      { id: 'remind', type: 'transform', params: { fields: { text: 'remember {{trigger.body.id}}', until: '{{nodes.wait.until}}' } } },
      { id: 'join', type: 'merge', params: {} },
    ],
    edges: [
      { id: 'e1', source: 'hook', target: 'route' },
      { id: 'e2', source: 'route', target: 'ack', sourceHandle: 'now' },
      { id: 'e3', source: 'route', target: 'wait', sourceHandle: 'later' },
      { id: 'e4', source: 'wait', target: 'remind' },
      { id: 'e5', source: 'ack', target: 'join' },
      { id: 'e6', source: 'remind', target: 'join' },
    ],
  };
}

async function start(delay: Record<string, unknown>, options: { park?: boolean; body?: unknown; resume?: readonly StepRecord[]; now?: Date } = {}): Promise<ExecutionResult> {
  const compiled = compileFlow({ flow: reminder(delay), registry });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  const now = options.now ?? NOW;
  return runFlow({
    compiled: compiled.value,
    flow: { id: 'f1', name: 'reminder' },
    trigger: testTriggerOutput({ body: options.body ?? { id: 'A-1' } }),
    services: { now: () => now },
    park: options.park ?? true,
    ...(options.resume ? { resume: { steps: options.resume } } : {}),
  });
}

const ran = (result: ExecutionResult) => result.steps.map((step) => `${step.nodeId}:${step.status}`);

describe('delay', () => {
  it('parks the run at the delay with the steps so far and the time to go on', async () => {
    const result = await start({ amount: 2, unit: 'hours' });
    expect(result.status).toBe('waiting');
    expect(result.resumeAt).toBe('2026-12-06T12:00:00.000Z');
    expect(ran(result)).toEqual(['hook:success', 'route:success', 'ack:success', 'wait:waiting']);
    expect(result.steps[3]).toMatchObject({ output: { until: '2026-12-06T12:00:00.000Z' }, resumeAt: '2026-12-06T12:00:00.000Z' });
  });

  it('resumes from the stored steps: the waiting step ends and the nodes after it run with what ran before', async () => {
    const parked = await start({ amount: 2, unit: 'hours' });
    // As stored: plain JSON, nothing shared with the first run.
    const stored = JSON.parse(JSON.stringify(parked.steps)) as StepRecord[];
    const seen: string[] = [];
    const compiled = compileFlow({ flow: reminder({ amount: 2, unit: 'hours' }), registry });
    if (!compiled.ok) throw new Error('does not compile');
    const result = await runFlow({
      compiled: compiled.value,
      flow: { id: 'f1', name: 'reminder' },
      trigger: testTriggerOutput({ body: { id: 'A-1' } }),
      services: { now: () => new Date('2026-12-06T12:00:01.000Z') },
      park: true,
      resume: { steps: stored },
      onStep: (step) => seen.push(`${step.nodeId}:${step.status}`),
    });
    expect(result.status).toBe('success');
    expect(ran(result)).toEqual(['hook:success', 'route:success', 'ack:success', 'wait:success', 'remind:success', 'join:success']);
    expect(seen).toEqual(['wait:success', 'remind:success', 'join:success']);
    expect(result.steps[3]).not.toHaveProperty('resumeAt');
    expect(result.steps[4].output).toEqual({ text: 'remember A-1', until: '2026-12-06T12:00:00.000Z' });
    expect(Object.keys(result.steps[5].output as object)).toEqual(['ack', 'remind']);
  });

  it('waits until a time read from the data, and goes on at once when that time is past', async () => {
    const until = { mode: 'until', until: '{{trigger.body.remindAt}}' };
    const later = await start(until, { body: { id: 'A-1', remindAt: '2026-12-24T09:00:00+01:00' } });
    expect(later).toMatchObject({ status: 'waiting', resumeAt: '2026-12-24T08:00:00.000Z' });
    const past = await start(until, { body: { id: 'A-1', remindAt: '2026-12-01T09:00:00Z' } });
    expect(past.status).toBe('success');
    expect(ran(past)).toContain('remind:success');
  });

  it('goes on at once where runs are not parked (a test run), saying until when it would have waited', async () => {
    const result = await start({ amount: 3, unit: 'days' }, { park: false });
    expect(result.status).toBe('success');
    expect(result.steps.find((step) => step.nodeId === 'wait')).toMatchObject({ status: 'success', output: { until: '2026-12-09T10:00:00.000Z' } });
  });

  it('refuses more than 30 days, and a time it cannot read, naming the param', async () => {
    const compiled = compileFlow({ flow: reminder({ amount: 31, unit: 'days' }), registry });
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(JSON.stringify(compiled.errors)).toContain('at most 30 days');

    const unreadable = await start({ mode: 'until', until: '{{trigger.body.remindAt}}' }, { body: { id: 'A-1', remindAt: 'next tuesday' } });
    expect(unreadable.status).toBe('error');
    expect(unreadable.error).toMatchObject({ nodeId: 'wait', kind: 'config', param: 'until' });
    expect(unreadable.error?.message).toContain('"next tuesday" is not a date and time');

    const tooFar = await start({ mode: 'until', until: '2027-06-01T00:00:00Z' });
    expect(tooFar.error?.message).toContain('more than 30 days away');
  });

  it('refuses to resume steps of nodes the flow version does not have', async () => {
    const result = await start({ amount: 1, unit: 'hours' }, { resume: [{ nodeId: 'gone', nodeType: 'transform', status: 'success', attempts: 1, startedAt: NOW.toISOString(), durationMs: 1 }] });
    expect(result).toMatchObject({ status: 'error', error: { nodeId: 'gone', message: expect.stringContaining('cannot resume') } });
  });
});
