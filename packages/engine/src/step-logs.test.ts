import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NodeRuntimeError } from './node-errors';
import type { NodeType } from './node-type';
import { runNodeInFlow } from './test-harness';

const printing: NodeType<{ fail: boolean }> = {
  type: 'printing',
  version: 1,
  label: 'Printing',
  description: 'Prints a line, then succeeds or fails.',
  category: 'Data',
  icon: 'code',
  params: z.object({ fail: z.boolean() }),
  handles: { inputs: ['main'], outputs: ['main'] },
  async run(_ctx, params) {
    if (params.fail) throw new NodeRuntimeError('broke', { logs: ['before breaking'] });
    return { output: 1, logs: ['all good'] };
  },
};

describe('step logs', () => {
  it('keeps the lines a node printed on its step, whether it succeeded or failed', async () => {
    expect((await runNodeInFlow({ nodeType: printing, params: { fail: false } })).step).toMatchObject({ status: 'success', logs: ['all good'] });
    expect((await runNodeInFlow({ nodeType: printing, params: { fail: true } })).step).toMatchObject({ status: 'error', logs: ['before breaking'] });
  });

  it('adds no logs field to the steps of nodes that print nothing', async () => {
    const { result } = await runNodeInFlow({ nodeType: printing, params: { fail: false } });
    expect('logs' in result.steps[0]).toBe(false);
  });
});
