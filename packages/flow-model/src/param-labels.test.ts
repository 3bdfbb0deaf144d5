import { describe, expect, it } from 'vitest';
import type { NodeCatalog } from './node-catalog';
import { paramLabel, paramSentence } from './param-labels';
import { validateFlow } from './validate-flow';

const transformSchema = {
  type: 'object',
  properties: { fields: { title: 'Fields', type: 'object', additionalProperties: { type: 'string' } }, timeoutMs: { type: 'number' } },
  required: ['fields'],
};
const filterSchema = {
  type: 'object',
  properties: { conditions: { title: 'Conditions', type: 'array', items: { type: 'object', properties: { left: { title: 'Value' } } } } },
};
const httpSchema = {
  type: 'object',
  properties: { body: { title: 'Body', anyOf: [{ type: 'string' }, { type: 'object', title: 'Fields', properties: { fields: { title: 'Fields', additionalProperties: {} } } }] } },
};

describe('paramLabel', () => {
  it('names a param path with the titles its form shows', () => {
    expect(paramLabel(transformSchema, 'fields')).toBe('Fields');
    expect(paramLabel(transformSchema, 'fields.total')).toBe('Fields › "total"');
    expect(paramLabel(transformSchema, 'timeoutMs')).toBe('Timeout Ms');
    expect(paramLabel(filterSchema, 'conditions.0.left')).toBe('Conditions › 1 › Value');
    expect(paramLabel(httpSchema, 'body.fields.total')).toBe('Body › Fields › "total"');
    expect(paramLabel(undefined, 'retry.attempts')).toBe('Retry › Attempts');
  });

  it('makes one sentence of the name and the problem', () => {
    expect(paramSentence('Fields', 'is required')).toBe('Fields is required');
    expect(paramSentence('URL', 'template does not compile: x')).toBe('URL: template does not compile: x');
  });
});

describe('validateFlow with node types that publish their params schema', () => {
  const catalog: NodeCatalog = {
    find: (type) =>
      type === 'webhook'
        ? { type, version: 1, trigger: true, outputs: ['main'], checkParams: () => [] }
        : type === 'transform'
          ? { type, version: 1, trigger: false, outputs: ['main'], paramsSchema: transformSchema, checkParams: () => [{ path: 'fields', param: 'fields', message: 'is required' }] }
          : undefined,
    versions: (type) => (type === 'webhook' || type === 'transform' ? [1] : []),
  };

  it('says "Fields is required", not param "fields": is required', () => {
    const result = validateFlow({ name: 'x', nodes: [{ id: 'hook', type: 'webhook' }, { id: 'shape', type: 'transform' }], edges: [{ id: 'e', source: 'hook', target: 'shape' }] }, catalog);
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'nodes.1.params.fields', nodeId: 'shape', param: 'fields', message: 'Node "shape" (transform): Fields is required' }] });
  });
});
