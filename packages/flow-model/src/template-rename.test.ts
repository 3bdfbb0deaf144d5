import { describe, expect, it } from 'vitest';
import { renameNodeReferences } from './node-rename';
import { renameNodeInTemplate } from './template-rename';

const rename = (source: string, joinIds: ReadonlySet<string> = new Set()) => renameNodeInTemplate({ source, from: 'shape', to: 'order', joinIds });

describe('renameNodeInTemplate', () => {
  it('points every read of the node at the new id, however it is written', () => {
    expect(rename('{{nodes.shape.x}}')).toEqual({ ok: true, text: '{{nodes.order.x}}' });
    expect(rename('{{#if nodes.shape.ok}}yes {{nodes.shape.x}}{{/if}}')).toEqual({ ok: true, text: '{{#if nodes.order.ok}}yes {{nodes.order.x}}{{/if}}' });
    expect(rename('{{lookup nodes.shape "a"}}')).toEqual({ ok: true, text: '{{lookup nodes.order "a"}}' });
    expect(rename('{{lookup nodes "shape"}} {{lookup nodes \'shape\'}}')).toEqual({ ok: true, text: '{{lookup nodes "order"}} {{lookup nodes \'order\'}}' });
    expect(rename('{{#each trigger.body.items}}{{../nodes.shape.x}} {{@root.nodes.shape.y}}{{/each}}')).toEqual({
      ok: true,
      text: '{{#each trigger.body.items}}{{../nodes.order.x}} {{@root.nodes.order.y}}{{/each}}',
    });
    expect(rename('{{nodes.[shape].items.0}}\n  {{upper (lookup nodes.shape.names 0)}}')).toEqual({ ok: true, text: '{{nodes.order.items.0}}\n  {{upper (lookup nodes.order.names 0)}}' });
  });

  it('leaves what is not the node alone: other nodes, item fields, trigger paths, plain text', () => {
    const untouched = '{{nodes.shaper.x}} {{#each trigger.body.items}}{{nodes.shape}}{{/each}} {{trigger.body.nodes.shape}} nodes.shape';
    expect(rename(untouched)).toEqual({ ok: true, text: untouched });
  });

  it('follows the key a merge gives the node, and writes ids Handlebars would misread in brackets', () => {
    expect(rename('{{nodes.join.shape.total}} {{nodes.other.shape}}', new Set(['join']))).toEqual({ ok: true, text: '{{nodes.join.order.total}} {{nodes.other.shape}}' });
    expect(renameNodeInTemplate({ source: '{{nodes.shape.x}}', from: 'shape', to: '2024' })).toEqual({ ok: true, text: '{{nodes.[2024].x}}' });
  });

  it('refuses what names a node only when it runs', () => {
    expect(rename('{{lookup nodes trigger.body.step}}')).toEqual({ ok: false, problems: [expect.stringMatching(/known only when it runs/)] });
    expect(rename('{{json nodes}}')).toEqual({ ok: false, problems: [expect.stringMatching(/"nodes" reads the nodes by a name known only when it runs/)] });
    expect(rename('{{nodes.shape.x')).toEqual({ ok: false, problems: [expect.stringMatching(/does not parse/)] });
  });
});

describe('renameNodeReferences', () => {
  const nodes = [
    { id: 'shape', params: { fields: { total: '{{trigger.body.total}}' } } },
    { id: 'big', params: { conditions: [{ left: '{{nodes.shape.total}}', op: 'gt', right: 100 }] } },
    { id: 'code', params: { code: 'return nodes.shape.total;' } },
  ];

  it('gives the new params of the nodes that read it', () => {
    const result = renameNodeReferences({ nodes: nodes.slice(0, 2), from: 'shape', to: 'order' });
    expect(result).toEqual({ ok: true, params: new Map([['big', { conditions: [{ left: '{{nodes.order.total}}', op: 'gt', right: 100 }] }]]) });
  });

  it('refuses when code names the node, or the new id is taken or malformed', () => {
    const rawParamsOf = (id: string) => (id === 'code' ? ['code'] : undefined);
    expect(renameNodeReferences({ nodes, from: 'shape', to: 'order', rawParamsOf })).toEqual({
      ok: false,
      problems: [{ nodeId: 'code', paramPath: 'code', message: expect.stringMatching(/code is not rewritten/) }],
    });
    expect(renameNodeReferences({ nodes, from: 'shape', to: 'big' })).toMatchObject({ ok: false, problems: [{ message: 'another node already has the id "big"' }] });
    expect(renameNodeReferences({ nodes, from: 'shape', to: 'a b' })).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/letters, digits/) }] });
  });
});
