import { describe, expect, it } from 'vitest';
import { renderTemplate } from './template';
import { pathSegment, templateVariables } from './template-variables';

const sample = {
  trigger: {
    body: { order: { total: 10, lines: [{ sku: 'A' }, { sku: 'B' }] }, 'order id': 5, 'content-type': 'x', 'a]b': 1 },
    headers: { 'x-signature': 'abc' },
  },
  nodes: { shape: { orderId: 'A-1' } },
  flow: { id: 'f', name: 'F' },
};

describe('templateVariables', () => {
  it('lists dotted paths, parents first, arrays by their first item', () => {
    expect(templateVariables(sample)).toEqual([
      'trigger',
      'trigger.body',
      'trigger.body.order',
      'trigger.body.order.total',
      'trigger.body.order.lines',
      'trigger.body.order.lines.0',
      'trigger.body.order.lines.0.sku',
      'trigger.body.[order id]',
      'trigger.body.content-type',
      'trigger.headers',
      'trigger.headers.x-signature',
      'nodes',
      'nodes.shape',
      'nodes.shape.orderId',
      'flow',
      'flow.id',
      'flow.name',
    ]);
  });

  it('every listed path renders the value it names', () => {
    for (const path of templateVariables(sample)) {
      const value = path.split('.').reduce<unknown>((current, segment) => Reflect.get(Object(current), segment.replace(/^\[(.*)\]$/, '$1')), sample);
      expect(renderTemplate(`{{${path}}}`, sample)).toEqual(value);
    }
  });

  it('honours maxDepth and maxPaths', () => {
    expect(templateVariables(sample, { maxDepth: 1 })).toEqual(['trigger', 'nodes', 'flow']);
    expect(templateVariables(sample, { maxPaths: 3 })).toEqual(['trigger', 'trigger.body', 'trigger.body.order']);
  });

  it('leaves out keys no template can reach', () => {
    const body: unknown = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2, "ok": 3}');
    expect(templateVariables({ body })).toEqual(['body', 'body.ok']);
  });

  it('copes with a deep or cyclic context', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(templateVariables({ cyclic }, { maxDepth: 3 })).toEqual(['cyclic', 'cyclic.self', 'cyclic.self.self']);
    expect(templateVariables(null)).toEqual([]);
  });

  it('pathSegment writes keys as a template must', () => {
    expect(pathSegment('total')).toBe('total');
    expect(pathSegment('0')).toBe('0');
    expect(pathSegment('prénom')).toBe('prénom');
    expect(pathSegment('true')).toBe('[true]');
    expect(pathSegment('a.b')).toBe('[a.b]');
    expect(pathSegment('-1')).toBe('[-1]');
    expect(pathSegment('a]b')).toBeUndefined();
  });
});
