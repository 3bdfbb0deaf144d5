// The config form of a node: its params JSON Schema rendered as fields, writing params back.
import type { ValidationIssue } from '@hookflow/flow-model';
import type { JsonSchema } from '../../catalog/json-schema';
import { FieldProblemsProvider } from './field-problems';
import { ObjectFields } from './ObjectFields';

interface SchemaFormProps {
  schema: JsonSchema;
  params: Record<string, unknown>;
  onChange(params: Record<string, unknown>): void;
  /** Problems with paths relative to params. */
  issues?: readonly ValidationIssue[];
  idPrefix?: string;
}

export function SchemaForm({ schema, params, onChange, issues = [], idPrefix = 'param' }: SchemaFormProps) {
  if (!schema.properties || Object.keys(schema.properties).length === 0) return <p className="muted">This node has no settings.</p>;
  return (
    <FieldProblemsProvider issues={issues} schema={schema}>
      <div className="schema-form">
        <ObjectFields idPrefix={idPrefix} path="" schema={schema} value={params} onChange={onChange} />
      </div>
    </FieldProblemsProvider>
  );
}
