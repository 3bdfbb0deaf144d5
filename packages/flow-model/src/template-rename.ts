// Rewrites one template so that what it read from node `from` it now reads from node `to`, using
// Handlebars' own parser: `{{nodes.shape.x}}`, `{{#if nodes.shape.ok}}`, `{{lookup nodes.shape "a"}}`,
// `{{../nodes.shape.x}}` inside `{{#each}}`, `{{@root.nodes.shape}}`, `{{lookup nodes "shape"}}`.
// What names nodes only when it runs (`{{lookup nodes key}}`, `{{json nodes}}`) cannot be rewritten
// safely: it is reported instead, and the caller refuses the rename.
import Handlebars from 'handlebars';
import { isTemplate } from './template';
import { nodeReferencesOf } from './template-references';
import { normalizeTemplateSource } from './template-source';
import { childrenOf, isCall, isPath } from './template-scope';

type Node = hbs.AST.Node;

/** A segment Handlebars reads as a plain name; anything else is written `[like this]`. */
const PLAIN_SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS: ReadonlySet<string> = new Set(['true', 'false', 'null', 'undefined', 'else', 'as', 'this']);

/**
 * The template with its reads of node `from` pointed at `to`. `joinIds` are nodes whose output is
 * keyed by the ids of the nodes before them (merge), so `nodes.<join>.<from>` follows too.
 */
export function renameNodeInTemplate({ source, from, to, joinIds = new Set() }: TemplateRename): TemplateRenameResult {
  if (!isTemplate(source)) return { ok: true, text: source };
  const normalized = normalizeTemplateSource(source);
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parseWithoutProcessing(normalized);
  } catch {
    return mentions(source, from) ? { ok: false, problems: ['the template does not parse, so its use of the node cannot be rewritten'] } : { ok: true, text: source };
  }
  const edits: Edit[] = [];
  const problems: string[] = [];
  const lines = lineStarts(normalized);
  const pending: Array<{ node: Node; scope: number }> = [{ node: program, scope: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node, scope } = item;
    if (isCall(node) && isLookupOfNodes(node, scope, joinIds)) {
      const [target, key] = node.params;
      if (!isStringLiteral(key)) problems.push(`"lookup ${pathText(target)}" reads a node by a name known only when it runs`);
      else if (key.value === from) edits.push({ ...span(key.loc, lines), text: quoted(normalized, key.loc, lines, to) });
      if (isPath(target) && (rootParts(target, scope)?.length ?? 0) > 1) pending.push({ node: target, scope });
      continue;
    }
    if (isPath(node)) {
      const outcome = pathEdit({ path: node, scope, from, to, joinIds, normalized, lines });
      if (outcome === 'dynamic') problems.push(`"${node.original}" reads the nodes by a name known only when it runs`);
      else if (outcome) edits.push(outcome);
    }
    pending.push(...childrenOf(node, scope));
  }
  if (problems.length > 0) return { ok: false, problems };
  if (edits.length === 0) return { ok: true, text: source };
  const text = applyEdits({ source, normalized, edits });
  // The parser located every edit; reading the result back proves nothing was left or broken.
  if (nodeReferencesOf(text).some((reference) => reference.nodeId === from)) return { ok: false, problems: ['a use of the node could not be rewritten'] };
  return { ok: true, text };
}

/** How an id is written as one path segment: `shape`, or `[2024]` when Handlebars would misread it. */
export function pathSegmentFor(id: string): string {
  return PLAIN_SEGMENT.test(id) && !KEYWORDS.has(id) ? id : `[${id}]`;
}

function pathEdit({ path, scope, from, to, joinIds, normalized, lines }: PathEditInput): Edit | 'dynamic' | undefined {
  const parts = rootParts(path, scope);
  if (!parts || parts[0] !== 'nodes') return undefined;
  if (parts.length === 1) return 'dynamic';
  const at = parts[1] === from ? 1 : parts.length > 2 && joinIds.has(parts[1]) && parts[2] === from ? 2 : undefined;
  if (at === undefined) return undefined;
  const { start, end } = span(path.loc, lines);
  const segment = segmentsOf(normalized.slice(start, end))[at + (path.data ? 1 : 0)];
  if (!segment || segment.value !== from) return undefined;
  return { start: start + segment.start, end: start + segment.end, text: pathSegmentFor(to) };
}

