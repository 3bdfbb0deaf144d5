// Lists the paths a template can use, read from a sample context (the last event of a flow), for
// the editor's autocomplete. Every path listed renders with `{{path}}`.
import { BLOCKED_KEYS, isRecord, ownProperty } from './template-values';

/** Characters Handlebars accepts in a plain path segment (its lexer's ID rule). */
const PLAIN_SEGMENT = /^[^\s!"#%-,./;->@[-^`{-~]+$/;
const RESERVED = new Set(['true', 'false', 'null', 'undefined', 'this', 'else']);

/**
 * Dotted paths found in `context`, parents before children, in key order: "trigger",
 * "trigger.body", "trigger.body.order.total", … Arrays list their first items ("items.0").
 * Keys a template cannot reach (`__proto__`, `constructor`) are left out.
 */
export function templateVariables(context: unknown, options: TemplateVariablesOptions = {}): string[] {
  const { maxDepth = 6, maxPaths = 500, maxArrayItems = 1 } = options;
  const paths: string[] = [];
  const pending: Visit[] = childrenOf({ value: context, path: '', depth: 0 }, maxArrayItems).reverse();
  for (let visit = pending.pop(); visit && paths.length < maxPaths; visit = pending.pop()) {
    paths.push(visit.path);
    if (visit.depth < maxDepth) pending.push(...childrenOf(visit, maxArrayItems).reverse());
  }
  return paths;
}

/** The segment as a template writes it: `total`, `0`, `[order id]`; undefined when it cannot be written. */
export function pathSegment(key: string): string | undefined {
  if (/^\d+$/.test(key)) return key;
  if (PLAIN_SEGMENT.test(key) && !RESERVED.has(key) && !/^-?\d/.test(key)) return key;
  return key.includes(']') || key === '' ? undefined : `[${key}]`;
}

function childrenOf(parent: Visit, maxArrayItems: number): Visit[] {
  const { value, path, depth } = parent;
  const keys = Array.isArray(value)
    ? Array.from({ length: Math.min(value.length, maxArrayItems) }, (_, index) => String(index))
    : isRecord(value)
      ? Object.keys(value).filter((key) => !BLOCKED_KEYS.has(key))
      : [];
  const children: Visit[] = [];
  for (const key of keys) {
    const segment = pathSegment(key);
    if (segment === undefined) continue;
    children.push({ value: ownProperty(value, key), path: path === '' ? segment : `${path}.${segment}`, depth: depth + 1 });
  }
  return children;
}

interface Visit {
  value: unknown;
  path: string;
  depth: number;
}

export interface TemplateVariablesOptions {
  /** Deepest path listed, in segments (default 6). */
  maxDepth?: number;
  /** Most paths listed (default 500). */
  maxPaths?: number;
  /** Items listed per array (default 1: "items.0"). */
  maxArrayItems?: number;
}
