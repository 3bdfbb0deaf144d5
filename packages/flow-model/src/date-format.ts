// Date parsing and a tiny token formatter for the `date` and `now` template helpers.
// Always UTC, so a flow renders the same on every server whatever its time zone.

/** Below this, a number is taken as epoch seconds (1e11 s is year 5138; 1e11 ms is 1973). */
const EPOCH_SECONDS_LIMIT = 1e11;

const TOKENS = /YYYY|SSS|MM|DD|HH|mm|ss/g;

/** A Date from a Date, epoch seconds or milliseconds (number or numeric string), or a date string. */
export function parseDate(value: unknown): Date | undefined {
  if (value instanceof Date) return validDate(value.getTime());
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  return validDate(Date.parse(text));
}

/**
 * Formats in UTC. `format` is "iso" (the default) or a pattern of the tokens YYYY, MM, DD, HH, mm,
 * ss and SSS; every other character is kept as it is.
 */
export function formatDate(date: Date, format = 'iso'): string {
  if (format.toLowerCase() === 'iso') return date.toISOString();
  return format.replace(TOKENS, (token) => tokenValue(date, token));
}

function tokenValue(date: Date, token: string): string {
  switch (token) {
    case 'YYYY':
      return pad(date.getUTCFullYear(), 4);
    case 'MM':
      return pad(date.getUTCMonth() + 1, 2);
    case 'DD':
      return pad(date.getUTCDate(), 2);
    case 'HH':
      return pad(date.getUTCHours(), 2);
    case 'mm':
      return pad(date.getUTCMinutes(), 2);
    case 'ss':
      return pad(date.getUTCSeconds(), 2);
    case 'SSS':
      return pad(date.getUTCMilliseconds(), 3);
    default:
      return token;
  }
}

function fromEpoch(epoch: number): Date | undefined {
  if (!Number.isFinite(epoch)) return undefined;
  return validDate(Math.abs(epoch) < EPOCH_SECONDS_LIMIT ? epoch * 1000 : epoch);
}

function validDate(time: number): Date | undefined {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
