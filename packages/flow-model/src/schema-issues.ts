// Turns zod's issues about a flow document into ValidationIssues a flow author can read: a dotted
// path, the node or edge they belong to, and plain words instead of type names.
import type { z } from 'zod';
import { edgeLabel, nodeLabel, topLevelParam } from './flow-labels';
import { isRecord } from './template-values';
import type { ValidationIssue } from './validation-error';

type ZodIssue = z.core.$ZodIssue;

export function schemaIssues(issues: readonly ZodIssue[], input: unknown): ValidationIssue[] {
  return issues.map((issue) => schemaIssue(issue, input));
}

function schemaIssue(issue: ZodIssue, input: unknown): ValidationIssue {
  const segments = issue.path.map(String);
  const path = segments.join('.');
  const problem = describeProblem(issue, valueAt(input, segments));
  const [collection, index, ...rest] = segments;
  const item = collection === 'nodes' || collection === 'edges' ? itemAt(input, collection, Number(index)) : undefined;
  if (collection === 'nodes' && index !== undefined) {
    const id = typeof item?.id === 'string' ? item.id : undefined;
    const where = rest.length > 0 ? `field "${rest.join('.')}"` : 'the node';
    const param = rest[0] === 'params' && rest.length > 1 ? topLevelParam(rest.slice(1).join('.')) : undefined;
    const label = id === undefined ? `Node #${Number(index) + 1}` : nodeLabel({ id, type: stringField(item, 'type'), name: stringField(item, 'name') });
    return withoutUndefined({ path, message: `${label}: ${where} ${problem}`, nodeId: id, param });
  }
  if (collection === 'edges' && index !== undefined) {
    const id = stringField(item, 'id');
    const source = stringField(item, 'source');
    const target = stringField(item, 'target');
    const label = id && source && target ? edgeLabel({ id, source, target }) : id ? `Edge "${id}"` : `Edge #${Number(index) + 1}`;
    const where = rest.length > 0 ? `field "${rest.join('.')}"` : 'the edge';
    return { path, message: `${label}: ${where} ${problem}` };
  }
  if (path === '') return { path, message: `The flow document ${problem}` };
  return { path, message: `The flow's field "${path}" ${problem}` };
}

function describeProblem(issue: ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)$/.exec(issue.message)?.[1];
    if (received === 'undefined') return 'is required';
    if (issue.expected === 'int' && received === 'number') return 'must be a whole number';
    return `must be ${typeWords(issue.expected)}${received ? `, not ${typeWords(received)}` : ''}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1 && issue.message.startsWith('Too small')) {
    return 'must not be empty';
  }
  // Said with both numbers: a long name pasted into a form is refused, never cut to fit.
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const length = typeof value === 'string' ? ` (this one has ${value.trim().length})` : '';
    return `is too long: at most ${String(issue.maximum)} characters are allowed${length}`;
  }
  return `is not valid: ${issue.message.replace(/^Invalid (input|string): /, '')}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  nan: 'not a number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  null: 'null',
};

function typeWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

function valueAt(input: unknown, segments: readonly string[]): unknown {
  let value = input;
  for (const segment of segments) value = isRecord(value) || Array.isArray(value) ? Reflect.get(value, segment) : undefined;
  return value;
}

function itemAt(input: unknown, collection: string, index: number): Record<string, unknown> | undefined {
  const list = isRecord(input) ? input[collection] : undefined;
  const item: unknown = Array.isArray(list) ? list[index] : undefined;
  return isRecord(item) ? item : undefined;
}

function stringField(item: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = item?.[key];
  return typeof value === 'string' ? value : undefined;
}

function withoutUndefined(issue: ValidationIssue): ValidationIssue {
  const { nodeId, param, ...rest } = issue;
  return { ...rest, ...(nodeId === undefined ? {} : { nodeId }), ...(param === undefined ? {} : { param }) };
}