/** The path's parts read from the flow's root context at this nesting (without `@root`), else undefined. */
function rootParts(path: hbs.AST.PathExpression, scope: number): string[] | undefined {
  if (path.data) return path.parts[0] === 'root' ? path.parts.slice(1) : undefined;
  return path.depth === scope ? path.parts : undefined;
}

/** `lookup nodes …` or `lookup nodes.<join> …` read from the root: the key names a node. */
function isLookupOfNodes(call: hbs.AST.MustacheStatement | hbs.AST.SubExpression, scope: number, joinIds: ReadonlySet<string>): boolean {
  if (!isPath(call.path) || call.path.original !== 'lookup' || call.params.length !== 2) return false;
  const target = call.params[0];
  if (!isPath(target)) return false;
  const parts = rootParts(target, scope);
  return parts !== undefined && parts[0] === 'nodes' && (parts.length === 1 || (parts.length === 2 && joinIds.has(parts[1])));
}

interface Segment {
  start: number;
  end: number;
  value: string;
}

/** The segments of a path as written (`@root.nodes.[my node]`), with where each sits; `..` and `this` are dropped as Handlebars does. */
function segmentsOf(written: string): Segment[] {
  const segments: Segment[] = [];
  let index = written.startsWith('@') ? 1 : 0;
  while (index < written.length) {
    const bracketed = written[index] === '[';
    const parent = written.startsWith('..', index) ? index + 2 : written.startsWith('./', index) ? index + 1 : undefined;
    const close = bracketed ? written.indexOf(']', index) + 1 : (parent ?? nextSeparator(written, index));
    const end = close <= 0 ? written.length : close;
    const value = bracketed ? written.slice(index + 1, end - 1) : written.slice(index, end);
    if (bracketed || (value !== '..' && value !== '.' && value !== 'this')) segments.push({ start: index, end, value });
    index = end + 1;
  }
  return segments;
}

function nextSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '.' || text[i] === '/') return i;
  return text.length;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits located in the normalized source to the source as the author wrote it. */
function applyEdits({ source, normalized, edits }: { source: string; normalized: string; edits: readonly Edit[] }): string {
  const toSource = offsetMap(source, normalized);
  let text = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, toSource[edit.start]) + edit.text + text.slice(toSource[edit.end]);
  return text;
}

/**
 * For each offset of the normalized source, the same place in the source. Normalizing only inserts
 * brackets around numeric segments (`items.0` → `items.[0]`), so a greedy walk lines them up.
 */
function offsetMap(source: string, normalized: string): number[] {
  const map: number[] = [];
  let at = 0;
  for (let index = 0; index < normalized.length; index++) {
    map.push(at);
    if (normalized[index] === source[at]) at++;
  }
  map.push(at);
  return map;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

function span(loc: hbs.AST.SourceLocation, lines: readonly number[]): { start: number; end: number } {
  return { start: lines[loc.start.line - 1] + loc.start.column, end: lines[loc.end.line - 1] + loc.end.column };
}

function quoted(text: string, loc: hbs.AST.SourceLocation, lines: readonly number[], value: string): string {
  const quote = text[span(loc, lines).start] === "'" ? "'" : '"';
  return `${quote}${value}${quote}`;
}

/** Whether the text names the id as a whole word (ids may hold "-", so it is part of a word here). */
export function mentions(text: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_$-])${escaped}($|[^A-Za-z0-9_$-])`).test(text);
}


function isStringLiteral(node: Node | undefined): node is hbs.AST.StringLiteral {
  return node?.type === 'StringLiteral';
}

function pathText(node: Node): string {
  return isPath(node) ? node.original : node.type;
}

export interface TemplateRename {
  source: string;
  from: string;
  to: string;
  joinIds?: ReadonlySet<string>;
}

export type TemplateRenameResult = { ok: true; text: string } | { ok: false; problems: string[] };

interface PathEditInput {
  path: hbs.AST.PathExpression;
  scope: number;
  from: string;
  to: string;
  joinIds: ReadonlySet<string>;
  normalized: string;
  lines: readonly number[];
}
