import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './date-format';

describe('parseDate', () => {
  it.each([
    ['2024-03-05T07:08:09.123Z', '2024-03-05T07:08:09.123Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    [1709622489, '2024-03-05T07:08:09.000Z'],
    [1709622489123, '2024-03-05T07:08:09.123Z'],
    ['1709622489', '2024-03-05T07:08:09.000Z'],
    [new Date('2024-03-05T07:08:09.123Z'), '2024-03-05T07:08:09.123Z'],
  ])('%s', (input, iso) => {
    expect(parseDate(input)?.toISOString()).toBe(iso);
  });

  it.each(['nope', '', '  ', null, undefined, {}, Number.NaN, Infinity, 1e20 * 1e10])('%s is not a date', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });
});

describe('formatDate', () => {
  const date = new Date('2024-03-05T07:08:09.045Z');
  it('formats tokens in UTC and keeps other characters', () => {
    expect(formatDate(date, 'YYYY-MM-DD HH:mm:ss.SSS')).toBe('2024-03-05 07:08:09.045');
    expect(formatDate(date, 'DD.MM.YYYY at HHh')).toBe('05.03.2024 at 07h');
  });
  it('defaults to ISO', () => {
    expect(formatDate(date)).toBe('2024-03-05T07:08:09.045Z');
    expect(formatDate(date, 'ISO')).toBe('2024-03-05T07:08:09.045Z');
  });
});
