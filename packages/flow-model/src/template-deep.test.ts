import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_DEPTH, compileDeep, renderDeep } from './template-deep';
import { TemplateError } from './template-error';

const ctx = { trigger: { body: { total: 42, name: 'Ada', items: [{ sku: 'X' }] } }, nodes: {}, flow: { id: 'f', name: 'F' } };

describe('renderDeep', () => {
  it('renders every string in objects and arrays, typed where a string is one {{path}}', () => {
    const params = {
      url: 'https://api.example.com/orders/{{trigger.body.name}}',
      fields: { total: '{{trigger.body.total}}', first: '{{trigger.body.items.0}}', fixed: 'no template', n: 3, ok: false, none: null },
      list: ['{{trigger.body.total}}', 'x{{trigger.body.total}}'],
    };
    expect(renderDeep(params, ctx)).toEqual({
      url: 'https://api.example.com/orders/Ada',
      fields: { total: 42, first: { sku: 'X' }, fixed: 'no template', n: 3, ok: false, none: null },
      list: [42, 'x42'],
    });
  });

  it('never renders keys', () => {
    expect(renderDeep({ '{{trigger.body.name}}': 'v' }, ctx)).toEqual({ '{{trigger.body.name}}': 'v' });
  });

  it('keeps a parsed "__proto__" key as data without changing any prototype', () => {
    const value: unknown = JSON.parse('{"__proto__": {"polluted": "{{trigger.body.name}}"}}');
    const rendered = renderDeep(value, ctx);
    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rendered, '__proto__')?.value).toEqual({ polluted: 'Ada' });
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('does not change the input', () => {
    const params = { a: '{{trigger.body.total}}' };
    renderDeep(params, ctx);
    expect(params).toEqual({ a: '{{trigger.body.total}}' });
  });
});

describe('compileDeep', () => {
  it('compiles once and renders against many contexts', () => {
    const render = compileDeep({ greeting: 'Hi {{trigger.body.name}}', total: '{{trigger.body.total}}' });
    expect(render(ctx)).toEqual({ greeting: 'Hi Ada', total: 42 });
    expect(render({ trigger: { body: { name: 'Bob', total: 1 } } })).toEqual({ greeting: 'Hi Bob', total: 1 });
  });

  it('builds fresh objects on every render', () => {
    const render = compileDeep({ a: { b: 1 } });
    expect(render(ctx)).not.toBe(render(ctx));
  });

  it('names the exact string that does not compile', () => {
    let caught: unknown;
    try {
      compileDeep({ fields: { ok: '{{a}}', total: '{{#if}}' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect(caught).toMatchObject({ path: 'fields.total' });
  });

  it('names the string whose render fails', () => {
    const render = compileDeep({ list: ['ok', '{{if}}'] });
    expect(() => render(ctx)).toThrow(TemplateError);
    expect(() => render(ctx)).toThrow(expect.objectContaining({ path: 'list.1', message: expect.stringContaining('#if requires exactly one argument') }));
    expect(() => compileDeep(['{{missingHelper x}}'])).toThrow(expect.objectContaining({ path: '0' }));
  });

  it('refuses values nested deeper than the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i <= MAX_TEMPLATE_DEPTH + 1; i++) deep = [deep];
    expect(() => compileDeep(deep)).toThrow(TemplateError);
  });
});
