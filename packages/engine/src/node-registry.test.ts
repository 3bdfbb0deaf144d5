import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NodeRegistry } from './node-registry';
import type { NodeType } from './node-type';

const httpSchema = z.object({
  url: z.string().url().meta({ title: 'URL' }),
  timeoutMs: z.number().int().min(1).max(60_000).default(10_000),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.object({ items: z.array(z.object({ qty: z.number() })) }).optional(),
});

function nodeType(version: number, overrides: Partial<NodeType<unknown>> = {}): NodeType<unknown> {
  return {
    type: 'http',
    version,
    label: `HTTP v${version}`,
    description: 'Calls a URL.',
    category: 'Actions',
    icon: 'globe',
    params: httpSchema,
    handles: { inputs: ['in'], outputs: ['out'] },
    async run() {
      return { output: null };
    },
    ...overrides,
  };
}

const filterType = nodeType(1, { type: 'filter', label: 'Filter', icon: 'filter', category: 'Flow', params: z.object({}), handles: { inputs: ['in'], outputs: ['true', 'false'] } });

describe('NodeRegistry', () => {
  it('finds node types by type and version', () => {
    const v1 = nodeType(1);
    const v2 = nodeType(2);
    const registry = new NodeRegistry().register(v2).register(v1).register(filterType);

    expect(registry.get('http', 1)).toBe(v1);
    expect(registry.get('http', 2)).toBe(v2);
    expect(registry.get('http', 3)).toBeUndefined();
    expect(registry.latest('http')).toBe(v2);
    expect(registry.list()).toEqual([v2, v1, filterType]);
    expect(registry.catalog().versions('http')).toEqual([1, 2]);
    expect(registry.catalog().versions('nope')).toEqual([]);
  });

  it('refuses a type and version registered twice, and malformed types', () => {
    const registry = new NodeRegistry().register(nodeType(1));
    expect(() => registry.register(nodeType(1))).toThrow('"http" version 1 is already registered');
    expect(() => registry.register(nodeType(0))).toThrow('version must be an integer >= 1');
    expect(() => registry.register(nodeType(3, { handles: { inputs: [], outputs: ['a', 'a'] } }))).toThrow('unique');
  });

  it('describes each type for the editor, latest version first, with its params JSON Schema', () => {
    const registry = new NodeRegistry().register(nodeType(1)).register(nodeType(2)).register(filterType);
    const info = registry.describe();

    expect(info.map((t) => `${t.type}@${t.version}`)).toEqual(['http@2', 'http@1', 'filter@1']);
    expect(info[0]).toMatchObject({
      label: 'HTTP v2',
      description: 'Calls a URL.',
      category: 'Actions',
      icon: 'globe',
      trigger: false,
      handles: { inputs: ['in'], outputs: ['out'] },
    });
    expect(info[0].paramsSchema).toMatchObject({ type: 'object', properties: { url: { type: 'string', title: 'URL' } } });
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
  });
});

describe('catalog().find().checkParams', () => {
  const check = (params: Record<string, unknown>) => {
    const descriptor = new NodeRegistry().register(nodeType(1)).catalog().find('http', 1);
    if (!descriptor) throw new Error('not registered');
    return descriptor.checkParams(params);
  };

  it('describes the node type for flow validation', () => {
    const descriptor = new NodeRegistry().register(filterType).catalog().find('filter', 1);
    expect(descriptor).toMatchObject({ type: 'filter', version: 1, trigger: false, outputs: ['true', 'false'] });
  });

  it('accepts valid raw params', () => {
    expect(check({ url: 'https://example.com', timeoutMs: 500 })).toEqual([]);
  });

  it('reports wrong params with a path relative to params and the top-level param', () => {
    expect(check({ url: 'https://example.com', timeoutMs: 'abc', body: { items: [{ qty: 'x' }] } })).toEqual([
      { path: 'timeoutMs', param: 'timeoutMs', message: 'expected number, got "abc"' },
      { path: 'body.items.0.qty', param: 'body', message: 'expected number, got "x"' },
    ]);
    expect(check({})).toEqual([{ path: 'url', param: 'url', message: 'is required' }]);
    expect(check({ url: 'https://example.com', timeoutMs: 0 })).toEqual([
      { path: 'timeoutMs', param: 'timeoutMs', message: 'too small: expected number to be >=1, got 0' },
    ]);
  });

  it('leaves templated values to the check after rendering, including what is nested under them', () => {
    expect(
      check({
        url: '{{trigger.body.callback}}',
        timeoutMs: '{{trigger.body.timeout}}',
        headers: 'x-{{trigger.body.h}}',
        body: { items: '{{trigger.body.items}}' },
      }),
    ).toEqual([]);
    expect(check({ url: '{{trigger.body.url}}', timeoutMs: 'abc' })).toEqual([
      { path: 'timeoutMs', param: 'timeoutMs', message: 'expected number, got "abc"' },
    ]);
  });
});
