import { describe, expect, it, vi } from 'vitest';
import type { TemplateContext } from './api-types';
import { cachedTemplate, compileTemplate, isTemplate, renderTemplate, resolvePath } from './template';
import { TemplateError } from './template-error';

const context: TemplateContext = {
  trigger: {
    body: { total: 120.5, paid: true, order: { id: 'A-1', lines: [{ sku: 'X' }] }, tags: ['a', 'b'], note: null, 'order id': 7 },
    query: { ref: 'mail' },
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    receivedAt: '2024-03-05T07:08:09.000Z',
    eventId: 'evt_1',
  },
  nodes: { shape: { orderId: 'A-1', items: [10, 20] } },
  flow: { id: 'f1', name: 'Orders' },
};

describe('typed rendering of a bare {{path}}', () => {
  it.each([
    ['{{trigger.body.total}}', 120.5],
    ['{{ trigger.body.paid }}', true],
    ['{{trigger.body.order}}', { id: 'A-1', lines: [{ sku: 'X' }] }],
    ['{{trigger.body.tags}}', ['a', 'b']],
    ['{{trigger.body.note}}', null],
    ['{{nodes.shape.items.[0]}}', 10],
    ['{{nodes.shape.items.1}}', 20],
    ['{{trigger.body.order.lines.0.sku}}', 'X'],
    ['{{trigger.body.[order id]}}', 7],
    ['{{trigger.headers.content-type}}', 'application/json'],
    ['{{{trigger.body.total}}}', 120.5],
    ['{{flow}}', { id: 'f1', name: 'Orders' }],
  ])('%s keeps its JSON type', (source, expected) => {
    expect(compileTemplate(source).render(context)).toEqual(expected);
  });

  it('answers undefined for a missing path', () => {
    expect(compileTemplate('{{trigger.body.missing.deeper}}').render(context)).toBeUndefined();
    expect(compileTemplate('{{nodes.nope}}').render(context)).toBeUndefined();
  });

  it('renders anything else to a string', () => {
    expect(compileTemplate('Total: {{trigger.body.total}}').render(context)).toBe('Total: 120.5');
    expect(compileTemplate(' {{trigger.body.total}}').render(context)).toBe(' 120.5');
    expect(compileTemplate('{{trigger.body.total}}{{trigger.body.paid}}').render(context)).toBe('120.5true');
    expect(compileTemplate('{{add trigger.body.total 1}}').render(context)).toBe('121.5');
    expect(compileTemplate('{{#if trigger.body.paid}}yes{{/if}}').render(context)).toBe('yes');
    expect(compileTemplate('{{trigger.body.missing}}!').render(context)).toBe('!');
  });

  it('prints adjacent values as text instead of adding them', () => {
    expect(renderTemplate('{{a}}{{b}}', { a: 1, b: 2 })).toBe('12');
    expect(renderTemplate('{{a}}{{b}}', { a: 120.5, b: true })).toBe('120.5true');
    expect(renderTemplate('{{#if ok}}{{n}}{{/if}}', { ok: true, n: 5 })).toBe('5');
    expect(renderTemplate('{{#each list}}{{this}}{{this}}{{/each}}', { list: [1, 2] })).toBe('1122');
  });

  it('prints objects and arrays inside text as JSON, and null or missing as nothing', () => {
    expect(renderTemplate('order: {{o}}', { o: { id: 1 } })).toBe('order: {"id":1}');
    expect(renderTemplate('tags: {{t}}', { t: ['a', 'b'] })).toBe('tags: ["a","b"]');
    expect(renderTemplate('[{{n}}{{m}}]', { n: null })).toBe('[]');
  });

  it('does not escape HTML', () => {
    expect(renderTemplate('<b>{{trigger.body.x}}</b>', { trigger: { body: { x: '"a" & <b>' } } })).toBe('<b>"a" & <b></b>');
  });

  it('calls a bare helper name instead of reading the context', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2024-01-02T03:04:05.000Z'));
    try {
      expect(compileTemplate('{{now}}').render({ now: 'shadowed' })).toBe('2024-01-02T03:04:05.000Z');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a number-looking segment inside quotes and number literals intact', () => {
    expect(renderTemplate('{{add 1.5 2}}', {})).toBe('3.5');
    expect(renderTemplate('{{default x "a.0"}}', {})).toBe('a.0');
    expect(renderTemplate('{{!-- items.0 --}}{{items.0}}', { items: ['z'] })).toBe('z');
  });
});

