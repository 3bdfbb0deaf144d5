import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderTemplate } from './template';
import { templateHelpers } from './template-helpers';

const ctx = {
  order: { total: 120.5, cents: 12345, paid: true, status: 'paid', tags: ['a', 'b', 'c'], name: '  Ada  ', email: 'Ada@Example.COM' },
  query: { count: '7', ids: '1,2,3' },
  when: '2024-03-05T07:08:09.123Z',
  epochSeconds: 1709622489,
  epochMillis: 1709622489123,
  nothing: null,
  empty: '',
  list: [] as unknown[],
  obj: { a: 1, b: [1, 2] },
  weird: { toString: 'not a function' },
};

const render = (source: string, context: Record<string, unknown> = ctx): unknown => renderTemplate(source, context);

describe('template helpers', () => {
  it('json prints JSON, optionally indented', () => {
    expect(render('{{json obj}}')).toBe('{"a":1,"b":[1,2]}');
    expect(render('{{json obj true}}')).toBe('{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ]\n}');
    expect(render('{{json obj pretty=true}}')).toContain('\n  "a": 1');
    expect(render('{{json order.status}}')).toBe('"paid"');
    expect(render('{{json missing}}')).toBe('');
  });

  it('json of a cyclic value gives empty text instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(render('{{json c}}', { c: cyclic })).toBe('');
  });

  it('default falls back on missing, null and empty text only', () => {
    expect(render('{{default missing "x"}}')).toBe('x');
    expect(render('{{default nothing "x"}}')).toBe('x');
    expect(render('{{default empty "x"}}')).toBe('x');
    expect(render('{{default order.status "x"}}')).toBe('paid');
    expect(render('{{default 0 "x"}}')).toBe('0');
  });

  it.each([
    ['{{#if (eq order.status "paid")}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (eq query.count 7)}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (eq order.paid "true")}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (ne order.status "paid")}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (gt order.total 100)}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (gt query.count 10)}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (gte order.total 120.5)}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (lt order.total 100)}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (lte 3 3)}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (gt when "2024-01-01")}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (gt obj 1)}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (and order.paid (gt order.total 100))}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (and order.paid list)}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (or nothing empty order.paid)}}y{{else}}n{{/if}}', 'y'],
    ['{{#if (or nothing empty)}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (not order.paid)}}y{{else}}n{{/if}}', 'n'],
    ['{{#if (not list)}}y{{else}}n{{/if}}', 'y'],
  ])('comparisons and logic: %s', (source, expected) => {
    expect(render(source)).toBe(expected);
  });

  it('text helpers', () => {
    expect(render('{{lowercase order.email}}')).toBe('ada@example.com');
    expect(render('{{uppercase order.status}}')).toBe('PAID');
    expect(render('[{{trim order.name}}]')).toBe('[Ada]');
    expect(render('{{join order.tags " | "}}')).toBe('a | b | c');
    expect(render('{{join order.tags}}')).toBe('a, b, c');
    expect(render('{{substring order.status 1 3}}')).toBe('ai');
    expect(render('{{substring order.status 2}}')).toBe('id');
    expect(render('{{replace "a-b-c" "-" "+"}}')).toBe('a+b+c');
    expect(render('{{replace "a.b" "." ""}}')).toBe('ab');
    expect(render('{{#each (split query.ids ",")}}<{{this}}>{{/each}}')).toBe('<1><2><3>');
    expect(render('{{join (split "x;y" ";") "+"}}')).toBe('x+y');
    expect(render('{{urlencode "a b&c=d/é"}}')).toBe('a%20b%26c%3Dd%2F%C3%A9');
    expect(render('{{base64 "user:pässword"}}')).toBe('dXNlcjpww6Rzc3dvcmQ=');
  });

  it('length counts items, characters or keys', () => {
    expect(render('{{length order.tags}}')).toBe('3');
    expect(render('{{length order.status}}')).toBe('4');
    expect(render('{{length obj}}')).toBe('2');
    expect(render('{{length 12}}')).toBe('0');
  });

  it('arithmetic accepts numbers and numeric text', () => {
    expect(render('{{add order.total 1}}')).toBe('121.5');
    expect(render('{{add query.count "3"}}')).toBe('10');
    expect(render('{{subtract 10 query.count}}')).toBe('3');
    expect(render('{{multiply 2.5 4}}')).toBe('10');
    expect(render('{{divide order.cents 100}}')).toBe('123.45');
    expect(render('{{round (divide 10 3) 2}}')).toBe('3.33');
    expect(render('{{round 1.005 2}}')).toBe('1.01');
    expect(render('{{round order.total}}')).toBe('121');
  });

  it('dates format in UTC', () => {
    expect(render('{{date when "YYYY-MM-DD"}}')).toBe('2024-03-05');
    expect(render('{{date when "DD/MM/YYYY HH:mm:ss.SSS"}}')).toBe('05/03/2024 07:08:09.123');
    expect(render('{{date when}}')).toBe('2024-03-05T07:08:09.123Z');
    expect(render('{{date epochSeconds "iso"}}')).toBe('2024-03-05T07:08:09.000Z');
    expect(render('{{date epochMillis "iso"}}')).toBe('2024-03-05T07:08:09.123Z');
    expect(render('{{date "1709622489" "YYYY"}}')).toBe('2024');
  });

  describe('with a fixed clock', () => {
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2025-12-31T23:59:58.000Z'));
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('now and date without arguments give the current time', () => {
      expect(render('{{now}}')).toBe('2025-12-31T23:59:58.000Z');
      expect(render('{{now "YYYY"}}')).toBe('2025');
      expect(render('{{date}}')).toBe('2025-12-31T23:59:58.000Z');
    });
  });

  it.each([
    '{{json}}',
    '{{default}}',
    '{{eq}}',
    '{{gt weird 1}}',
    '{{lowercase obj}}',
    '{{uppercase nothing}}',
    '{{trim 5}}',
    '{{join obj}}',
    '{{length}}',
    '{{date "not a date"}}',
    '{{date obj}}',
    '{{add "x" 1}}',
    '{{subtract}}',
    '{{multiply obj 2}}',
    '{{divide 1 0}}',
    '{{round "abc"}}',
    '{{substring obj 1}}',
    '{{replace nothing "a" "b"}}',
    '{{split obj}}',
    '{{urlencode obj}}',
    '{{base64 nothing}}',
    '{{now 12}}',
  ])('%s does not throw on odd input', (source) => {
    const output = render(`[${source}]`);
    expect(typeof output).toBe('string');
  });

  it('odd input gives empty text or false', () => {
    expect(render('[{{add "x" 1}}|{{divide 1 0}}|{{lowercase obj}}|{{date "nope"}}|{{gt obj 1}}]')).toBe('[||||false]');
  });

  it('every documented helper is registered and has an example that compiles', () => {
    const names = templateHelpers.map((helper) => helper.name);
    expect(names).toEqual(expect.arrayContaining(['json', 'default', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'and', 'or', 'not', 'lowercase', 'uppercase', 'trim', 'join', 'length', 'date', 'now', 'add', 'subtract', 'multiply', 'divide', 'round', 'substring', 'replace', 'split', 'urlencode', 'base64', 'if', 'each']));
    for (const helper of templateHelpers) {
      expect(helper.signature).toContain(helper.name);
      expect(helper.description.length).toBeGreaterThan(5);
      expect(() => renderTemplate(helper.example.replaceAll('…', 'x'), { trigger: { body: {} } })).not.toThrow();
    }
  });
});
