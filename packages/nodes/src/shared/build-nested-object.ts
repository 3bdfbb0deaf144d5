// Turns a flat map of dotted keys into a nested object: { "customer.email": x } → { customer: { email: x } }.
// Shared by transform (its output) and http (a fields-map body). Keys come from users, so path
// segments that would reach an object's prototype are refused rather than silently skipped.
import { NodeConfigError } from '@hookflow/engine';

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

export function buildNestedObject({ fields, param }: { fields: Record<string, unknown>; param: string }): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const segments = splitKey({ key, param });
    setPath({ target: result, segments, value, key, param });
  }
  return result;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function splitKey({ key, param }: { key: string; param: string }): string[] {
  const segments = key.split('.');
  if (segments.some((segment) => segment.trim() === '')) {
    throw new NodeConfigError(`Field "${key}" has an empty part; use names like "customer.email"`, { param: `${param}.${key}` });
  }
  if (segments.length > MAX_DEPTH) {
    throw new NodeConfigError(`Field "${key}" nests deeper than ${MAX_DEPTH} levels`, { param: `${param}.${key}` });
  }
  const forbidden = segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
  if (forbidden !== undefined) {
    throw new NodeConfigError(`Field "${key}" uses the reserved name "${forbidden}"`, { param: `${param}.${key}` });
  }
  return segments;
}

function setPath(args: { target: Record<string, unknown>; segments: string[]; value: unknown; key: string; param: string }): void {
  const { segments, value, key, param } = args;
  let node = args.target;
  for (const segment of segments.slice(0, -1)) {
    const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (existing === undefined) {
      const child: Record<string, unknown> = {};
      node[segment] = child;
      node = child;
    } else if (isPlainObject(existing)) {
      // Copy before writing into it: the object may be a value the user gave (or a rendered one).
      const child: Record<string, unknown> = { ...existing };
      node[segment] = child;
      node = child;
    } else {
      throw new NodeConfigError(`Field "${key}" conflicts with "${segment}", which is not an object`, { param: `${param}.${key}` });
    }
  }
  const last = segments[segments.length - 1];
  const existing = Object.hasOwn(node, last) ? node[last] : undefined;
  if (existing === undefined) {
    node[last] = value;
  } else if (isPlainObject(existing) && isPlainObject(value)) {
    node[last] = { ...existing, ...value };
  } else {
    throw new NodeConfigError(`Field "${key}" is set twice (once through a dotted name)`, { param: `${param}.${key}` });
  }
}
