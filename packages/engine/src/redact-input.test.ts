import { describe, expect, it } from 'vitest';
import { redactInput, REDACTED } from './redact-input';

describe('redactInput', () => {
  it('replaces secret params and credential headers, keeping the rest', () => {
    const input = { token: 'xoxb-secret', channel: '#sales', headers: { Authorization: 'Bearer abc', 'x-source': 'hookflow' } };
    expect(redactInput({ secretParams: ['token'] }, input)).toEqual({
      token: REDACTED,
      channel: '#sales',
      headers: { Authorization: REDACTED, 'x-source': 'hookflow' },
    });
    expect(input.token).toBe('xoxb-secret');
  });

  it('returns the same object when there is nothing to hide', () => {
    const input = { url: 'http://127.0.0.1/x', headers: { accept: 'application/json' } };
    expect(redactInput({ secretParams: ['token'] }, input)).toBe(input);
  });
});
