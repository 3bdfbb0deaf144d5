// Autocomplete inside `{{ … }}`: find the word being typed, rank variables and helpers that fit,
// and put the chosen one in, closing the braces when they are not closed yet.

export interface OpenExpression {
  /** Where the word being typed starts. */
  start: number;
  /** The word typed so far (may be empty right after `{{`). */
  word: string;
}

export interface Suggestion {
  value: string;
  kind: 'variable' | 'helper';
  detail?: string;
}

/** The expression the caret is in, or null when it is not inside an open `{{`. */
export function openExpression(text: string, caret: number): OpenExpression | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return null;
  const inside = before.slice(open + 2);
  const word = /[^\s(){}#/]*$/.exec(inside)?.[0] ?? '';
  return { start: caret - word.length, word };
}

export function rankSuggestions({ word, variables, helpers, limit = 12 }: RankInput): Suggestion[] {
  const needle = word.toLowerCase();
  const matches = (candidate: string) => candidate.toLowerCase().startsWith(needle);
  const contains = (candidate: string) => needle.length > 1 && !matches(candidate) && candidate.toLowerCase().includes(needle);
  // Children of what is typed come first, the shallowest first, so "trigger.body." lists its keys.
  const depth = (path: string) => path.split('.').length;
  const byDepth = (a: string, b: string) => depth(a) - depth(b);
  const variableHits = [...variables.filter(matches).sort(byDepth), ...variables.filter(contains)].map((value): Suggestion => ({ value, kind: 'variable' }));
  const helperHits = needle.includes('.') ? [] : helpers.filter((helper) => matches(helper.name)).map((helper): Suggestion => ({ value: helper.name, kind: 'helper', detail: helper.signature }));
  return [...variableHits, ...helperHits].filter((suggestion) => suggestion.value !== word).slice(0, limit);
}

/** The text with the word replaced by the suggestion, and where the caret goes. */
export function applySuggestion({ text, expression, value, kind }: { text: string; expression: OpenExpression; value: string; kind: Suggestion['kind'] }): { text: string; caret: number } {
  const end = expression.start + expression.word.length;
  const after = text.slice(end);
  const nextOpen = after.indexOf('{{');
  const nextClose = after.indexOf('}}');
  const closed = nextClose >= 0 && (nextOpen < 0 || nextClose < nextOpen);
  const insert = kind === 'helper' ? `${value} ` : value;
  const closing = closed || kind === 'helper' ? '' : '}}';
  const next = `${text.slice(0, expression.start)}${insert}${closing}${after}`;
  return { text: next, caret: expression.start + insert.length + closing.length };
}

interface RankInput {
  word: string;
  variables: readonly string[];
  helpers: ReadonlyArray<{ name: string; signature: string }>;
  limit?: number;
}
