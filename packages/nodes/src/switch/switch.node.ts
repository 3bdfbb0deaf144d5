// Routes the flow many ways: ordered rules, each with the filter's conditions and an output of its
// own name, plus "fallback" when none matches. Mode "first" takes the first matching rule only;
// "all" takes every matching rule, so several branches run (join them again with a merge).
import { z } from 'zod';
import { ERROR_HANDLE } from '@hookflow/flow-model';
import type { NodeType } from '@hookflow/engine';
import { checkConditions, conditionSchema, type ConditionResult } from '../filter/filter.node';

export const SWITCH_FALLBACK = 'fallback';
const OUTPUT_NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$/;

const ruleSchema = z
  .object({
    output: z
      .string()
      .trim()
      .regex(OUTPUT_NAME, 'use 1-40 letters, digits, spaces, "_" or "-", starting with a letter or digit')
      .meta({ title: 'Output name', description: 'The name of this rule’s output on the canvas, e.g. "paid" or "refunded".', examples: ['paid'] }),
    match: z
      .enum(['all', 'any'])
      .default('all')
      .meta({ title: 'Matches when', description: '"all": every condition must hold; "any": at least one.', 'x-enum-labels': { all: 'all conditions hold', any: 'any condition holds' } }),
    conditions: z.array(conditionSchema).min(1, 'add at least one condition').max(50).meta({ title: 'Conditions', description: 'The checks this rule makes.' }),
  })
  .meta({ title: 'Rule' });

export const switchParams = z
  .object({
    mode: z
      .enum(['first', 'all'])
      .default('first')
      .meta({
        title: 'Send to',
        description: '"first": only the first rule that matches (in order). "all": every rule that matches.',
        'x-enum-labels': { first: 'the first matching rule', all: 'every matching rule' },
      }),
    rules: z
      .array(ruleSchema)
      .min(1, 'add at least one rule')
      .max(25)
      .meta({
        title: 'Rules',
        description: 'Checked in order. Each matching rule sends the event to its output; with none, it goes to "fallback".',
        examples: [[{ output: 'paid', conditions: [{ left: '{{trigger.body.type}}', op: 'eq', right: 'order.paid' }] }]],
      }),
  })
  .superRefine((params, ctx) => {
    const seen = new Map<string, number>();
    params.rules.forEach((rule, index) => {
      const name = rule.output;
      if (name === SWITCH_FALLBACK || name === ERROR_HANDLE) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'output'], message: `"${name}" is taken by the switch itself; choose another name` });
      } else if (seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'output'], message: `rule ${(seen.get(name) ?? 0) + 1} already uses the name "${name}"; each rule needs its own` });
      } else seen.set(name, index);
    });
  })
  .meta({ title: 'Switch', description: 'Sends the event down the output of the rule it matches, or "fallback".' });

export type SwitchParams = z.output<typeof switchParams>;

export interface SwitchOutput {
  /** The outputs the event went to, in rule order ("fallback" when no rule matched). */
  matched: string[];
  rules: Array<{ output: string; passed: boolean; results: ConditionResult[] }>;
}

export const switchNode: NodeType<SwitchParams> = {
  type: 'switch',
  version: 1,
  label: 'Switch',
  description: 'Routes each event by rules, one named output per rule plus "fallback"; can send it down several at once.',
  category: 'Flow',
  icon: 'switch',
  params: switchParams,
  handles: { inputs: ['main'], outputs: [SWITCH_FALLBACK], namedOutputs: { param: 'rules', key: 'output' } },
  async run(_ctx, params) {
    const rules: SwitchOutput['rules'] = [];
    const matched: string[] = [];
    for (const [index, rule] of params.rules.entries()) {
      // In mode "first", rules after the first match are not evaluated (as n8n does): no regex runs for nothing.
      if (params.mode === 'first' && matched.length > 0) break;
      const checked = checkConditions({ conditions: rule.conditions, match: rule.match, paramPrefix: `rules.${index}.conditions` });
      rules.push({ output: rule.output, ...checked });
      if (checked.passed) matched.push(rule.output);
    }
    if (matched.length === 0) matched.push(SWITCH_FALLBACK);
    const output: SwitchOutput = { matched, rules };
    return { output, handles: matched };
  },
};
