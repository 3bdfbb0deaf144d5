import { describe, expect, it } from 'vitest';
import { runNodeInFlow } from '@hookflow/engine';
import { transformNode } from './transform.node';

const trigger = { body: { email: 'ada@example.com', amount: 42.5, tag: 'vip', id: 'A-1', paid: true } };

describe('transform node', () => {
  it('builds a nested object from templated fields, keeping JSON types of exact {{path}} templates', async () => {
    const { step } = await runNodeInFlow({
      nodeType: transformNode,
      trigger,
      params: {
        fields: {
          'customer.email': '{{trigger.body.email}}',
          'customer.vip': '{{trigger.body.paid}}',
          total: '{{trigger.body.amount}}',
          note: 'Order {{trigger.body.id}} paid',
          tags: ['{{trigger.body.tag}}', 'web'],
          source: { system: 'shop', version: 2 },
        },
      },
    });
    expect(step.status).toBe('success');
    expect(step.output).toEqual({
      customer: { email: 'ada@example.com', vip: true },
      total: 42.5,
      note: 'Order A-1 paid',
      tags: ['vip', 'web'],
      source: { system: 'shop', version: 2 },
    });
  });

  it.each(['constructor', 'a.prototype', 'x.constructor.prototype.polluted', 'a.__proto__'])(
    'refuses the key "%s" as a config error naming it',
    async (key) => {
      const { step } = await runNodeInFlow({ nodeType: transformNode, params: { fields: { [key]: 'x' } } });
      expect(step.status).toBe('error');
      expect(step.error).toMatchObject({ kind: 'config', param: `fields.${key}` });
      expect(step.error?.message).toContain(key);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('never lets a bare "__proto__" key from parsed JSON reach the output or a prototype', async () => {
    // zod's record parsing strips an own "__proto__" key before the node runs; dotted forms reach
    // the node and are refused above.
    const fields: unknown = JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": 1}');
    const { step } = await runNodeInFlow({ nodeType: transformNode, params: { fields } as Record<string, unknown> });
    expect(step.output).toEqual({ ok: 1 });
    expect(Object.getPrototypeOf(step.output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses keys that clash', async () => {
    const { step } = await runNodeInFlow({ nodeType: transformNode, params: { fields: { total: 1, 'total.net': 2 } } });
    expect(step.error).toMatchObject({ kind: 'config', param: 'fields.total.net' });
  });

  it('outputs an empty object for no fields', async () => {
    const { step } = await runNodeInFlow({ nodeType: transformNode, params: { fields: {} } });
    expect(step.output).toEqual({});
  });
});
