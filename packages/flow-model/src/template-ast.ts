// Reads a parsed Handlebars template: is it one bare `{{path}}` (typed rendering), and does it use
// a construct that would only fail once rendered (partials, `{{#if}}` without a value)?
import { TemplateError } from './template-error';

type Node = hbs.AST.Node;

/** Built-in blocks that take exactly one value. */
const ONE_VALUE_BLOCKS: ReadonlySet<string> = new Set(['if', 'unless', 'with', 'each']);
/** Built-ins that misbehave when used inline instead of as a block. */
const BLOCK_ONLY: ReadonlySet<string> = new Set(['with', 'each']);

/**
 * The path segments when the template is exactly one `{{path}}` (no helper, no params, no @data,
 * no `../`), else undefined. `{{this}}` answers [] (the whole context).
 */
export function singlePathOf(program: hbs.AST.Program, helperNames: ReadonlySet<string>): string[] | undefined {
  if (program.body.length !== 1) return undefined;
  const statement = program.body[0];
  if (!isMustache(statement) || statement.params.length > 0 || statement.hash) return undefined;
  const path = statement.path;
  if (!isPath(path) || path.data || path.depth > 0) return undefined;
  const bareName = path.parts.length === 1 && path.original === path.parts[0];
  if (bareName && helperNames.has(path.parts[0])) return undefined;
  return [...path.parts];
}

/**
 * Points every path that names a blocked key (`__proto__`, `constructor`, …) at an @data variable
 * that never exists, so it renders nothing even when a parsed payload holds such a key as its own.
 * Helper names are left alone: an unknown helper is already a compile error.
 */
export function blockPaths(program: hbs.AST.Program, blocked: ReadonlySet<string>): void {
  const pending: Node[] = [program];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isPath(node)) blockPath(node, blocked);
    else if (isProgram(node)) pending.push(...node.body);
    else if (isBlock(node) || isMustache(node) || isSubExpression(node)) {
      const isCall = node.params.length > 0 || Boolean(node.hash) || isSubExpression(node);
      if (!isCall) pending.push(node.path);
      pending.push(...node.params, ...hashValues(node.hash));
      if (isBlock(node)) pending.push(...[node.program, node.inverse].filter(isNode));
    }
  }
}

function blockPath(path: hbs.AST.PathExpression, blocked: ReadonlySet<string>): void {
  if (!path.parts.some((part) => blocked.has(part))) return;
  path.data = true;
  path.depth = 0;
  path.parts = [NEVER_SET_DATA];
  path.original = `@${NEVER_SET_DATA}`;
}

const NEVER_SET_DATA = 'hookflowBlocked';

/**
 * Rewrites every `{{expression}}` to `{{textHelper expression}}`. With noEscape, Handlebars joins
 * values with a bare `+`, so `{{a}}{{b}}` with the numbers 1 and 2 would print 3, and a block made
 * of one mustache would hand back a number; printing through one helper makes output always text.
 */
export function printMustachesAsText(program: hbs.AST.Program, textHelper: string, helperNames: ReadonlySet<string>): void {
  const pending: Node[] = [program];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (isMustache(node)) printAsText(node, textHelper, helperNames);
    else if (isProgram(node)) pending.push(...node.body);
    else if (isBlock(node)) pending.push(...[node.program, node.inverse].filter(isNode));
  }
}

function printAsText(mustache: hbs.AST.MustacheStatement, textHelper: string, helperNames: ReadonlySet<string>): void {
  const { path, params, hash, loc } = mustache;
  const bareHelper = isPath(path) && params.length === 0 && !hash && helperName(path) !== undefined && helperNames.has(path.parts[0]);
  const isCall = params.length > 0 || Boolean(hash) || bareHelper;
  if (isCall && !isPath(path)) return; // a literal called like a helper: leave it to Handlebars' error
  const value: hbs.AST.Expression = isCall && isPath(path) ? subExpression({ path, params, hash, loc }) : path;
  mustache.path = pathExpression(textHelper, loc);
  mustache.params = [value];
  mustache.hash = { type: 'Hash', pairs: [], loc };
}

function subExpression(parts: Omit<hbs.AST.SubExpression, 'type'>): hbs.AST.SubExpression {
  return { type: 'SubExpression', ...parts };
}

function pathExpression(name: string, loc: hbs.AST.SourceLocation): hbs.AST.PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc };
}

/** The first construct that compiles but cannot render, as a TemplateError. */
export function findUnrenderable(program: hbs.AST.Program): TemplateError | undefined {
  const pending: Node[] = [program];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const problem = problemOf(node);
    if (problem) return new TemplateError(`${problem} (line ${node.loc.start.line}, column ${node.loc.start.column + 1})`, {
      line: node.loc.start.line,
      column: node.loc.start.column + 1,
    });
    pending.push(...childrenOf(node));
  }
  return undefined;
}

function problemOf(node: Node): string | undefined {
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') return 'partials ("{{> name}}") are not supported';
  if (node.type === 'DecoratorBlock' || node.type === 'Decorator') return 'decorators ("{{* name}}") are not supported';
  if (isBlock(node)) {
    const name = helperName(node.path);
    if (name && ONE_VALUE_BLOCKS.has(name) && node.params.length !== 1) {
      return `"{{#${name}}}" needs exactly one value, e.g. "{{#${name} trigger.body.items}}"`;
    }
  }
  if (isMustache(node) || isSubExpression(node)) {
    const name = isPath(node.path) ? helperName(node.path) : undefined;
    if (name && BLOCK_ONLY.has(name)) return `"${name}" only works as a block: "{{#${name} value}}...{{/${name}}}"`;
  }
  return undefined;
}

function childrenOf(node: Node): Node[] {
  if (isProgram(node)) return node.body;
  if (isBlock(node)) return [...node.params, ...hashValues(node.hash), node.program, node.inverse].filter(isNode);
  if (isMustache(node) || isSubExpression(node)) return [node.path, ...node.params, ...hashValues(node.hash)].filter(isNode);
  return [];
}

function hashValues(hash: hbs.AST.Hash | undefined): Node[] {
  return hash ? hash.pairs.map((pair) => pair.value) : [];
}

function helperName(path: hbs.AST.PathExpression): string | undefined {
  return path.parts.length === 1 && path.original === path.parts[0] ? path.parts[0] : undefined;
}

function isNode(value: Node | undefined | null): value is Node {
  return value !== undefined && value !== null;
}

function isProgram(node: Node): node is hbs.AST.Program {
  return node.type === 'Program';
}

function isBlock(node: Node): node is hbs.AST.BlockStatement {
  return node.type === 'BlockStatement';
}

function isMustache(node: Node): node is hbs.AST.MustacheStatement {
  return node.type === 'MustacheStatement';
}

function isSubExpression(node: Node): node is hbs.AST.SubExpression {
  return node.type === 'SubExpression';
}

function isPath(node: Node): node is hbs.AST.PathExpression {
  return node.type === 'PathExpression';
}
