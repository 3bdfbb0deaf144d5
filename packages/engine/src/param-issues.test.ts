import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatParamIssue, isUnderTemplate, toParamIssue, valueAt } from './param-issues';

function issuesOf(schema: z.ZodType, params: Record<string, unknown>) {
  const parsed = schema.safeParse(params);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => toParamIssue(issue, params));
}

describe('toParamIssue', () => {
  it('says what was expected and what was given', () => {
    const schema = z.object({
      mode: z.enum(['a', 'b']),
      limit: z.union([z.number(), z.boolean()]),
      url: z.string().url(),
      tags: z.array(z.string()),
      strict: z.object({ a: z.number() }).strict(),
    });
    const messages = issuesOf(schema, { mode: 'c', limit: 'x', url: 'nope', tags: {}, strict: { a: 1, extra: 1, more: 2 } });
    expect(messages).toEqual([
      { path: 'mode', param: 'mode', message: 'invalid option: expected one of "a"|"b", got "c"' },
      { path: 'limit', param: 'limit', message: 'expected number or boolean, got "x"' },
      { path: 'url', param: 'url', message: 'invalid URL, got "nope"' },
      { path: 'tags', param: 'tags', message: 'expected array, got an object' },
      { path: 'strict', param: 'strict', message: 'unknown keys "extra", "more"' },
    ]);
  });

  it('shortens long strings and keeps refinements written by the node type', () => {
    const schema = z.object({ text: z.string().refine((s) => s.startsWith('#'), 'must start with #') });
    const [issue] = issuesOf(schema, { text: 'x'.repeat(100) });
    expect(issue.message).toBe(`must start with #`);
    const [long] = issuesOf(z.object({ n: z.number() }), { n: 'y'.repeat(100) });
    expect(long.message).toBe(`expected number, got "${'y'.repeat(57)}..."`);
  });

  it('has no param for issues about params as a whole', () => {
    const [issue] = issuesOf(z.object({ a: z.number().optional() }).refine((p) => p.a !== undefined, 'give a'), {});
    expect(issue).toEqual({ path: '', message: 'give a' });
    expect(formatParamIssue(issue)).toBe('params: give a');
    expect(formatParamIssue({ path: 'a.b', param: 'a', message: 'expected number, got "x"' })).toBe('param "a.b": expected number, got "x"');
  });
});

describe('isUnderTemplate', () => {
  const params = { a: '{{x}}', b: { c: ['plain', 'n: {{y}}'] }, d: 'plain' };
  it('is true at or below a string holding a template', () => {
    expect(isUnderTemplate(params, ['a'])).toBe(true);
    expect(isUnderTemplate(params, ['a', 'deeper', 0])).toBe(true);
    expect(isUnderTemplate(params, ['b', 'c', 1])).toBe(true);
  });
  it('is false elsewhere', () => {
    expect(isUnderTemplate(params, [])).toBe(false);
    expect(isUnderTemplate(params, ['b'])).toBe(false);
    expect(isUnderTemplate(params, ['b', 'c', 0])).toBe(false);
    expect(isUnderTemplate(params, ['d'])).toBe(false);
    expect(isUnderTemplate(params, ['missing'])).toBe(false);
  });
  it('walks paths', () => {
    expect(valueAt(params, ['b', 'c', 0])).toBe('plain');
    expect(valueAt(params, ['d', 'x'])).toBeUndefined();
  });
});
