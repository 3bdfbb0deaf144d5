import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from './flow-document';
import type { NodeCatalog, NodeTypeDescriptor } from './node-catalog';
import type { ValidationIssue } from './validation-error';
import { parseFlowDocument, validateFlow } from './validate-flow';

const types: NodeTypeDescriptor[] = [
  { type: 'webhook', version: 1, trigger: true, outputs: ['main'], checkParams: () => [] },
  {
    type: 'transform',
    version: 1,
    trigger: false,
    outputs: ['main'],
    checkParams: (params) => (typeof params.fields === 'object' && params.fields !== null ? [] : [{ path: 'fields', message: 'add at least one field' }]),
  },
  { type: 'filter', version: 1, trigger: false, outputs: ['true', 'false'], checkParams: () => [] },
  { type: 'http', version: 1, trigger: false, outputs: ['main'], checkParams: () => [] },
  { type: 'http', version: 2, trigger: false, outputs: ['main'], checkParams: () => [] },
  { type: 'slack', version: 1, trigger: false, outputs: [], checkParams: () => [] },
];

const catalog: NodeCatalog = {
  find: (type, version) => types.find((t) => t.type === type && t.version === version),
  versions: (type) => types.filter((t) => t.type === type).map((t) => t.version),
};

/** A small fluent builder for flow documents. */
function flow(name = 'Orders') {
  const document: FlowDocumentInput = { name, nodes: [], edges: [] };
  const builder = {
    node(id: string, type: string, extra: Partial<FlowDocumentInput['nodes'][number]> = {}) {
      document.nodes.push({ id, type, ...extra });
      return builder;
    },
    edge(source: string, target: string, sourceHandle?: string, id = `${source}-${target}`) {
      document.edges?.push({ id, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
      return builder;
    },
    build: () => document,
  };
  return builder;
}

const valid = (): ReturnType<typeof flow> =>
  flow()
    .node('hook', 'webhook')
    .node('shape', 'transform', { name: 'Shape order', params: { fields: { total: '{{trigger.body.total}}' } } })
    .node('check', 'filter', { params: { condition: '{{gt nodes.shape.total 100}}' } })
    .node('notify', 'slack')
    .edge('hook', 'shape')
    .edge('shape', 'check')
    .edge('check', 'notify', 'true');

function errorsOf(input: unknown): ValidationIssue[] {
  const result = validateFlow(input, catalog);
  if (result.ok) throw new Error('expected the flow to be invalid');
  return result.errors;
}

describe('validateFlow', () => {
  it('accepts a valid flow and fills defaults', () => {
    const result = validateFlow(valid().build(), catalog);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.nodes[0]).toMatchObject({ typeVersion: 1, position: { x: 0, y: 0 }, params: {} });
    }
  });

  it('reports schema errors with dotted paths and the node id', () => {
    const input = { name: ' ', nodes: [{ id: 'hook', type: 'webhook' }, { id: 'bad id!', type: 'http' }, { id: 'p', type: 'http', position: { x: 'left', y: 0 } }] };
    const errors = errorsOf(input);
    expect(errors).toContainEqual({ path: 'name', message: 'The flow\'s field "name" is not valid: a flow needs a name' });
    expect(errors).toContainEqual(expect.objectContaining({ path: 'nodes.1.id', nodeId: 'bad id!' }));
    expect(errors).toContainEqual({ path: 'nodes.2.position.x', nodeId: 'p', message: 'Node "p" (http): field "position.x" must be a number, not text' });
  });

  it('says a missing field is required, and names nodes without an id by position', () => {
    const errors = errorsOf({ nodes: [{ type: 'webhook' }] });
    expect(errors).toContainEqual({ path: 'name', message: 'The flow\'s field "name" is required' });
    expect(errors).toContainEqual({ path: 'nodes.0.id', message: 'Node #1: field "id" is required' });
  });

  it('still checks the well-formed nodes and edges when the shape is wrong', () => {
    const input = { name: 'x', nodes: [{ id: 'hook', type: 'webhook' }, { id: 'a', type: 'nope' }, { id: 'b', type: 'http', position: 'here' }], edges: [{ id: 'e1', source: 'hook', target: 'ghost' }, { id: 'e2', source: 'hook', target: 'b' }] };
    const paths = errorsOf(input).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['nodes.2.position', 'nodes.1.type', 'edges.0.target']));
    // b exists even though it failed the schema, so e2 is not reported as dangling.
    expect(paths).not.toContain('edges.1.target');
  });

  it('says a fractional typeVersion must be a whole number', () => {
    const errors = errorsOf(valid().node('v', 'http', { typeVersion: 1.5 }).build());
    expect(errors).toContainEqual({ path: 'nodes.4.typeVersion', nodeId: 'v', message: 'Node "v" (http): field "typeVersion" must be a whole number' });
  });

  it('rejects input that is not a flow at all', () => {
    expect(errorsOf(null)).toEqual([{ path: '', message: 'The flow document must be an object, not null' }]);
    expect(errorsOf('x')[0].path).toBe('');
  });

  it('reports duplicate node ids and edge ids', () => {
    const errors = errorsOf(valid().node('shape', 'http').edge('hook', 'check', undefined, 'hook-shape').build());
    expect(errors).toContainEqual({ path: 'nodes.4.id', nodeId: 'shape', message: 'Node "shape" (http): another node (#2) already uses the id "shape"; node ids must be unique' });
    expect(errors).toContainEqual({ path: 'edges.3.id', message: 'Edge "hook-shape" (hook → check): another edge already uses the id "hook-shape"; edge ids must be unique' });
  });

  it('reports unknown node types and versions', () => {
    const errors = errorsOf(valid().node('x', 'foo').node('y', 'http', { typeVersion: 3 }).build());
    expect(errors).toContainEqual({ path: 'nodes.4.type', nodeId: 'x', message: 'Node "x" (foo): unknown node type "foo"' });
    expect(errors).toContainEqual({
      path: 'nodes.5.typeVersion',
      nodeId: 'y',
      message: 'Node "y" (http): version 3 of node type "http" does not exist (node type "http" has versions 1, 2)',
    });
  });

  it('reports params the node type rejects, under nodes.N.params', () => {
    const errors = errorsOf(flow().node('hook', 'webhook').node('shape', 'transform', { name: 'Shape order' }).edge('hook', 'shape').build());
    expect(errors).toEqual([{ path: 'nodes.1.params.fields', nodeId: 'shape', param: 'fields', message: 'Node "shape" (Shape order): Fields: add at least one field' }]);
  });

  it('reports a node type whose check throws instead of crashing', () => {
    const throwing: NodeCatalog = {
      find: (type, version) => (type === 'boom' ? { type, version, trigger: false, outputs: ['main'], checkParams: () => { throw new Error('kaput'); } } : catalog.find(type, version)),
      versions: (type) => (type === 'boom' ? [1] : catalog.versions(type)),
    };
    const result = validateFlow(flow().node('hook', 'webhook').node('b', 'boom').edge('hook', 'b').build(), throwing);
    expect(result).toEqual({ ok: false, errors: [{ path: 'nodes.1.params', nodeId: 'b', message: 'Node "b" (boom): params: could not be checked (kaput)' }] });
  });

  it('reports templates that do not compile, at the exact string', () => {
    const document = valid().build();
    document.nodes[1].params = { fields: { total: '{{trigger.body.total', list: ['ok', '{{#if}}x{{/if}}'] } };
    const errors = errorsOf(document);
    expect(errors).toContainEqual(expect.objectContaining({ path: 'nodes.1.params.fields.total', nodeId: 'shape', param: 'fields' }));
    expect(errors.find((error) => error.path === 'nodes.1.params.fields.total')?.message).toMatch(
      /^Node "shape" \(Shape order\): Fields › Total: template does not compile: Parse error on line 1, column \d+: /,
    );
    expect(errors).toContainEqual(expect.objectContaining({ path: 'nodes.1.params.fields.list.1', param: 'fields' }));
  });

  it('reports edges whose source or target is missing', () => {
    const errors = errorsOf(valid().edge('ghost', 'notify').edge('check', 'nowhere', 'false').build());
    expect(errors).toContainEqual({ path: 'edges.3.source', message: 'Edge "ghost-notify" (ghost → notify): it starts at node "ghost", which is not in the flow' });
    expect(errors).toContainEqual({ path: 'edges.4.target', message: 'Edge "check-nowhere" (check → nowhere): it leads to node "nowhere", which is not in the flow' });
  });

  it('reports a sourceHandle the source node does not have', () => {
    const errors = errorsOf(valid().node('log', 'http').edge('check', 'log', 'maybe').build());
    expect(errors).toEqual([
      { path: 'edges.3.sourceHandle', nodeId: 'check', message: 'Edge "check-log" (check → log): Node "check" (filter) has no output "maybe"; its outputs are "true", "false"' },
    ]);
  });

  it('accepts the filter outputs and a null handle', () => {
    const document = valid().node('log', 'http').edge('check', 'log', 'false').build();
    document.edges?.push({ id: 'default', source: 'shape', target: 'log', sourceHandle: null });
    expect(validateFlow(document, catalog).ok).toBe(true);
  });

  it('reports an edge leaving a node with no outputs', () => {
    const errors = errorsOf(valid().node('log', 'http').edge('notify', 'log').build());
    expect(errors).toEqual([{ path: 'edges.3.source', nodeId: 'notify', message: 'Edge "notify-log" (notify → log): Node "notify" (slack) has no outputs, so no edge can leave it' }]);
  });

  it('reports edges into a trigger', () => {
    const errors = errorsOf(valid().edge('shape', 'hook').build());
    expect(errors).toContainEqual({ path: 'edges.3.target', nodeId: 'hook', message: 'Edge "shape-hook" (shape → hook): it leads into Node "hook" (webhook), a trigger; nothing can lead into a trigger' });
  });

  it('reports loops, naming the nodes', () => {
    const errors = errorsOf(valid().node('log', 'http').edge('check', 'log', 'false').edge('log', 'shape').build());
    expect(errors).toEqual([
      { path: 'edges.4', nodeId: 'shape', message: 'The flow loops: "shape" → "check" → "log" → "shape". A flow must not lead back to a node it came from' },
    ]);
  });

  it('reports a flow without a trigger', () => {
    const errors = errorsOf(flow().node('a', 'http').build());
    expect(errors).toEqual([{ path: 'nodes', message: 'The flow has no trigger: add a trigger node (such as a webhook) to start it' }]);
  });

  it('reports every trigger after the first', () => {
    const errors = errorsOf(valid().node('hook2', 'webhook', { name: 'Second hook' }).build());
    expect(errors).toEqual([{ path: 'nodes.4', nodeId: 'hook2', message: 'Node "hook2" (Second hook): this is a second trigger, but a flow has exactly one (the first is "hook")' }]);
  });

  it('collects all problems at once', () => {
    const document = valid().node('x', 'foo').node('hook2', 'webhook').edge('check', 'ghost').edge('notify', 'shape').build();
    document.nodes[1].params = { fields: { total: '{{' } };
    const paths = errorsOf(document).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['nodes.4.type', 'nodes.5', 'nodes.1.params.fields.total', 'edges.3.target', 'edges.4.source']));
  });

  it('validates a 1000-node chain without overflowing the stack', () => {
    const builder = flow().node('n0', 'webhook');
    for (let i = 1; i < 1000; i++) builder.node(`n${i}`, 'http').edge(`n${i - 1}`, `n${i}`);
    expect(validateFlow(builder.build(), catalog).ok).toBe(true);
    const looped = builder.edge('n999', 'n1').build();
    expect(errorsOf(looped)[0].message).toMatch(/^The flow loops: "n1" → "n2" → .* → "n999" → "n1"/);
  });

  it('reports params nested too deep instead of crashing', () => {
    let deep: unknown = '{{x}}';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const document = valid().build();
    document.nodes[2].params = { deep };
    expect(errorsOf(document)).toEqual([expect.objectContaining({ nodeId: 'check', param: 'deep', message: expect.stringContaining('nested more than 64 levels deep') })]);
  });
});

