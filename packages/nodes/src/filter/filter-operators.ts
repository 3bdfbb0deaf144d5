// How filter conditions compare values. Templates hand over JSON values or strings, so a number
// typed into the editor ("10") and a number from the payload (10) must compare as numbers; other
// primitives compare as text. Regex input is bounded because the pattern is user-supplied.
import { NodeConfigError } from '@hookflow/engine';
import { isPlainObject } from '../shared/build-nested-object';

export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'exists',
  'notExists',
  'isEmpty',
  'isNotEmpty',
  'regex',
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** What the editor shows for each operator: words for people who do not read code; the stored value stays. */
export const FILTER_OPERATOR_LABELS: Record<FilterOperator, string> = {
  eq: 'equals',
  ne: 'does not equal',
  gt: 'is greater than',
  gte: 'is greater than or equal to',
  lt: 'is less than',
  lte: 'is less than or equal to',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  endsWith: 'ends with',
  exists: 'exists',
  notExists: 'does not exist',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
  regex: 'matches the pattern (regex)',
};

/** Operators that look only at the left value. */
export const UNARY_OPERATORS: ReadonlySet<FilterOperator> = new Set(['exists', 'notExists', 'isEmpty', 'isNotEmpty']);

/** Only this much of the left value is matched against a regex (guards against slow patterns). */
export const REGEX_INPUT_LIMIT = 10_000;
export const REGEX_PATTERN_LIMIT = 1_000;

export function evaluateCondition(args: { left: unknown; op: FilterOperator; right?: unknown; ignoreCase: boolean; param: string }): boolean {
  const { left, op, right, ignoreCase, param } = args;
  switch (op) {
    case 'eq':
      return looseEquals({ left, right, ignoreCase });
    case 'ne':
      return !looseEquals({ left, right, ignoreCase });
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compareOrdered({ left, right, op });
    case 'contains':
      return contains({ left, right, ignoreCase });
    case 'notContains':
      return !contains({ left, right, ignoreCase });
    case 'startsWith':
      return withTexts({ left, right, ignoreCase }, (l, r) => l.startsWith(r));
    case 'endsWith':
      return withTexts({ left, right, ignoreCase }, (l, r) => l.endsWith(r));
    case 'exists':
      return left !== undefined && left !== null;
    case 'notExists':
      return left === undefined || left === null;
    case 'isEmpty':
      return isEmpty(left);
    case 'isNotEmpty':
      return !isEmpty(left);
    case 'regex':
      return matchesRegex({ left, pattern: right, ignoreCase, param });
  }
}

/** A number, or a string holding one ("42", " 4.5 ", "-1e3"); blank strings are not numbers. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

function fold(text: string, ignoreCase: boolean): string {
  return ignoreCase ? text.toLowerCase() : text;
}

function looseEquals({ left, right, ignoreCase }: { left: unknown; right: unknown; ignoreCase: boolean }): boolean {
  const leftNumber = toNumber(left);
  const rightNumber = toNumber(right);
  if (leftNumber !== undefined && rightNumber !== undefined) return leftNumber === rightNumber;
  const leftText = toText(left);
  const rightText = toText(right);
  if (leftText !== undefined && rightText !== undefined) return fold(leftText, ignoreCase) === fold(rightText, ignoreCase);
  const leftMissing = left === undefined || left === null;
  const rightMissing = right === undefined || right === null;
  if (leftMissing || rightMissing) return leftMissing && rightMissing;
  return deepEquals(left, right);
}

function deepEquals(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => deepEquals(item, right[i]));
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && deepEquals(left[key], right[key]));
  }
  return false;
}

function compareOrdered({ left, right, op }: { left: unknown; right: unknown; op: 'gt' | 'gte' | 'lt' | 'lte' }): boolean {
  const leftNumber = toNumber(left);
  const rightNumber = toNumber(right);
  let order: number;
  if (leftNumber !== undefined && rightNumber !== undefined) {
    order = leftNumber - rightNumber;
  } else if (typeof left === 'string' && typeof right === 'string') {
    // Plain code-point order, so ISO dates ("2024-05-01T...") compare chronologically.
    order = left < right ? -1 : left > right ? 1 : 0;
  } else {
    return false;
  }
  if (op === 'gt') return order > 0;
  if (op === 'gte') return order >= 0;
  if (op === 'lt') return order < 0;
  return order <= 0;
}

function contains({ left, right, ignoreCase }: { left: unknown; right: unknown; ignoreCase: boolean }): boolean {
  if (Array.isArray(left)) return left.some((item) => looseEquals({ left: item, right, ignoreCase }));
  return withTexts({ left, right, ignoreCase }, (l, r) => l.includes(r));
}

function withTexts(args: { left: unknown; right: unknown; ignoreCase: boolean }, test: (left: string, right: string) => boolean): boolean {
  const leftText = toText(args.left);
  const rightText = toText(args.right);
  if (leftText === undefined || rightText === undefined) return false;
  return test(fold(leftText, args.ignoreCase), fold(rightText, args.ignoreCase));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

function matchesRegex(args: { left: unknown; pattern: unknown; ignoreCase: boolean; param: string }): boolean {
  const { left, pattern, ignoreCase, param } = args;
  if (typeof pattern !== 'string' || pattern === '') {
    throw new NodeConfigError('A "matches regex" condition needs a pattern as its right value', { param });
  }
  if (pattern.length > REGEX_PATTERN_LIMIT) {
    throw new NodeConfigError(`The regex pattern is longer than ${REGEX_PATTERN_LIMIT} characters`, { param });
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new NodeConfigError(`Invalid regex pattern: ${reason}`, { param });
  }
  const text = toText(left);
  if (text === undefined) return false;
  return regex.test(text.slice(0, REGEX_INPUT_LIMIT));
}
