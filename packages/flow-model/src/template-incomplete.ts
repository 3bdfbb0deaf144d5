// Half-typed paths, said plainly. Handlebars reads `{{trigger.body.}}` as a call of a helper named
// "trigger" and reports `unknown helper "trigger"`, which sends a non-developer looking for a
// helper; the real problem is the dot at the end (or an empty step, `trigger..body`).
import { TemplateError } from './template-error';

/** A path token ending with a dot, or with two dots in a row, inside a `{{ }}`. */
const INCOMPLETE = /(?<=^|[\s(=])((?:@?[A-Za-z_$][\w$-]*|\[[^\]]*\])(?:\.(?:[\w$-]+|\[[^\]]*\]))*)(\.\.?)(?=[\s)}~]|$|\.?[A-Za-z_$[])/;

/**
 * The first mustache whose path is unfinished, as a TemplateError, or undefined. Only asked once a
 * template failed to compile, so a valid template is never second-guessed.
 */
export function incompletePathError(source: string): TemplateError | undefined {
  for (const mustache of mustaches(source)) {
    const match = INCOMPLETE.exec(mustache.inner);
    if (!match) continue;
    const [, path, dots] = match;
    const after = mustache.inner.slice(match.index + path.length + dots.length);
    const where = position(source, mustache.start);
    const details = { line: where.line, column: where.column };
    if (dots === '.' && !/^[A-Za-z_$[]/.test(after)) {
      return new TemplateError(`"${mustache.text}" ends with a dot: finish the path (e.g. "${path}.name") or remove the dot`, details);
    }
    if (dots === '..') return new TemplateError(`"${mustache.text}" has two dots in a row after "${path}": remove one`, details);
  }
  return undefined;
}

function* mustaches(source: string): Generator<{ text: string; inner: string; start: number }> {
  let from = 0;
  for (let open = source.indexOf('{{', from); open >= 0; open = source.indexOf('{{', from)) {
    const close = source.indexOf('}}', open + 2);
    if (close < 0) return;
    const text = source.slice(open, close + 2);
    from = close + 2;
    if (text.startsWith('{{!')) continue;
    // Quoted strings may hold any dots: blank them out, keeping lengths.
    const inner = text.slice(2, -2).replace(/^[#/^~>&{]+/, (lead) => ' '.repeat(lead.length)).replace(/"[^"]*"|'[^']*'/g, (quoted) => ' '.repeat(quoted.length));
    yield { text, inner, start: open };
  }
}

function position(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