describe('strings without {{', () => {
  it('come back as they are, without Handlebars', () => {
    const compiled = compileTemplate('plain text with } and {');
    expect(compiled.render(context)).toBe('plain text with } and {');
    expect(renderTemplate('https://example.com', context)).toBe('https://example.com');
  });

  it('isTemplate tells them apart', () => {
    expect(isTemplate('{{a}}')).toBe(true);
    expect(isTemplate('a {b}')).toBe(false);
    expect(isTemplate(12)).toBe(false);
  });
});

describe('compile errors', () => {
  function compileError(source: string): TemplateError {
    try {
      compileTemplate(source);
    } catch (error) {
      if (error instanceof TemplateError) return error;
      throw error;
    }
    throw new Error(`expected ${source} not to compile`);
  }

  it('surface at compile time with line and column', () => {
    const error = compileError('Hello {{name}');
    expect(error.message).toMatch(/^Parse error on line 1, column \d+: a "\{\{" is not closed with "\}\}"/);
    expect(error.line).toBe(1);
    expect(error.column).toBeGreaterThan(0);
  });

  it('say plainly when a {{ is not closed', () => {
    expect(compileError('{{trigger.body.total').message).toBe('Parse error on line 1, column 1: a "{{" is not closed with "}}"');
    expect(compileError('a\nb {{x}} {{').message).toBe('Parse error on line 2, column 9: a "{{" is not closed with "}}"');
  });

  it('explain other parse errors in words', () => {
    expect(compileError('{{/if}}').message).toBe('Parse error on line 1, column 1: a "{{/...}}" closes a block that was never opened (near "{{/if}}")');
    expect(compileError('{{a b c=}}').message).toBe('Parse error on line 1, column 9: unexpected "}}" (near "{{a b c=}}")');
    expect(compileError('{{a.true}}').message).toContain('write it in brackets, e.g. [true]');
  });

  it('say which line of a multi-line template is wrong', () => {
    const error = compileError('line one\nline two {{#if a}}\nno end');
    expect(error.message).toContain('a block is never closed');
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('report mismatched blocks', () => {
    expect(compileError('{{#if a}}x{{/each}}').message).toBe('"{{#if}}" is closed with "{{/each}}"; a block must be closed with its own name (line 1, column 4)');
  });

  it('report unknown helpers, partials and value-less blocks before any render', () => {
    expect(compileError('{{shout name}}').message).toBe('unknown helper "shout" (line 1, column 1)');
    expect(compileError('{{log "x"}}').message).toContain('unknown helper "log"');
    expect(compileError('{{> header}}').message).toContain('partials');
    expect(compileError('a\n{{#if}}x{{/if}}').message).toBe('"{{#if}}" needs exactly one value, e.g. "{{#if trigger.body.items}}" (line 2, column 1)');
    expect(compileError('{{each items}}').message).toContain('only works as a block');
  });
});

describe('prototype safety', () => {
  it.each([
    '{{constructor}}',
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{trigger.body.__proto__.polluted}}',
    '{{trigger.body.constructor.name}}',
    '{{trigger.body.toString}}',
  ])('%s reaches nothing', (source) => {
    expect(compileTemplate(source).render(context)).toBeUndefined();
  });

  it.each([
    'x{{constructor.constructor}}',
    'x{{lookup this "constructor"}}',
    'x{{lookup (lookup trigger "body") "__proto__"}}',
    'x{{#with constructor}}{{name}}{{/with}}',
    'x{{trigger.body.hasOwnProperty}}',
  ])('%s renders nothing', (source) => {
    expect(compileTemplate(source).render(context)).toBe('x');
  });

  it('does not read a parsed "__proto__" key, and parsing it pollutes nothing', () => {
    const body: unknown = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"name": "own"}, "ok": 2}');
    const ctx = { trigger: { body } };
    expect(renderTemplate('{{trigger.body.__proto__.polluted}}', ctx)).toBeUndefined();
    expect(renderTemplate('x{{trigger.body.__proto__.polluted}}', ctx)).toBe('x');
    expect(renderTemplate('x{{json trigger.body.__proto__}}{{trigger.body.constructor.name}}', ctx)).toBe('x');
    expect(renderTemplate('x{{lookup trigger.body "__proto__"}}{{#with trigger.body.__proto__}}{{polluted}}{{/with}}', ctx)).toBe('x');
    expect(renderTemplate('x{{#each trigger.body}}{{#if (eq @key "ok")}}{{this}}{{/if}}{{/each}}', ctx)).toBe('x2');
    expect(renderTemplate('{{trigger.body.ok}}', ctx)).toBe(2);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('keeps prototype access off even when the process default is not asked for', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(renderTemplate('[{{trigger.body.constructor}}]', context)).toBe('[]');
      // Explicit false options mean Handlebars denies silently instead of warning.
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('resolvePath walks own properties only', () => {
    expect(resolvePath({ a: { b: 1 } }, ['a', 'b'])).toBe(1);
    expect(resolvePath({}, ['toString'])).toBeUndefined();
    expect(resolvePath({ a: [1, 2] }, ['a', 'length'])).toBe(2);
  });
});

describe('renderTemplate cache', () => {
  it('reuses a compiled template', () => {
    expect(cachedTemplate('{{a}} cached')).toBe(cachedTemplate('{{a}} cached'));
  });

  it('stays bounded', () => {
    const first = cachedTemplate('{{first}} evicted');
    for (let i = 0; i < 1100; i++) cachedTemplate(`{{v}} ${i}`);
    expect(cachedTemplate('{{first}} evicted')).not.toBe(first);
  });

  it('throws TemplateError for a bad template', () => {
    expect(() => renderTemplate('{{#if}}', {})).toThrow(TemplateError);
  });

  it('lookup reads own properties by key, including array indexes', () => {
    expect(renderTemplate('{{lookup prices currency}}', { prices: { EUR: 10 }, currency: 'EUR' })).toBe('10');
    expect(renderTemplate('{{lookup items 1}}', { items: ['a', 'b'] })).toBe('b');
    expect(renderTemplate('[{{lookup items}}]', { items: ['a'] })).toBe('[]');
  });
});

describe('render options', () => {
  it('use the given clock for now and date', () => {
    const now = (): Date => new Date('2030-06-07T08:09:10.000Z');
    expect(compileTemplate('{{now "YYYY-MM-DD"}}').render({}, { now })).toBe('2030-06-07');
    expect(compileTemplate('{{#each items}}{{date}}{{/each}}').render({ items: [1] }, { now })).toBe('2030-06-07T08:09:10.000Z');
  });
});

describe('blocks, built-in helpers and subexpressions render as Handlebars does', () => {
  const context = { trigger: { body: { items: [{ sku: 'A' }, { sku: 'B' }], user: { name: 'Ada' }, paid: false, tags: ['x', 'y'] } }, nodes: {} };
  const cases: Array<[string, string]> = [
    ['{{#trigger.body.items}}{{sku}};{{/trigger.body.items}}', 'A;B;'],
    ['{{#trigger.body.user}}{{name}}{{/trigger.body.user}}', 'Ada'],
    ['{{#unless trigger.body.paid}}unpaid{{else}}paid{{/unless}}', 'unpaid'],
    ['{{#each trigger.body.items}}{{@index}}={{lowercase sku}} {{/each}}', '0=a 1=b '],
    ['{{#with trigger.body.user}}{{uppercase name}}{{/with}}', 'ADA'],
    ['{{lookup trigger.body.tags 1}}', 'y'],
    ['{{uppercase (default trigger.body.missing "none")}}', 'NONE'],
    ['{{#if (eq trigger.body.user.name "Ada")}}{{join trigger.body.tags "+"}}{{/if}}', 'x+y'],
  ];
  it.each(cases)('%s', (source, expected) => {
    expect(renderTemplate(source, context)).toBe(expected);
  });
});