describe('parseFlowDocument', () => {
  it('checks the shape only', () => {
    const result = parseFlowDocument(flow().node('a', 'no-such-type').build());
    expect(result.ok).toBe(true);
  });

  it('returns issues with paths and node ids', () => {
    const result = parseFlowDocument({ name: 'x', nodes: [{ id: 'a', type: 'http', params: 'nope' }] });
    expect(result).toEqual({ ok: false, errors: [{ path: 'nodes.0.params', nodeId: 'a', message: 'Node "a" (http): field "params" must be an object, not text' }] });
  });

  it('takes a slug as the flow key and refuses anything else', () => {
    expect(parseFlowDocument({ name: 'x', key: 'orders-to-slack', nodes: [] })).toMatchObject({ ok: true, value: { key: 'orders-to-slack' } });
    expect(parseFlowDocument({ name: 'x', key: null, nodes: [] })).toMatchObject({ ok: true, value: { key: null } });
    for (const key of ['Orders', '-orders', 'orders_to', '', 'a'.repeat(64)]) {
      expect(parseFlowDocument({ name: 'x', key, nodes: [] })).toMatchObject({ ok: false, errors: [expect.objectContaining({ path: 'key' })] });
    }
  });
});

describe('the example in docs/flow-format.md', () => {
  it('is a valid flow', () => {
    const markdown = readFileSync(join(import.meta.dirname, '../../../docs/flow-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    const result = validateFlow(JSON.parse(example ?? ''), catalog);
    expect(result).toMatchObject({ ok: true });
  });
});
