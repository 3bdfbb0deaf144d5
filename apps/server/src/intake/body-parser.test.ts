// The body limits at their edges: exactly at a limit passes, one past it is a 400 that names it,
// and bodies far past them are refused without exhausting the stack.
import { describe, expect, it } from 'vitest';
import { IntakeRejection } from '../common/domain-errors';
import { parseBody } from './body-parser';

const limits = { maxDepth: 4, maxKeys: 10 };
const json = (text: string) => parseBody({ raw: Buffer.from(text), contentType: 'application/json', limits });

function refusal(text: string): string | undefined {
  try {
    json(text);
    return undefined;
  } catch (err) {
    return err instanceof IntakeRejection ? `${err.status} ${err.code}` : 'other';
  }
}

describe('parseBody limits', () => {
  it('accepts nesting up to MAX_JSON_DEPTH and refuses one level more', () => {
    expect(refusal('[[[[1]]]]')).toBeUndefined();
    expect(refusal('[[[[[1]]]]]')).toBe('400 too_deep');
    expect(refusal('{"a":{"b":{"c":{"d":1}}}}')).toBeUndefined();
    expect(refusal('{"a":{"b":{"c":{"d":{"e":1}}}}}')).toBe('400 too_deep');
  });

  it('accepts up to MAX_JSON_KEYS keys and items in all, and refuses one more', () => {
    expect(refusal(JSON.stringify({ a: [1, 2, 3, 4], b: { c: 1, d: 2, e: 3 }, f: 1 }))).toBeUndefined();
    expect(refusal(JSON.stringify({ a: [1, 2, 3, 4], b: { c: 1, d: 2, e: 3 }, f: 1, g: 2 }))).toBe('400 too_many_keys');
  });

  it('refuses a body nested 200,000 levels deep without running out of stack', () => {
    expect(refusal('['.repeat(200_000) + ']'.repeat(200_000))).toBe('400 too_deep');
  });

  it('counts a "__proto__" key like any other and keeps it as plain data', () => {
    const parsed = json('{"__proto__":{"polluted":true},"a":1}');
    expect(parsed.kind).toBe('json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
