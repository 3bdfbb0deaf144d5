import { describe, expect, it } from 'vitest';
import { runNodeInFlow } from '@hookflow/engine';
import type { FilterOperator } from './filter-operators';
import { filterNode } from './filter.node';

const trigger = {
  body: {
    status: 'paid',
    total: 150,
    totalText: '150',
    code: '9',
    tags: ['vip', 'new'],
    note: 'Order shipped to Lyon',
    orderId: 'ORD-2041',
    file: 'invoice.pdf',
    empty: '',
    items: [],
  },
};

async function runFilter(params: Record<string, unknown>) {
  const { step, result } = await runNodeInFlow({ nodeType: filterNode, params, trigger });
  return { step, result };
}

/** One passing and one failing condition per operator, each read from the trigger through a template. */
const perOperator: Array<[FilterOperator, string, unknown, unknown]> = [
  ['eq', '{{trigger.body.status}}', 'paid', 'open'],
  ['ne', '{{trigger.body.status}}', 'open', 'paid'],
  ['gt', '{{trigger.body.total}}', 99, 150],
  ['gte', '{{trigger.body.total}}', '150', 151],
  ['lt', '{{trigger.body.code}}', '10', '8'],
  ['lte', '{{trigger.body.totalText}}', 150, 149.5],
  ['contains', '{{trigger.body.tags}}', 'vip', 'gold'],
  ['notContains', '{{trigger.body.note}}', 'Paris', 'Lyon'],
  ['startsWith', '{{trigger.body.orderId}}', 'ORD-', 'INV-'],
  ['endsWith', '{{trigger.body.file}}', '.pdf', '.png'],
  ['regex', '{{trigger.body.orderId}}', '^ORD-\\d{4}$', '^ORD-\\d{2}$'],
];

describe('filter node', () => {
  it.each(perOperator)('%s: continues on "true" or "false" with a result per condition', async (op, left, passing, failing) => {
    const pass = await runFilter({ conditions: [{ left, op, right: passing }] });
    expect(pass.step.status).toBe('success');
    expect(pass.step.handle).toBe('true');
    expect(pass.step.output).toMatchObject({ passed: true, results: [{ op, right: passing, passed: true }] });

    const fail = await runFilter({ conditions: [{ left, op, right: failing }] });
    expect(fail.step.handle).toBe('false');
    expect(fail.step.output).toMatchObject({ passed: false, results: [{ op, right: failing, passed: false }] });
  });

  it.each<[FilterOperator, string, boolean]>([
    ['exists', '{{trigger.body.status}}', true],
    ['exists', '{{trigger.body.missing}}', false],
    ['notExists', '{{trigger.body.missing}}', true],
    ['notExists', '{{trigger.body.empty}}', false],
    ['isEmpty', '{{trigger.body.empty}}', true],
    ['isEmpty', '{{trigger.body.items}}', true],
    ['isEmpty', '{{trigger.body.tags}}', false],
    ['isNotEmpty', '{{trigger.body.tags}}', true],
  ])('%s on %s → %s', async (op, left, expected) => {
    const { step } = await runFilter({ conditions: [{ left, op }] });
    expect(step.handle).toBe(String(expected));
    expect(step.output).toMatchObject({ passed: expected, results: [{ op, passed: expected }] });
    const [result] = (step.output as { results: object[] }).results;
    expect(result).not.toHaveProperty('right');
  });

  it('compares numbers and numeric text as numbers, other text as text', async () => {
    const numeric = await runFilter({ conditions: [{ left: '{{trigger.body.totalText}}', op: 'gt', right: '99' }] });
    expect(numeric.step.handle).toBe('true'); // "150" > "99" as numbers, though not as text
    const text = await runFilter({ conditions: [{ left: 'apple', op: 'lt', right: 'banana' }] });
    expect(text.step.handle).toBe('true');
    const mixed = await runFilter({ conditions: [{ left: '{{trigger.body.total}}', op: 'eq', right: '150.0' }] });
    expect(mixed.step.handle).toBe('true');
  });

  it('with match "all" needs every condition and reports each one', async () => {
    const { step } = await runFilter({
      match: 'all',
      conditions: [
        { left: '{{trigger.body.status}}', op: 'eq', right: 'paid' },
        { left: '{{trigger.body.total}}', op: 'gt', right: 500 },
      ],
    });
    expect(step.handle).toBe('false');
    expect(step.output).toEqual({
      passed: false,
      results: [
        { left: 'paid', op: 'eq', right: 'paid', passed: true },
        { left: 150, op: 'gt', right: 500, passed: false },
      ],
    });
  });

  it('with match "any" needs one condition', async () => {
    const conditions = [
      { left: '{{trigger.body.status}}', op: 'eq', right: 'refunded' },
      { left: '{{trigger.body.tags}}', op: 'contains', right: 'vip' },
    ];
    expect((await runFilter({ match: 'any', conditions })).step.handle).toBe('true');
    expect((await runFilter({ match: 'all', conditions })).step.handle).toBe('false');
    const none = await runFilter({ match: 'any', conditions: [conditions[0]] });
    expect(none.step.handle).toBe('false');
  });

  it('defaults to match "all"', async () => {
    const conditions = [
      { left: 1, op: 'eq', right: 1 },
      { left: 1, op: 'eq', right: 2 },
    ];
    expect((await runFilter({ conditions })).step.handle).toBe('false');
  });

  it('ignores case when a condition asks for it', async () => {
    const { step } = await runFilter({ conditions: [{ left: '{{trigger.body.status}}', op: 'eq', right: 'PAID', ignoreCase: true }] });
    expect(step.handle).toBe('true');
  });

  it('turns an invalid regex into a config error on that condition', async () => {
    const { step } = await runFilter({
      conditions: [
        { left: 'x', op: 'eq', right: 'x' },
        { left: '{{trigger.body.orderId}}', op: 'regex', right: '([unclosed' },
      ],
    });
    expect(step.status).toBe('error');
    expect(step.error).toMatchObject({ kind: 'config', param: 'conditions.1.right', retryable: false });
    expect(step.error?.message).toMatch(/Invalid regex/);
  });

  it('tests a regex on a bounded slice of long input', async () => {
    const huge = `${'a'.repeat(50_000)}!`;
    const { step } = await runNodeInFlow({
      nodeType: filterNode,
      trigger: { body: { huge } },
      params: { conditions: [{ left: '{{trigger.body.huge}}', op: 'regex', right: '!$' }] },
    });
    expect(step.handle).toBe('false');
  });
});
