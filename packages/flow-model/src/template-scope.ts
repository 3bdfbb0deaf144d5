// Walking a parsed template with its block scope: how deep in {{#each}} / {{#with}} blocks each node
// sits, so a path is known to read the flow's root context (nodes.<id>) or a block's own. Shared by
// the references check (template-references.ts) and the node id rename (template-rename.ts).
type Node = hbs.AST.Node;

/** Blocks that change what a bare path reads (`this`): inside them, root paths need `../` or `@root`. */
export const CONTEXT_BLOCKS: ReadonlySet<string> = new Set(['each', 'with']);

export function childrenOf(node: Node, scope: number): Array<{ node: Node; scope: number }> {
  const at = (child: Node | null | undefined, childScope = scope) => (child ? [{ node: child, scope: childScope }] : []);
  if (isProgram(node)) return node.body.flatMap((child) => at(child));
  if (isCall(node)) return [...at(node.path), ...node.params.flatMap((param) => at(param)), ...hashValues(node.hash).flatMap((value) => at(value))];
  if (isBlock(node)) {
    const inner = isPath(node.path) && CONTEXT_BLOCKS.has(node.path.original) ? scope + 1 : scope;
    return [...at(node.path), ...node.params.flatMap((param) => at(param)), ...hashValues(node.hash).flatMap((value) => at(value)), ...at(node.program, inner), ...at(node.inverse)];
  }
  return [];
}

function hashValues(hash: hbs.AST.Hash | undefined): Node[] {
  return hash ? hash.pairs.map((pair) => pair.value) : [];
}

export function isProgram(node: Node): node is hbs.AST.Program {
  return node.type === 'Program';
}

export function isBlock(node: Node): node is hbs.AST.BlockStatement {
  return node.type === 'BlockStatement';
}

export function isCall(node: Node): node is hbs.AST.MustacheStatement | hbs.AST.SubExpression {
  return node.type === 'MustacheStatement' || node.type === 'SubExpression';
}

export function isPath(node: Node): node is hbs.AST.PathExpression {
  return node.type === 'PathExpression';
}
