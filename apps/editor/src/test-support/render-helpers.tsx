// Small builders for component tests: a catalog from the real node types, an editor store around
// a document, and a template scope from a sample.
import type { RenderContext } from '@hookflow/flow-model';
import { useState, type ReactNode } from 'react';
import type { FlowDocument } from '../api/api-types';
import type { JsonSchema } from '../catalog/json-schema';
import { buildCatalog } from '../catalog/node-type-catalog';
import { SchemaForm } from '../editor/form/SchemaForm';
import { createEditorStore } from '../editor/store/editor-store';
import { TemplateScopeProvider } from '../editor/template/template-scope';
import { nodeTypesFixture } from './node-types.fixture';

export const catalog = buildCatalog(nodeTypesFixture);

export function schemaOf(type: string) {
  const entry = catalog.entry(type);
  if (!entry) throw new Error(`no node type ${type} in the fixture`);
  return entry.schema;
}

export const orderFlow: FlowDocument = {
  name: 'Orders',
  nodes: [
    { id: 'hook', type: 'webhook', typeVersion: 1, position: { x: 0, y: 0 }, params: { method: 'POST' } },
    { id: 'shape', type: 'transform', typeVersion: 1, position: { x: 260, y: 0 }, params: { fields: { total: '{{trigger.body.order.total}}' } } },
    { id: 'big', type: 'filter', typeVersion: 1, position: { x: 520, y: 0 }, params: { match: 'all', conditions: [{ left: '{{nodes.shape.total}}', op: 'gt', right: 100 }] } },
  ],
  edges: [
    { id: 'e1', source: 'hook', target: 'shape', sourceHandle: null },
    { id: 'e2', source: 'shape', target: 'big', sourceHandle: null },
  ],
};

export function makeStore(document: FlowDocument = orderFlow) {
  return createEditorStore({ flowId: 'flow-1', document, catalog });
}

export const orderSample = { trigger: { body: { order: { id: 'A-1', total: 120.5, customer: { email: 'ADA@example.com' } } }, headers: {}, query: {}, method: 'POST' }, nodes: {}, flow: { id: 'flow-1', name: 'Orders' } };

export function WithSample({ children, context = orderSample }: { children: ReactNode; context?: RenderContext }) {
  return (
    <TemplateScopeProvider context={context} hasSample>
      {children}
    </TemplateScopeProvider>
  );
}

/** A SchemaForm that keeps its own params, as the config panel does, and reports each change. */
export function SchemaFormHarness({ schema, initial, onParams }: { schema: JsonSchema; initial: Record<string, unknown>; onParams(params: Record<string, unknown>): void }) {
  const [params, setParams] = useState(initial);
  return (
    <SchemaForm
      schema={schema}
      params={params}
      onChange={(next) => {
        setParams(next);
        onParams(next);
      }}
    />
  );
}
