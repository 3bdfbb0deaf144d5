// A param that takes one of several forms (http body: text or fields; Slack blocks: a list or a
// template) gets a small switch between them. Plain scalar choices are just a text field.
import { isRecord } from '../../api/http';
import { alternativesOf, isMapSchema, schemaTypes, type JsonSchema } from '../../catalog/json-schema';
import { FieldFrame } from './FieldFrame';
import { type FieldProps } from './field-props';
import { SchemaField } from './SchemaField';
import { TextField } from './ScalarFields';

export function UnionField(props: FieldProps) {
  const { id, schema, value, onChange, label, required, problems } = props;
  const alternatives = alternativesOf(schema);
  if (alternatives.every(isScalar)) return <TextField {...props} schema={{ ...alternatives.find((alt) => schemaTypes(alt).includes('string')), ...withoutAlternatives(schema) }} />;
  const chosen = Math.max(0, alternatives.findIndex((alternative) => fits(alternative, value)));
  const switchTo = (index: number) => {
    if (index === chosen) return;
    const target = alternatives[index];
    onChange(schemaTypes(target).includes('string') ? (typeof value === 'string' ? value : '') : schemaTypes(target).includes('array') ? [] : {});
  };
  return (
    <FieldFrame id={id} label={label} help={schema.description} required={required} problems={problems} group>
      <div className="segmented" role="radiogroup" aria-label={`${label}: form`}>
        {alternatives.map((alternative, index) => (
          <button key={index} type="button" role="radio" aria-checked={index === chosen} className={index === chosen ? 'active' : undefined} data-testid={`${id}-form-${index}`} onClick={() => switchTo(index)}>
            {formName(alternative)}
          </button>
        ))}
      </div>
      <SchemaField {...props} label={formName(alternatives[chosen])} schema={{ ...alternatives[chosen], description: undefined }} problems={[]} />
    </FieldFrame>
  );
}

function isScalar(schema: JsonSchema): boolean {
  const types = schemaTypes(schema);
  return types.length > 0 && types.every((type) => type === 'string' || type === 'number' || type === 'integer' || type === 'boolean');
}

function fits(schema: JsonSchema, value: unknown): boolean {
  const types = schemaTypes(schema);
  if (value === undefined) return false;
  if (typeof value === 'string') return types.includes('string');
  if (Array.isArray(value)) return types.includes('array');
  if (isRecord(value)) return types.includes('object');
  return types.some((type) => type === typeof value || (type === 'integer' && typeof value === 'number'));
}

function formName(schema: JsonSchema): string {
  if (schema.title) return schema.title;
  if (isMapSchema(schema)) return 'Fields';
  const types = schemaTypes(schema);
  if (types.includes('array')) return 'List (JSON)';
  if (types.includes('string')) return 'Text';
  if (types.includes('object')) return 'JSON';
  return types.join(' or ') || 'Value';
}

function withoutAlternatives(schema: JsonSchema): JsonSchema {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
  return rest;
}
