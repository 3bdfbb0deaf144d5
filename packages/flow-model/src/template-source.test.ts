import { describe, expect, it } from 'vitest';
import { normalizeTemplateSource } from './template-source';

describe('normalizeTemplateSource', () => {
  it.each([
    ['{{items.0}}', '{{items.[0]}}'],
    ['{{ items.12 }}', '{{ items.[12] }}'],
    ['{{~items.0~}}', '{{~items.[0]~}}'],
    ['{{{items.0}}}', '{{{items.[0]}}}'],
    ['{{json (lookup a.0 "k")}}', '{{json (lookup a.[0] "k")}}'],
    ['{{#each rows.0}}x{{/each}}', '{{#each rows.[0]}}x{{/each}}'],
  ])('%s becomes %s', (source, expected) => {
    expect(normalizeTemplateSource(source)).toBe(expected);
  });

  it.each([
    'no mustache items.0',
    'text items.0 {{a}}',
    '{{add 1.5 2}}',
    '{{add -1.5 2}}',
    '{{default x "a.0"}}',
    "{{default x 'a.0'}}",
    '{{items.[0]}}',
    '{{! items.0 }}',
    '{{!-- items.0 }} --}}',
    '\\{{items.0}}',
    '{{{{raw}}}}{{items.0}}{{{{/raw}}}}',
    '{{../0}}',
    '{{items.0.name}}',
  ])('%s stays as it is', (source) => {
    expect(normalizeTemplateSource(source)).toBe(source);
  });
});
