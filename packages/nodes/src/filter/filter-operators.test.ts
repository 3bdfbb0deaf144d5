import { describe, expect, it } from 'vitest';
import { NodeConfigError } from '@hookflow/engine';
import { evaluateCondition, FILTER_OPERATORS, type FilterOperator, REGEX_INPUT_LIMIT, toNumber } from './filter-operators';

const check = (left: unknown, op: FilterOperator, right?: unknown, ignoreCase = false) =>
  evaluateCondition({ left, op, right, ignoreCase, param: 'conditions.0.right' });

type Row = [left: unknown, right: unknown, expected: boolean];

const cases: Record<FilterOperator, Row[]> = {
  eq: [
    ['paid', 'paid', true],
    ['paid', 'Paid', false],
    [10, '10', true],
    ['10.0', 10, true],
    [' 7 ', 7, true],
    [true, 'true', true],
    [null, undefined, true],
    [null, '', false],
    [{ a: [1, 2] }, { a: [1, 2] }, true],
    [{ a: 1 }, { a: 2 }, false],
  ],
  ne: [
    ['paid', 'open', true],
    [5, '5', false],
    [[1], [1], false],
  ],
  gt: [
    [10, 9, true],
    ['10', '9', true], // numeric strings compare as numbers, not text ("10" < "9" as text)
    [9, 9, false],
    ['b', 'a', true],
    ['2024-05-02T00:00:00Z', '2024-05-01T23:59:59Z', true],
    [undefined, 1, false],
    ['abc', 1, false],
  ],
  gte: [
    [9, '9', true],
    [8, 9, false],
    ['a', 'a', true],
  ],
  lt: [
    ['9', '10', true],
    [-1, 0, true],
    [1, 1, false],
    [null, 5, false],
  ],
  lte: [
    [1, 1, true],
    ['1e3', 999, false],
    ['apple', 'banana', true],
  ],
  contains: [
    ['order shipped', 'ship', true],
    ['order shipped', 'lost', false],
    [['vip', 'new'], 'vip', true],
    [[1, 2, 3], '2', true],
    [['vip'], 'v', false],
    [12345, 234, true],
    [undefined, 'x', false],
  ],
  notContains: [
    ['order shipped', 'lost', true],
    [['vip', 'new'], 'vip', false],
    ['abc', 'b', false],
  ],
  startsWith: [
    ['ORD-123', 'ORD-', true],
    ['ORD-123', 'ord-', false],
    [12345, 12, true],
    [undefined, '', false],
  ],
  endsWith: [
    ['invoice.pdf', '.pdf', true],
    ['invoice.pdf', '.png', false],
  ],
  exists: [
    ['', undefined, true],
    [0, undefined, true],
    [false, undefined, true],
    [null, undefined, false],
    [undefined, undefined, false],
  ],
  notExists: [
    [undefined, undefined, true],
    [null, undefined, true],
    ['x', undefined, false],
  ],
  isEmpty: [
    ['', undefined, true],
    ['   ', undefined, true],
    [[], undefined, true],
    [{}, undefined, true],
    [null, undefined, true],
    [undefined, undefined, true],
    [0, undefined, false],
    ['x', undefined, false],
    [[0], undefined, false],
  ],
  isNotEmpty: [
    ['x', undefined, true],
    [{ a: 1 }, undefined, true],
    ['', undefined, false],
  ],
  regex: [
    ['ORD-123', '^ORD-\\d+$', true],
    ['ORD-12a', '^ORD-\\d+$', false],
    [42, '^4', true],
    [{ a: 1 }, '.', false],
  ],
};

describe('filter operators', () => {
  it('has a table row for every operator', () => {
    expect(Object.keys(cases).sort()).toEqual([...FILTER_OPERATORS].sort());
  });

  for (const op of FILTER_OPERATORS) {
    it.each(cases[op])(`${op}: %j vs %j → %s`, (left, right, expected) => {
      expect(check(left, op, right)).toBe(expected);
    });
  }

  it('ignores case on text when asked', () => {
    expect(check('PAID', 'eq', 'paid', true)).toBe(true);
    expect(check('Order Shipped', 'contains', 'SHIPPED', true)).toBe(true);
    expect(check(['VIP'], 'contains', 'vip', true)).toBe(true);
    expect(check('ORD-1', 'startsWith', 'ord', true)).toBe(true);
    expect(check('a.PDF', 'endsWith', '.pdf', true)).toBe(true);
    expect(check('ABC', 'regex', '^abc$', true)).toBe(true);
    expect(check('ABC', 'regex', '^abc$', false)).toBe(false);
  });

  it('rejects an invalid or missing regex pattern as a config error on the right value', () => {
    for (const pattern of ['(unclosed', '', undefined, 5]) {
      try {
        check('x', 'regex', pattern);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(NodeConfigError);
        expect((err as NodeConfigError).param).toBe('conditions.0.right');
      }
    }
    expect(() => check('x', 'regex', 'a'.repeat(1_001))).toThrow(/longer than/);
  });

  it('matches a regex against the first 10k characters only', () => {
    const long = `${'a'.repeat(REGEX_INPUT_LIMIT)}END`;
    expect(check(long, 'regex', 'END$')).toBe(false);
    expect(check(long, 'regex', '^a+$')).toBe(true);
  });

  it('reads numbers from numbers and numeric text only', () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber(' -4.5 ')).toBe(-4.5);
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('12abc')).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
  });
});
