// Handlebars reads `{{items.0}}` as the path `items.` followed by the number 0 and fails, though
// authors (and our variable list) write array indexes that way. Before parsing, a numeric path
// segment at the end of a path is rewritten to Handlebars' literal-segment form: `items.[0]`.
// Text outside mustaches, quoted strings, comments and escaped `\{{` are left untouched.

const TOKEN_BREAK = /[\s(){}=|~#^>&]/;
const SEGMENT_END = /[\s)}~]/;

export function normalizeTemplateSource(source: string): string {
  // Raw blocks print their body verbatim; rewriting inside them would change the output.
  if (!source.includes('{{') || source.includes('{{{{')) return source;
  let out = '';
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{{', index);
    if (open < 0) break;
    if (isEscaped(source, open)) {
      out += source.slice(index, open + 2);
      index = open + 2;
      continue;
    }
    const close = closingIndex(source, open);
    if (close < 0) break;
    const mustache = source.slice(open, close);
    out += source.slice(index, open) + (mustache.startsWith('{{!') ? mustache : bracketNumericSegments(mustache));
    index = close;
  }
  return out + source.slice(index);
}

function isEscaped(source: string, open: number): boolean {
  return source[open - 1] === '\\' && source[open - 2] !== '\\';
}

/** Index just past the mustache opened at `open`, or -1 when it never closes. */
function closingIndex(source: string, open: number): number {
  if (source.startsWith('{{!--', open)) {
    const end = source.indexOf('--', open + 5);
    const close = end < 0 ? -1 : source.indexOf('}}', end);
    return close < 0 ? -1 : close + 2;
  }
  if (source.startsWith('{{!', open)) {
    const close = source.indexOf('}}', open + 3);
    return close < 0 ? -1 : close + 2;
  }
  let quote: string | undefined;
  for (let i = open + 2; i < source.length - 1; i++) {
    const char = source[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '}' && source[i + 1] === '}') {
      return source[i + 2] === '}' ? i + 3 : i + 2;
    }
  }
  return -1;
}

function bracketNumericSegments(mustache: string): string {
  let out = '';
  let quote: string | undefined;
  let inBrackets = false;
  let tokenStart = 0;
  for (let i = 0; i < mustache.length; i++) {
    const char = mustache[i];
    out += char;
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (inBrackets) {
      inBrackets = char !== ']';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[') inBrackets = true;
    else if (TOKEN_BREAK.test(char)) tokenStart = i + 1;
    else if (char === '.') {
      const digits = numericSegmentAfter(mustache, i);
      if (digits && isPathBeforeDot(mustache.slice(tokenStart, i))) {
        out += `[${digits}]`;
        i += digits.length;
      }
    }
  }
  return out;
}

function numericSegmentAfter(text: string, dot: number): string | undefined {
  const match = /^\d+/.exec(text.slice(dot + 1));
  if (!match) return undefined;
  const next = text[dot + 1 + match[0].length];
  return next === undefined || SEGMENT_END.test(next) ? match[0] : undefined;
}

/** A path like `items` or `a.b`, not a number literal (`1.5`) nor a parent step (`../`). */
function isPathBeforeDot(token: string): boolean {
  if (token === '' || /^-?\d+$/.test(token)) return false;
  const last = token[token.length - 1];
  return last !== '.' && last !== '/';
}
