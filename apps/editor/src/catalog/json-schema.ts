// The part of JSON Schema (draft 2020-12) that node types publish for their params, read through
// type guards so the form renderer and the params checker never trust a shape blindly.
import { isRecord } from '../api/http';

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  writeOnly?: boolean;
  /** "x-credential-types": a credential id field that fits only these stored credential types. */
  credentialTypes?: string[];
  /** "x-enum-labels": words to show for enum values (the stored value stays the enum's). */
  enumLabels?: Record<string, string>;
  /** What a string holds ("text/javascript": code, edited in a code box and never a template). */
  contentMediaType?: string;
}

/** Reads an unknown value as a schema, keeping only the keywords understood here. */
export function toJsonSchema(value: unknown): JsonSchema {
  if (!isRecord(value)) return {};
  const schema: JsonSchema = {};
  const { type, title, description, examples, enum: choices, properties, required, additionalProperties, items, anyOf, oneOf } = value;
  if (typeof type === 'string' || (Array.isArray(type) && type.every((entry) => typeof entry === 'string'))) schema.type = type;
  if (typeof title === 'string') schema.title = title;
  if (typeof description === 'string') schema.description = description;
  if (Array.isArray(examples)) schema.examples = examples;
  if ('default' in value) schema.default = value.default;
  if (Array.isArray(choices)) schema.enum = choices;
  if (isRecord(properties)) schema.properties = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, toJsonSchema(child)]));
  if (Array.isArray(required)) schema.required = required.filter((key) => typeof key === 'string');
  if (typeof additionalProperties === 'boolean') schema.additionalProperties = additionalProperties;
  else if (isRecord(additionalProperties)) schema.additionalProperties = toJsonSchema(additionalProperties);
  if (isRecord(items)) schema.items = toJsonSchema(items);
  if (Array.isArray(anyOf)) schema.anyOf = anyOf.map(toJsonSchema);
  if (Array.isArray(oneOf)) schema.oneOf = oneOf.map(toJsonSchema);
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const) {
    const bound = value[key];
    if (typeof bound === 'number') schema[key] = bound;
  }
  if (typeof value.pattern === 'string') schema.pattern = value.pattern;
  if (value.writeOnly === true) schema.writeOnly = true;
  if (typeof value.contentMediaType === 'string') schema.contentMediaType = value.contentMediaType;
  const credentialTypes = value['x-credential-types'];
  if (Array.isArray(credentialTypes)) schema.credentialTypes = credentialTypes.filter((type) => typeof type === 'string');
  const enumLabels = value['x-enum-labels'];
  if (isRecord(enumLabels)) schema.enumLabels = Object.fromEntries(Object.entries(enumLabels).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return schema;
}

export function schemaTypes(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** The alternatives of an anyOf/oneOf, or none. */
export function alternativesOf(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ?? schema.oneOf ?? [];
}

/** A map of name → value (transform fields, http headers): an object with no fixed properties. */
export function isMapSchema(schema: JsonSchema): boolean {
  return schemaTypes(schema).includes('object') && !schema.properties && schema.additionalProperties !== false;
}

/** An object with named properties, rendered as a group of fields. */
export function isObjectSchema(schema: JsonSchema): boolean {
  return schema.properties !== undefined;
}

/** A list of objects with named properties (filter conditions), rendered as rows. */
export function isRowsSchema(schema: JsonSchema): boolean {
  return schemaTypes(schema).includes('array') && schema.items !== undefined && isObjectSchema(schema.items);
}

/** A schema that says nothing about the value: accept anything, edit as text or JSON. */
export function isAnySchema(schema: JsonSchema): boolean {
  return schemaTypes(schema).length === 0 && !schema.enum && !schema.properties && alternativesOf(schema).length === 0;
}
