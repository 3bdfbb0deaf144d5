// Small, total conversions shared by template helpers, path lookup and the variable lister.
// None of them throws: templates run on whatever a webhook sent.

/** Property names a template may never reach, even when a parsed payload holds them as own keys. */
export const BLOCKED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value's own property, never one inherited from a prototype, never a blocked key. */
export function ownProperty(value: unknown, key: string): unknown {
  if (BLOCKED_KEYS.has(key)) return undefined;
  if (typeof value === 'string') {
    if (key === 'length') return value.length;
    return /^(0|[1-9]\d*)$/.test(key) ? value[Number(key)] : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
}

/** A finite number, or a string that holds one; otherwise undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Handlebars' idea of truth: false, null, undefined, '', 0, NaN and [] are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/** Text for a value: strings as they are, numbers and booleans printed, objects as JSON, nothing as ''. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'object') return safeJson(value) ?? '';
  return '';
}

/** JSON.stringify that answers undefined instead of throwing (cycles, BigInt). */
export function safeJson(value: unknown, indent?: number): string | undefined {
  try {
    const text: unknown = JSON.stringify(value, null, indent);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}
