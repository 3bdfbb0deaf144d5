// Joins branches again: runs once, after every branch leading into it has finished or was passed
// by, and outputs what the branches that ran gave it. The engine gives it those outputs (ctx.inputs)
// because the node type says it joins; validation wants two or more paths into it.
import { z } from 'zod';
import type { NodeType } from '@hookflow/engine';

export const mergeParams = z
  .object({
    mode: z
      .enum(['object', 'append'])
      .default('object')
      .meta({
        title: 'Combine as',
        description:
          '"object": one object with each branch’s output under the id of the node it came from. "append": one list, the branches’ outputs one after another (lists are spread).',
        'x-enum-labels': { object: 'an object keyed by node id', append: 'one list (append)' },
      }),
  })
  .meta({ title: 'Merge', description: 'Waits for the branches before it and combines what they output.' });

export type MergeParams = z.output<typeof mergeParams>;

export const mergeNode: NodeType<MergeParams> = {
  type: 'merge',
  version: 1,
  label: 'Merge',
  description: 'Joins branches: runs once after all of them, with the outputs of those that ran.',
  category: 'Flow',
  icon: 'merge',
  params: mergeParams,
  handles: { inputs: ['main'], outputs: ['main'] },
  joins: true,
  async run(ctx, params) {
    const inputs = ctx.inputs ?? {};
    if (params.mode === 'append') return { output: Object.values(inputs).flatMap((value) => (Array.isArray(value) ? value : [value])) };
    return { output: { ...inputs } };
  },
};
