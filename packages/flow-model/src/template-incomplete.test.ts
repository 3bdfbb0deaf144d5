import { describe, expect, it } from 'vitest';
import { compileTemplate } from './template';

const messageOf = (source: string): string => {
  try {
    compileTemplate(source);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'compiled';
};

describe('half-typed template paths', () => {
  it('says a path ends with a dot instead of calling it an unknown helper', () => {
    expect(messageOf('{{trigger.body.}}')).toBe('"{{trigger.body.}}" ends with a dot: finish the path (e.g. "trigger.body.name") or remove the dot');
    expect(messageOf('Order {{nodes.shape.}} done')).toMatch(/^"\{\{nodes\.shape\.\}\}" ends with a dot/);
    expect(messageOf('{{#if trigger.body.}}x{{/if}}')).toMatch(/ends with a dot/);
    expect(messageOf('{{trigger.}}')).not.toMatch(/unknown helper/);
  });

  it('names two dots in a row', () => {
    expect(messageOf('{{trigger..body}}')).toBe('"{{trigger..body}}" has two dots in a row after "trigger": remove one');
  });

  it('leaves valid templates and other mistakes alone', () => {
    expect(messageOf('{{.}}')).toBe('compiled');
    expect(messageOf('{{default trigger.body.x "a."}}')).toBe('compiled');
    expect(messageOf('{{nope trigger.body}}')).toMatch(/unknown helper "nope"/);
  });
});
