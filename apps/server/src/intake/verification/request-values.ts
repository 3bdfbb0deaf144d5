// Reading one value from a request by where a user said it is: a header name or a dotted body path.
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const value = headers[name.trim().toLowerCase()];
  return value === undefined || value === '' ? undefined : value;
}

/** A string or number at a dotted path ("data.object.id", "items.0.id"), as text. */
export function bodyValue(body: unknown, path: string): string | undefined {
  let current = body;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = Reflect.get(current, key);
  }
  if (typeof current === 'string' && current !== '') return current;
  if (typeof current === 'number' && Number.isFinite(current)) return String(current);
  return undefined;
}

export function valueAt(source: 'header' | 'body', path: string, request: { headers: Record<string, string>; body: unknown }): string | undefined {
  return source === 'header' ? headerValue(request.headers, path) : bodyValue(request.body, path);
}
