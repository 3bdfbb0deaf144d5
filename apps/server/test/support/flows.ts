// Example flow documents, loaded from examples/ and pointed at a local sink.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type FlowJson = {
  name: string;
  nodes: Array<{ id: string; type: string; params: Record<string, unknown>; [key: string]: unknown }>;
  edges: Array<Record<string, unknown>>;
  [key: string]: unknown;
};

export function exampleFlow(file: string): FlowJson {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../examples/flows', file), 'utf8')) as FlowJson;
}

/** The order example with its http node aimed at `url`. */
export function orderFlowTo(url: string): FlowJson {
  const flow = exampleFlow('order-to-http.json');
  const http = flow.nodes.find((node) => node.type === 'http');
  if (!http) throw new Error('order example has no http node');
  http.params = { ...http.params, url, retry: { attempts: 3, backoffMs: 10 } };
  return flow;
}

export function order(total: number, id = `o-${total}`): Record<string, unknown> {
  return {
    order: {
      id,
      total,
      currency: 'EUR',
      customer: { email: 'Ada@Example.COM', name: 'Ada' },
      items: [{ sku: 'A1', qty: 2 }],
    },
  };
}
