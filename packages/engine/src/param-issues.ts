// Turns zod issues about a node's params into ValidationIssues a person can act on: the path
// relative to params, the top-level param, and what was expected against what was given.
import type { z } from 'zod';
import type { ValidationIssue } from '@hookflow/flow-model';

type ZodIssue = z.core.$ZodIssue;

export function toParamIssue(issue: ZodIssue, params: unknown): ValidationIssue {
  const path = issue.path.map(String).join('.');
  const value = valueAt(params, issue.path);
  const result: ValidationIssue = { path, message: describeIssue(issue, value) };
  if (issue.path.length > 0) result.param = String(issue.path[0]);
  return result;
}

/** `param "timeoutMs": expected number, got "abc"`: the issue as one line for a step error. */
export function formatParamIssue(issue: ValidationIssue): string {
  return issue.path === '' ? `params: ${issue.message}` : `param "${issue.path}": ${issue.message}`;
}

/** True when a template sits at the issue's path or above it: its type is only known after rendering. */
export function isUnderTemplate(params: unknown, path: readonly PropertyKey[]): boolean {
  let current = params;
  for (let i = 0; i <= path.length; i++) {
    if (typeof current === 'string') return current.includes('{{');
    if (i === path.length || !isIndexable(current)) return false;
    current = current[String(path[i])];
  }
  return false;
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (!isIndexable(current)) return undefined;
    current = current[String(key)];
  }
  return current;
}

function describeIssue(issue: ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value !== undefined) return `expected ${issue.expected}, got ${preview(value)}`;
      return 'is required';
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union': {
      const expected = unionExpectations(issue);
      return expected ? `expected ${expected}, got ${preview(value)}` : `${lowerFirst(issue.message)}, got ${preview(value)}`;
    }
    case 'invalid_value':
    case 'invalid_format':
    case 'too_big':
    case 'too_small':
    case 'not_multiple_of':
      return `${lowerFirst(issue.message)}, got ${preview(value)}`;
    default:
      return lowerFirst(issue.message);
  }
}

/** "number or boolean" when every branch of the union failed on the value's type alone. */
function unionExpectations(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  const expected: string[] = [];
  for (const branch of issue.errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (!only || only.code !== 'invalid_type' || only.path.length > 0) return undefined;
    if (!expected.includes(only.expected)) expected.push(only.expected);
  }
  return expected.length > 0 ? expected.join(' or ') : undefined;
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null || typeof value !== 'object') return String(value);
  return 'an object';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function isIndexable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
