import type { JsonSchema } from '../../catalog/json-schema';

/** What every field renderer gets: its schema, its value, and a way to write a new value back. */
export interface FieldProps {
  /** Stable DOM id and test id stem, from the param path ("param-fields", "param-retry-attempts"). */
  id: string;
  /** Dotted path inside params ("conditions.0.left"), to match validation problems. */
  path: string;
  schema: JsonSchema;
  value: unknown;
  onChange(value: unknown): void;
  label: string;
  required?: boolean;
  problems?: readonly string[];
}

export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function titleOf(schema: JsonSchema, key: string): string {
  return schema.title ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}

export function describedBy(id: string, help: string | undefined): string | undefined {
  return help ? `${id}-help` : undefined;
}
