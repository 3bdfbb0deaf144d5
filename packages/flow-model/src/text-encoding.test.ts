import { describe, expect, it } from 'vitest';
import { base64Encode, utf8Bytes } from './text-encoding';

describe('base64Encode', () => {
  it.each(['', 'a', 'ab', 'abc', 'user:password', 'héllo wörld', '€ and 😀', 'x'.repeat(100)])('matches Node for %s', (text) => {
    expect(base64Encode(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });

  it('encodes lone surrogates as U+FFFD like TextEncoder', () => {
    expect(utf8Bytes('\ud800')).toEqual([...new TextEncoder().encode('\ud800')]);
  });
});
