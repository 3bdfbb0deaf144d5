// The one error kind templates raise, with a message a flow author can act on: what is wrong
// and where (line and column of the template, and the param path when rendering a structure).

export interface TemplateErrorDetails {
  /** 1-based line in the template source. */
  line?: number;
  /** 1-based column in the template source. */
  column?: number;
  /** Dotted path of the failing string inside a structure given to compileDeep/renderDeep. */
  path?: string;
  cause?: unknown;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;

  constructor(message: string, details: TemplateErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.line = details.line;
    this.column = details.column;
    this.path = details.path;
  }

  /** The same error, located at `path` inside a structure. */
  at(path: string): TemplateError {
    return new TemplateError(this.message, { line: this.line, column: this.column, path, cause: this.cause });
  }
}

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Turns whatever Handlebars threw into a TemplateError. `position` is where the lexer stopped, when
 * the caller could read it; Handlebars' own parse message only carries the line.
 */
export function toTemplateError(error: unknown, position?: SourcePosition): TemplateError {
  if (error instanceof TemplateError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const parse = describeParseError(raw);
  if (parse) {
    const where = position ?? { line: parse.line, column: undefined };
    const at = where.column === undefined ? `line ${where.line}` : `line ${where.line}, column ${where.column}`;
    return new TemplateError(`Parse error on ${at}: ${parse.problem} (near "${parse.near}")`, {
      line: where.line,
      column: where.column,
      cause: error,
    });
  }
  // Compiler exceptions end in " - line:column" (column 0-based).
  const located = /^(.*) - (\d+):(\d+)$/s.exec(raw);
  if (located) {
    const line = Number(located[2]);
    const column = Number(located[3]) + 1;
    return new TemplateError(`${compilerProblem(located[1])} (line ${line}, column ${column})`, { line, column, cause: error });
  }
  return new TemplateError(raw, { cause: error });
}

function compilerProblem(message: string): string {
  const unknownHelper = /^You specified knownHelpersOnly, but used the unknown helper (.+)$/.exec(message);
  if (unknownHelper) return `unknown helper "${unknownHelper[1]}"`;
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(message);
  if (mismatch) return `"{{#${mismatch[1]}}}" is closed with "{{/${mismatch[2]}}}"; a block must be closed with its own name`;
  return message;
}

interface ParseProblem {
  line: number;
  near: string;
  problem: string;
}

const PARSE_MESSAGE = /^Parse error on line (\d+):\n(.*)\n-*\^\nExpecting (.*), got '([^']*)'$/s;

function describeParseError(message: string): ParseProblem | undefined {
  const match = PARSE_MESSAGE.exec(message);
  if (!match) return undefined;
  const expected = match[3];
  const got = match[4];
  return { line: Number(match[1]), near: match[2].trim(), problem: parseProblem({ expected, got }) };
}

const TOKEN_WORDS: Record<string, string> = {
  EOF: 'end of the template',
  INVALID: 'character',
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  OPEN: '"{{"',
  OPEN_ENDBLOCK: 'a closing "{{/...}}"',
  OPEN_BLOCK: 'a block "{{#...}}"',
  INVERSE: '"{{else}}"',
  OPEN_SEXPR: '"("',
  CLOSE_SEXPR: '")"',
  ID: 'a name',
  NUMBER: 'a number',
  STRING: 'a quoted text',
  BOOLEAN: 'true or false',
  SEP: '"." or "/"',
  EQUALS: '"="',
  DATA: 'an @variable',
  CONTENT: 'text',
};

function parseProblem({ expected, got }: { expected: string; got: string }): string {
  const expects = (token: string): boolean => expected.includes(`'${token}'`);
  if (got === 'EOF' && expects('OPEN_ENDBLOCK')) return 'a block is never closed (a "{{/...}}" is missing)';
  if (expects('CLOSE') && (got === 'EOF' || got === 'INVALID')) return 'a "{{" is not closed with "}}"';
  if (got === 'NUMBER' && expects('ID')) return 'a path segment is a number where a name is expected; write it as [0]';
  if (got === 'BOOLEAN' && expects('ID')) return 'a path segment is a reserved word; write it in brackets, e.g. [true]';
  if (got === 'OPEN_ENDBLOCK') return 'a "{{/...}}" closes a block that was never opened';
  return `unexpected ${TOKEN_WORDS[got] ?? got}`;
}
