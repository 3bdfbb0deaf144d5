// JSON Schema (draft 2020-12) of the flow document, for editors, import tools and the API docs,
// and the converter node types use to publish their params schema to the editor's form.
import { z } from 'zod';
import { FlowDocumentSchema } from './flow-document';

export const FLOW_DOCUMENT_SCHEMA_ID = 'urn:hookflow:flow-document';

/** The flow document as a person writes it (defaults make fields optional). A fresh object per call. */
export function flowDocumentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FlowDocumentSchema, { io: 'input' }),
    $id: FLOW_DOCUMENT_SCHEMA_ID,
    title: 'Hookflow flow',
  };
}

/**
 * A node type's params schema as JSON Schema, as the user fills it in (io: "input"); parts with no
 * JSON Schema equivalent (transforms, refinements) accept anything rather than throw.
 */
export function paramsJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
}
