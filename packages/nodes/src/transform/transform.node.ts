// Builds a new object from templates: each field's key is the output path (dots nest), each value
// was already rendered by the engine, so `{{trigger.body.total}}` arrives as a number.
import { z } from 'zod';
import type { NodeType } from '@hookflow/engine';
import { buildNestedObject } from '../shared/build-nested-object';

export const transformParams = z
  .object({
    fields: z
      .record(z.string().min(1).max(500), z.unknown())
      .meta({
        title: 'Fields',
        description: 'Output field name → value. Dots in a name nest it (customer.email); values may use {{templates}}.',
        examples: [{ 'customer.email': '{{trigger.body.email}}', total: '{{trigger.body.amount}}', source: 'shop' }],
      }),
  })
  .meta({ title: 'Transform', description: 'Shapes data into a new object for the next nodes.' });

export type TransformParams = z.output<typeof transformParams>;

export const transformNode: NodeType<TransformParams> = {
  type: 'transform',
  version: 1,
  label: 'Transform',
  description: 'Builds a new object from fields you name, using values from the trigger and earlier nodes.',
  category: 'Data',
  icon: 'shuffle',
  params: transformParams,
  handles: { inputs: ['main'], outputs: ['main'] },
  async run(_ctx, params) {
    return { output: buildNestedObject({ fields: params.fields, param: 'fields' }) };
  },
};
