import { describe, expect, it } from 'vitest';
import { isTruthy, ownProperty, safeJson, toNumber, toText } from './template-values';

describe('template values', () => {
  it('ownProperty reads own properties only and never blocked keys', () => {
    expect(ownProperty({ a: 1 }, 'a')).toBe(1);
    expect(ownProperty({}, 'toString')).toBeUndefined();
    expect(ownProperty(JSON.parse('{"__proto__": 1}'), '__proto__')).toBeUndefined();
    expect(ownProperty({ constructor: 1 }, 'constructor')).toBeUndefined();
    expect(ownProperty(['a', 'b'], '1')).toBe('b');
    expect(ownProperty('abc', 'length')).toBe(3);
    expect(ownProperty('abc', '0')).toBe('a');
    expect(ownProperty('abc', 'at')).toBeUndefined();
    expect(ownProperty(null, 'a')).toBeUndefined();
    expect(ownProperty(5, 'toFixed')).toBeUndefined();
  });

  it('toNumber accepts numbers and numeric text only', () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber(' 4.5 ')).toBe(4.5);
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('abc')).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
  });

  it('isTruthy follows Handlebars: empty lists are false', () => {
    expect([0, '', null, undefined, false, Number.NaN, []].map(isTruthy)).toEqual([false, false, false, false, false, false, false]);
    expect([1, 'a', {}, [0], true].map(isTruthy)).toEqual([true, true, true, true, true]);
  });

  it('toText prints scalars, JSON for objects and nothing for null', () => {
    expect([toText('a'), toText(1), toText(false), toText(null), toText(undefined), toText({ a: [1] })]).toEqual(['a', '1', 'false', '', '', '{"a":[1]}']);
    expect(safeJson(10n)).toBeUndefined();
  });
});
