// Handlebars wrapper: compile once (syntax errors surface here, not at first render), render with
// types kept for a bare `{{path}}`, and no HTML escaping (we render JSON and text, not HTML).
// One isolated Handlebars environment holds our helpers; prototype access stays off.
import Handlebars from 'handlebars';
import type { TemplateContext } from './api-types';
import { blockPaths, findUnrenderable, printMustachesAsText, singlePathOf } from './template-ast';
import { TemplateError, toTemplateError, type SourcePosition } from './template-error';
import { incompletePathError } from './template-incomplete';
import { CLOCK_DATA_KEY, TEXT_HELPER, helperNames, registerTemplateHelpers } from './template-helpers';
import { normalizeTemplateSource } from './template-source';
import { BLOCKED_KEYS, isRecord, ownProperty } from './template-values';

/** Compiled templates kept by renderTemplate; enough for every template of many flows. */
const CACHE_LIMIT = 1000;

const handlebars = Handlebars.create();
registerTemplateHelpers(handlebars);

const knownHelpers: Record<string, boolean> = Object.fromEntries([...helperNames].map((name) => [name, true]));
knownHelpers.log = false;

// knownHelpersOnly turns a call of an unknown helper into a compile error instead of a render error.
const COMPILE_OPTIONS: CompileOptions = { strict: false, noEscape: true, knownHelpers, knownHelpersOnly: true };

const cache = new Map<string, CompiledTemplate>();

export function isTemplate(value: unknown): value is string {
  return typeof value === 'string' && value.includes('{{');
}

/** Compiles eagerly; throws TemplateError (with line and column) when the source does not compile. */
export function compileTemplate(source: string): CompiledTemplate {
  if (!isTemplate(source)) return { source, render: () => source };
  try {
    return compileSource(source);
  } catch (error) {
    throw incompletePathError(source) ?? error;
  }
}

function compileSource(source: string): CompiledTemplate {
  const normalized = normalizeTemplateSource(source);
  const program = parseTemplate(normalized);
  const unrenderable = findUnrenderable(program);
  if (unrenderable) throw unrenderable;
  const path = singlePathOf(program, helperNames);
  if (path) return { source, render: (context) => resolvePath(context, path) };
  try {
    handlebars.precompile(prepared(program), COMPILE_OPTIONS);
  } catch (error) {
    throw toTemplateError(error);
  }
  // compile() is lazy and processes the AST it is given, so it gets a fresh one; precompile above
  // already proved that it compiles.
  const template = handlebars.compile(prepared(parseTemplate(normalized)), COMPILE_OPTIONS);
  return {
    source,
    render: (context, options = {}) => {
      try {
        return template(context, runtimeOptions(options));
      } catch (error) {
        throw toTemplateError(error);
      }
    },
  };
}

/** Renders through a bounded cache of compiled templates. Throws TemplateError. */
export function renderTemplate(source: string, context: RenderContext, options?: RenderOptions): unknown {
  if (!isTemplate(source)) return source;
  return cachedTemplate(source).render(context, options);
}

/** compileTemplate, remembered for the most recently used CACHE_LIMIT sources. */
export function cachedTemplate(source: string): CompiledTemplate {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const compiled = compileTemplate(source);
  cache.set(source, compiled);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return compiled;
}

/** Own-property lookup along `path`; a prototype is never walked. */
export function resolvePath(context: unknown, path: readonly string[]): unknown {
  let value = context;
  for (const segment of path) {
    value = ownProperty(value, segment);
    if (value === undefined) return undefined;
  }
  return value;
}

/** The AST as Handlebars should run it: blocked keys unreachable, every value printed as text. */
function prepared(program: hbs.AST.Program): hbs.AST.Program {
  blockPaths(program, BLOCKED_KEYS);
  printMustachesAsText(program, TEXT_HELPER, helperNames);
  return program;
}

function parseTemplate(source: string): hbs.AST.Program {
  try {
    return handlebars.parseWithoutProcessing(source);
  } catch (error) {
    throw unclosedMustache(source) ?? toTemplateError(error, lexerPosition());
  }
}

/** The common mistake, said plainly: Handlebars reports it as an unexpected character or end. */
function unclosedMustache(source: string): TemplateError | undefined {
  const open = source.lastIndexOf('{{');
  if (open < 0 || source.indexOf('}}', open) >= 0) return undefined;
  const before = source.slice(0, open).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return new TemplateError(`Parse error on line ${line}, column ${column}: a "{{" is not closed with "}}"`, { line, column });
}

/** Where Handlebars' lexer stopped; its parse message only gives the line. */
function lexerPosition(): SourcePosition | undefined {
  const parser: unknown = Reflect.get(handlebars, 'Parser');
  const lexer = isRecord(parser) ? parser.lexer : undefined;
  const location = isRecord(lexer) ? lexer.yylloc : undefined;
  if (!isRecord(location)) return undefined;
  const { first_line: line, first_column: column } = location;
  return typeof line === 'number' && typeof column === 'number' ? { line, column: column + 1 } : undefined;
}

function runtimeOptions(options: RenderOptions): Handlebars.RuntimeOptions {
  return {
    // Explicit false (not just the default) also keeps Handlebars from logging denied accesses.
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
    data: options.now ? { [CLOCK_DATA_KEY]: options.now } : undefined,
  };
}

export type RenderContext = TemplateContext | Record<string, unknown>;

export interface RenderOptions {
  /** Clock for the `now` and `date` helpers (default: the system clock). */
  now?: () => Date | number;
}

export interface CompiledTemplate {
  readonly source: string;
  /**
   * A bare `{{path}}` answers the value with its JSON type (undefined when missing); any other
   * template answers a string. Throws TemplateError when rendering fails.
   */
  render(context: RenderContext, options?: RenderOptions): unknown;
}
