import { describe, expect, it } from 'vitest';
import { forEachString, joinPath } from './walk-strings';

describe('forEachString', () => {
  it('visits every string with its dotted path, in document order', () => {
    const seen: string[] = [];
    forEachString({ value: { a: 'x', b: [1, 'y', { c: 'z' }], d: null }, maxDepth: 10, visit: (text, path) => seen.push(`${path}=${text}`) });
    expect(seen).toEqual(['a=x', 'b.1=y', 'b.2.c=z']);
  });

  it('reports values nested deeper than maxDepth instead of entering them', () => {
    const tooDeep: string[] = [];
    const seen: string[] = [];
    forEachString({ value: { a: { b: { c: 'deep' } }, top: 'ok' }, maxDepth: 2, visit: (_, path) => seen.push(path), tooDeep: (path) => tooDeep.push(path) });
    expect(seen).toEqual(['top']);
    expect(tooDeep).toEqual(['a.b']);
  });

  it('walks 100k levels of nesting without recursion', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const seen: string[] = [];
    forEachString({ value: deep, maxDepth: Infinity, visit: (text) => seen.push(text) });
    expect(seen).toEqual(['bottom']);
  });

  it('joinPath joins dotted segments', () => {
    expect(joinPath('', 'a')).toBe('a');
    expect(joinPath('a', 0)).toBe('a.0');
  });
});
