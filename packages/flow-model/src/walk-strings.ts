// Visits every string inside a JSON value with its dotted path, iteratively (params may nest deep).
import { isRecord } from './template-values';

/** Joins a dotted path: joinPath("fields", "total") is "fields.total". */
export function joinPath(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/**
 * Calls `visit` for each string in `value`, in document order. Values nested deeper than
 * `maxDepth` are not entered; `tooDeep` is called with their path instead.
 */
export function forEachString({ value, maxDepth, visit, tooDeep }: StringWalk): void {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (typeof item.value === 'string') {
      visit(item.value, item.path);
      continue;
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(item.value)
      ? item.value.map((child: unknown, index) => [index, child])
      : isRecord(item.value)
        ? Object.entries(item.value)
        : [];
    if (entries.length === 0) continue;
    if (item.depth >= maxDepth) {
      tooDeep?.(item.path);
      continue;
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      pending.push({ value: child, path: joinPath(item.path, key), depth: item.depth + 1 });
    }
  }
}

export interface StringWalk {
  value: unknown;
  maxDepth: number;
  visit: (text: string, path: string) => void;
  tooDeep?: (path: string) => void;
}
