// Names params the way the node's form does, so a validation message reads "Fields is required"
// rather than `param "fields": is required`: the titles come from the params' JSON Schema.
import { isRecord } from './template-values';

/** Verbs a message may start with to read as a sentence after the param's name. */
const CONTINUES_SENTENCE = /^(is|are|must|needs|has|have|uses|does|cannot|can't|should|may|contains)\b/;

/**
 * "Fields", "Conditions › 1 › Value", "Body › Fields › "total"": each step's schema title (or the
 * key, spelt out), row numbers from 1, map keys quoted. Without a schema, the keys spelt out.
 */
export function paramLabel(paramsSchema: unknown, path: string): string {
  const parts: string[] = [];
  let schema: unknown = paramsSchema;
  for (const segment of path.split('.')) {
    const step = stepInto(schema, segment);
    parts.push(step.label);
    schema = step.schema;
  }
  return parts.join(' › ');
}

/** "Fields is required", "URL: template does not compile: …": the name, then what is wrong. */
export function paramSentence(label: string, message: string): string {
  return CONTINUES_SENTENCE.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

function stepInto(schema: unknown, segment: string): { label: string; schema: unknown } {
  const candidates = isRecord(schema) ? [schema, ...alternatives(schema)] : [];
  for (const candidate of candidates) {
    const property = isRecord(candidate.properties) ? candidate.properties[segment] : undefined;
    if (isRecord(property)) return { label: titleOf(property, segment), schema: property };
  }
  for (const candidate of candidates) {
    if (/^\d+$/.test(segment) && isRecord(candidate.items)) return { label: String(Number(segment) + 1), schema: candidate.items };
    if (isRecord(candidate.additionalProperties)) return { label: `"${segment}"`, schema: candidate.additionalProperties };
  }
  return { label: /^\d+$/.test(segment) ? String(Number(segment) + 1) : spelt(segment), schema: undefined };
}

function alternatives(schema: Record<string, unknown>): Record<string, unknown>[] {
  const list = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : [];
  return list.filter(isRecord);
}

function titleOf(schema: Record<string, unknown>, key: string): string {
  return typeof schema.title === 'string' && schema.title.trim() !== '' ? schema.title : spelt(key);
}

/** "timeoutMs" → "Timeout Ms", as the editor labels a field without a title. */
function spelt(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}
