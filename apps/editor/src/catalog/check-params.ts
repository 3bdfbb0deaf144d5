// Checks raw params against a node type's JSON Schema, the way the server's zod check does:
// a template may stand where any value is expected, since its type is only known once rendered.
// The server stays the authority; this gives the canvas its badges as the user types.
import { isTemplate, type ValidationIssue } from '@hookflow/flow-model';
import { isRecord } from '../api/http';
import { alternativesOf, schemaTypes, type JsonSchema } from './json-schema';

export function checkParams(schema: JsonSchema, params: Record<string, unknown>): ValidationIssue[] {
  return checkValue({ schema, value: params, path: '' });
}

interface Check {
  schema: JsonSchema;
  value: unknown;
  path: string;
}

function checkValue(check: Check): ValidationIssue[] {
  const { schema, value, path } = check;
  const alternatives = alternativesOf(schema);
  if (alternatives.length > 0) {
    const fits = alternatives.some((alternative) => checkValue({ ...check, schema: alternative }).length === 0);
    return fits ? [] : [issue(path, 'does not have an accepted form')];
  }
  if (isTemplate(value) && !(schemaTypes(schema).length === 1 && schema.type === 'string')) return [];
  if (schema.enum && !schema.enum.some((choice) => choice === value)) {
    return [issue(path, `must be one of ${schema.enum.map((choice) => JSON.stringify(choice)).join(', ')}`)];
  }
  const types = schemaTypes(schema);
  if (types.length > 0 && !types.some((type) => hasType(value, type))) return [issue(path, `must be ${types.map(typeName).join(' or ')}`)];
  return [...boundIssues(check), ...childIssues(check)];
}

function boundIssues({ schema, value, path }: Check): ValidationIssue[] {
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return [issue(path, schema.minLength === 1 ? 'is required' : `needs at least ${schema.minLength} characters`)];
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return [issue(path, `is longer than ${schema.maxLength} characters`)];
    if (schema.pattern !== undefined && !isTemplate(value) && !safePattern(schema.pattern).test(value)) return [issue(path, 'has characters that are not allowed')];
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return [issue(path, `must be at least ${schema.minimum}`)];
    if (schema.maximum !== undefined && value > schema.maximum) return [issue(path, `must be at most ${schema.maximum}`)];
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return [issue(path, `needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`)];
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return [issue(path, `has more than ${schema.maxItems} items`)];
  }
  return [];
}

function childIssues({ schema, value, path }: Check): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, index) => issues.push(...checkValue({ schema: items, value: item, path: join(path, String(index)) })));
  }
  if (!isRecord(value)) return issues;
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) issues.push(issue(join(path, key), 'is required'));
  }
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const property = schema.properties?.[key];
    const childSchema = property ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (childSchema) issues.push(...checkValue({ schema: childSchema, value: child, path: join(path, key) }));
  }
  return issues;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function typeName(type: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'a set of fields', array: 'a list' };
  return names[type] ?? type;
}

const patterns = new Map<string, RegExp>();

function safePattern(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    try {
      pattern = new RegExp(source, 'u');
    } catch {
      pattern = /[\s\S]*/;
    }
    patterns.set(source, pattern);
  }
  return pattern;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function issue(path: string, message: string): ValidationIssue {
  const param = path.split('.')[0];
  return { path, message, ...(param ? { param } : {}) };
}
