// Routes the flow on conditions: the "true" output when they pass, "false" otherwise. When
// nothing is wired to the handle taken, the engine records the execution as filtered.
import { z } from 'zod';
import type { NodeType } from '@hookflow/engine';
import { evaluateCondition, FILTER_OPERATOR_LABELS, FILTER_OPERATORS, type FilterOperator, UNARY_OPERATORS } from './filter-operators';

/** One condition, shared with the switch's rules. */
export const conditionSchema = z
  .object({
    left: z.unknown().meta({
      title: 'Value',
      description: 'The value to test, usually a template such as {{trigger.body.status}}.',
      examples: ['{{trigger.body.status}}', '{{nodes.transform.total}}'],
    }),
    op: z.enum(FILTER_OPERATORS).meta({
      title: 'Operator',
      description: 'How to compare. Numbers (or numeric text) compare as numbers; other values as text.',
      examples: ['eq', 'gt', 'contains'],
      'x-enum-labels': FILTER_OPERATOR_LABELS,
    }),
    right: z
      .unknown()
      .optional()
      .meta({
        title: 'Compare with',
        description: 'The value to compare against; for "regex" a pattern. Not used by exists / isEmpty.',
        examples: ['paid', 100, '^ORD-\\d+$'],
      }),
    ignoreCase: z.boolean().default(false).meta({
      title: 'Ignore case',
      description: 'Treat upper and lower case letters as the same when comparing text.',
      examples: [true],
    }),
  })
  .meta({ title: 'Condition' });

export const filterParams = z
  .object({
    match: z
      .enum(['all', 'any'])
      .default('all')
      .meta({
        title: 'Pass when',
        description: '"all": every condition must hold; "any": at least one.',
        examples: ['all'],
        'x-enum-labels': { all: 'all conditions hold', any: 'any condition holds' },
      }),
    conditions: z
      .array(conditionSchema)
      .min(1, 'add at least one condition')
      .max(50)
      .meta({
        title: 'Conditions',
        description: 'The checks to run on the incoming data.',
        examples: [[{ left: '{{trigger.body.amount}}', op: 'gte', right: 100 }]],
      }),
  })
  .meta({ title: 'Filter', description: 'Continues on "true" when the conditions pass, on "false" otherwise.' });

export type FilterParams = z.output<typeof filterParams>;

export interface ConditionResult {
  left: unknown;
  op: FilterOperator;
  right?: unknown;
  passed: boolean;
}

export interface FilterOutput {
  passed: boolean;
  results: ConditionResult[];
}

export const filterNode: NodeType<FilterParams> = {
  type: 'filter',
  version: 1,
  label: 'Filter',
  description: 'Lets data through only when conditions hold; wire "true" and "false" to different paths.',
  category: 'Flow',
  icon: 'filter',
  params: filterParams,
  handles: { inputs: ['main'], outputs: ['true', 'false'] },
  async run(_ctx, params) {
    const output = checkConditions({ conditions: params.conditions, match: params.match, paramPrefix: 'conditions' });
    return { output, handle: output.passed ? 'true' : 'false' };
  },
};

/** Runs each condition and combines them as `match` says; a bad regex names `<paramPrefix>.<i>.right`. */
export function checkConditions({ conditions, match, paramPrefix }: { conditions: FilterParams['conditions']; match: 'all' | 'any'; paramPrefix: string }): FilterOutput {
  const results = conditions.map((condition, index): ConditionResult => {
    const passed = evaluateCondition({ ...condition, param: `${paramPrefix}.${index}.right` });
    return UNARY_OPERATORS.has(condition.op) ? { left: condition.left, op: condition.op, passed } : { left: condition.left, op: condition.op, right: condition.right, passed };
  });
  return { passed: match === 'all' ? results.every((r) => r.passed) : results.some((r) => r.passed), results };
}
