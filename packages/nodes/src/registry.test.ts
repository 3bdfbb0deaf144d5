import { describe, expect, it } from 'vitest';
import { builtInNodeTypes, createBuiltInRegistry } from './registry';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; title?: string; description?: string; examples?: unknown[] };

/** Paths of properties (at any depth) missing what the editor's form needs to explain them. */
function unexplained(schema: JsonSchema, path = ''): string[] {
  const missing: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const here = path ? `${path}.${key}` : key;
    if (!property.title || !property.description) missing.push(here);
    missing.push(...unexplained(property, here));
  }
  if (schema.items) missing.push(...unexplained(schema.items, `${path}[]`));
  return missing;
}

describe('built-in registry', () => {
  it('registers every built-in node type once, at version 1', () => {
    const registry = createBuiltInRegistry();
    expect(builtInNodeTypes.map((t) => t.type)).toEqual(['webhook', 'schedule', 'transform', 'filter', 'switch', 'merge', 'delay', 'http', 'slack', 'respond', 'code']);
    for (const nodeType of builtInNodeTypes) expect(registry.get(nodeType.type, 1)).toBe(nodeType);
  });

  it('describes each node type for the editor with a titled, explained param form', () => {
    const described = createBuiltInRegistry().describe();
    expect(described).toHaveLength(builtInNodeTypes.length);
    for (const info of described) {
      const schema = info.paramsSchema as JsonSchema;
      expect(schema.title, info.type).toBeTruthy();
      expect(Object.keys(schema.properties ?? {}).length, info.type).toBeGreaterThan(0);
      expect(unexplained(schema), info.type).toEqual([]);
    }
  });

  it('has the webhook and schedule triggers, and gives filter its true and false outputs', () => {
    const described = createBuiltInRegistry().describe();
    expect(described.filter((t) => t.trigger).map((t) => t.type)).toEqual(['webhook', 'schedule']);
    expect(described.find((t) => t.type === 'filter')?.handles.outputs).toEqual(['true', 'false']);
  });

  it('marks secrets as writeOnly so hosts can mask and redact them', () => {
    const slack = createBuiltInRegistry().describe().find((t) => t.type === 'slack');
    const props = (slack?.paramsSchema as { properties: Record<string, { writeOnly?: boolean }> }).properties;
    expect(props.token.writeOnly).toBe(true);
    expect(props.webhookUrl.writeOnly).toBe(true);
  });
});
