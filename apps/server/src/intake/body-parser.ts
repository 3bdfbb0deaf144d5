// Turns a webhook's bytes into the trigger's `body`: JSON, form fields, XML (as JSON) and text are
// parsed; any other type is kept as base64 rather than refused. Malformed or abusive bodies are
// refused with a reason that says where the problem is.
import { parse as parseQueryString } from 'node:querystring';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IntakeRejection } from '../common/domain-errors';
import { jsonErrorLocation } from '../common/json-error-location';
import type { BodyKind } from '../events/event-body';

export type { BodyKind } from '../events/event-body';

export interface ParsedBody {
  kind: BodyKind;
  body: unknown;
}

export interface BodyLimits {
  maxDepth: number;
  maxKeys: number;
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
});

export function parseBody({ raw, contentType, limits }: { raw: Buffer | undefined; contentType: string | undefined; limits: BodyLimits }): ParsedBody {
  if (!raw || raw.length === 0) return { kind: 'empty', body: null };
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return checked('json', parseJson(raw), limits);
  if (mediaType === 'application/x-www-form-urlencoded') return checked('form', parseForm(raw, limits), limits);
  if (mediaType === 'application/xml' || mediaType === 'text/xml' || mediaType.endsWith('+xml')) {
    return checked('xml', parseXml(raw), limits);
  }
  if (mediaType.startsWith('text/')) return { kind: 'text', body: raw.toString('utf8') };
  return { kind: 'binary', body: raw.toString('base64') };
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IntakeRejection(400, 'malformed_json', `The body is not valid JSON: ${jsonErrorLocation(err, text)}.`);
  }
}

function parseForm(raw: Buffer, limits: BodyLimits): unknown {
  // maxKeys + 1 so that a body over the limit is noticed rather than silently truncated.
  const fields = parseQueryString(raw.toString('utf8'), '&', '=', { maxKeys: limits.maxKeys + 1 });
  return { ...fields };
}

function parseXml(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (/<!ENTITY/i.test(text)) {
    throw new IntakeRejection(400, 'malformed_xml', 'XML entity declarations (<!ENTITY>) are not accepted.');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new IntakeRejection(400, 'malformed_xml', `The body is not well-formed XML: ${msg} at line ${line}, column ${col}.`);
  }
  const parsed: unknown = xmlParser.parse(text);
  return parsed;
}

function checked(kind: BodyKind, body: unknown, limits: BodyLimits): ParsedBody {
  const shape = measure(body, limits);
  if (shape.depth > limits.maxDepth) {
    throw new IntakeRejection(400, 'too_deep', `The body is nested deeper than ${limits.maxDepth} levels (MAX_JSON_DEPTH).`);
  }
  if (shape.keys > limits.maxKeys) {
    throw new IntakeRejection(400, 'too_many_keys', `The body has more than ${limits.maxKeys} keys and items (MAX_JSON_KEYS).`);
  }
  return { kind, body };
}

/**
 * Depth and key count of a parsed body. Recursion is bounded: it stops one level past maxDepth and
 * as soon as maxKeys is passed, so a hostile body costs no more than the limits allow. Allocates
 * nothing (for...in rather than Object.values), as it runs on every webhook.
 */
function measure(root: unknown, limits: BodyLimits): { depth: number; keys: number } {
  const shape = { depth: 0, keys: 0 };
  if (typeof root === 'object' && root !== null) walk(root, 1, limits, shape);
  return shape;
}

function walk(value: object, depth: number, limits: BodyLimits, shape: { depth: number; keys: number }): void {
  if (depth > shape.depth) shape.depth = depth;
  if (depth > limits.maxDepth) return;
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) {
      shape.keys += 1;
      if (shape.keys > limits.maxKeys) return;
      if (typeof child === 'object' && child !== null) walk(child, depth + 1, limits, shape);
      if (shape.depth > limits.maxDepth) return;
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    shape.keys += 1;
    if (shape.keys > limits.maxKeys) return;
    const child = record[key];
    if (typeof child === 'object' && child !== null) walk(child, depth + 1, limits, shape);
    if (shape.depth > limits.maxDepth) return;
  }
}
