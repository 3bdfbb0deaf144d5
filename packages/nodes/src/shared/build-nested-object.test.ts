import { describe, expect, it } from 'vitest';
import { NodeConfigError } from '@hookflow/engine';
import { buildNestedObject } from './build-nested-object';

const build = (fields: Record<string, unknown>) => buildNestedObject({ fields, param: 'fields' });

describe('buildNestedObject', () => {
  it('nests dotted keys and keeps plain ones', () => {
    expect(build({ 'customer.email': 'a@b.c', 'customer.name': 'Ada', total: 42 })).toEqual({
      customer: { email: 'a@b.c', name: 'Ada' },
      total: 42,
    });
  });

  it('keeps nested JSON values as given and merges dotted keys into them without changing the input', () => {
    const address = { city: 'Lyon' };
    const result = build({ address, 'address.zip': '69001', tags: ['a', 'b'] });
    expect(result).toEqual({ address: { city: 'Lyon', zip: '69001' }, tags: ['a', 'b'] });
    expect(address).toEqual({ city: 'Lyon' });
  });

  it.each(['__proto__', 'constructor', 'prototype', 'a.__proto__.polluted', 'a.constructor.prototype'])(
    'refuses the reserved path segment in "%s", naming the key',
    (key) => {
      const attempt = () => build({ [key]: 'x' });
      expect(attempt).toThrow(NodeConfigError);
      expect(attempt).toThrow(`Field "${key}"`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('points the error at the offending key', () => {
    try {
      build({ 'x.prototype': 1 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(NodeConfigError);
      expect((err as NodeConfigError).param).toBe('fields.x.prototype');
    }
  });

  it('refuses empty segments and conflicting keys', () => {
    expect(() => build({ 'a..b': 1 })).toThrow(/empty part/);
    expect(() => build({ '.a': 1 })).toThrow(/empty part/);
    expect(() => build({ a: 1, 'a.b': 2 })).toThrow(/not an object/);
    expect(() => build({ 'a.b': 2, a: 1 })).toThrow(/set twice/);
  });

  it('treats own "__proto__" keys inside values as plain data', () => {
    const value: unknown = JSON.parse('{"__proto__": {"polluted": true}}');
    const result = build({ data: value });
    expect(Object.hasOwn(result.data as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
