import { describe, expect, it } from 'vitest';
import { applySuggestion, openExpression, rankSuggestions } from './template-suggestions';

describe('template suggestions', () => {
  it('finds the word typed inside an open {{', () => {
    expect(openExpression('Hi {{trigger.bo', 15)).toEqual({ start: 5, word: 'trigger.bo' });
    expect(openExpression('Hi {{lowercase trigger.bo', 25)).toEqual({ start: 15, word: 'trigger.bo' });
    expect(openExpression('Hi {{name}} there', 16)).toBeNull();
    expect(openExpression('no braces', 4)).toBeNull();
  });

  it('ranks variables by prefix and depth, then helpers', () => {
    const variables = ['trigger', 'trigger.body', 'trigger.body.total', 'trigger.headers', 'nodes.shape.total'];
    const helpers = [{ name: 'trim', signature: 'trim text' }];
    expect(rankSuggestions({ word: 'tr', variables, helpers }).map((s) => s.value)).toEqual(['trigger', 'trigger.body', 'trigger.headers', 'trigger.body.total', 'trim']);
    expect(rankSuggestions({ word: 'total', variables, helpers }).map((s) => s.value)).toEqual(['trigger.body.total', 'nodes.shape.total']);
  });

  it('closes the braces unless they are closed already', () => {
    expect(applySuggestion({ text: 'A {{trig', expression: { start: 4, word: 'trig' }, value: 'trigger.body', kind: 'variable' })).toEqual({ text: 'A {{trigger.body}}', caret: 18 });
    expect(applySuggestion({ text: 'A {{trig}} B', expression: { start: 4, word: 'trig' }, value: 'trigger.body', kind: 'variable' })).toEqual({ text: 'A {{trigger.body}} B', caret: 16 });
    expect(applySuggestion({ text: '{{low', expression: { start: 2, word: 'low' }, value: 'lowercase', kind: 'helper' }).text).toBe('{{lowercase ');
  });
});
