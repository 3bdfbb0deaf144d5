import { describe, expect, it } from 'vitest';
import type { NodeCatalog, NodeTypeDescriptor } from './node-catalog';
import { findPlaceholder, placeholdersIn } from './placeholder-rules';
import { validateFlow } from './validate-flow';

const types: NodeTypeDescriptor[] = [
  { type: 'webhook', version: 1, trigger: true, outputs: ['main'], checkParams: () => [] },
  { type: 'slack', version: 1, trigger: false, outputs: ['main'], checkParams: () => [], paramsSchema: { properties: { webhookUrl: { title: 'Incoming webhook URL' } } } },
  { type: 'code', version: 1, trigger: false, outputs: ['main'], checkParams: () => [], rawParams: ['code'] },
];

const catalog: NodeCatalog = {
  find: (type, version) => types.find((t) => t.type === type && t.version === version),
  versions: (type) => types.filter((t) => t.type === type).map((t) => t.version),
};

const flowWith = (node: { id: string; type: string; params: Record<string, unknown> }) => ({
  name: 'Template',
  nodes: [{ id: 'hook', type: 'webhook' }, { ...node, name: 'Tell #dev' }],
  edges: [{ id: 'e1', source: 'hook', target: node.id }],
});

describe('placeholders left to fill in', () => {
  it('finds <<…>> and leaves Slack links and code shifts alone', () => {
    expect(findPlaceholder('https://<<your API host>>/orders')).toBe('<<your API host>>');
    expect(findPlaceholder('<https://example.com|the diff>')).toBeUndefined();
    expect(findPlaceholder('x << 2 >> 1')).toBeUndefined();
    expect(placeholdersIn({ a: '<<your CRM API URL>>/contacts', b: ['<<your Slack incoming webhook URL>>', '<<your CRM API URL>>'] })).toEqual(['your CRM API URL', 'your Slack incoming webhook URL']);
  });

  it('refuses a param that still holds one, naming the param as the form does', () => {
    const result = validateFlow(flowWith({ id: 'notify', type: 'slack', params: { webhookUrl: '<<your Slack incoming webhook URL>>', text: 'hi' } }), catalog);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        path: 'nodes.1.params.webhookUrl',
        nodeId: 'notify',
        param: 'webhookUrl',
        message: 'Node "notify" (Tell #dev): Incoming webhook URL contains the placeholder <<your Slack incoming webhook URL>>: replace it with your own value',
      },
    ]);
  });

  it('passes once it is filled in; in code, only a placeholder counts, not a bit shift', () => {
    expect(validateFlow(flowWith({ id: 'notify', type: 'slack', params: { webhookUrl: 'https://hooks.slack.com/services/T1/B1/abc', text: 'hi' } }), catalog).ok).toBe(true);
    expect(validateFlow(flowWith({ id: 'calc', type: 'code', params: { code: 'return trigger.body.n << 2 >> 1;' } }), catalog).ok).toBe(true);
    const keyInCode = validateFlow(flowWith({ id: 'calc', type: 'code', params: { code: "const key = '<<your API key>>';\nreturn { key };" } }), catalog);
    expect(!keyInCode.ok && keyInCode.errors.map((error) => error.param)).toEqual(['code']);
  });
});
