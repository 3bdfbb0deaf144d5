// Picks the control for one schema: the form is generic, driven only by each node type's schema.
import { isRecord } from '../../api/http';
import { alternativesOf, isAnySchema, isMapSchema, isObjectSchema, isRowsSchema, schemaTypes } from '../../catalog/json-schema';
import { CredentialField } from '../../credentials/CredentialField';
import { isCredentialIdField } from '../../credentials/credential-schema';
import { CodeField, isCodeSchema } from './CodeField';
import { CollapsibleGroup } from './CollapsibleGroup';
import { FieldFrame } from './FieldFrame';
import type { FieldProps } from './field-props';
import { MapField } from './MapField';
import { ObjectFields } from './ObjectFields';
import { RowsField } from './RowsField';
import { BooleanField, EnumField, JsonField, NumberField, TextField } from './ScalarFields';
import { UnionField } from './UnionField';

export function SchemaField(props: FieldProps) {
  const { schema } = props;
  const types = schemaTypes(schema);
  if (isCredentialIdField(schema, props.path)) return <CredentialField {...props} />;
  if (isCodeSchema(schema)) return <CodeField {...props} />;
  if (alternativesOf(schema).length > 0) return <UnionField {...props} />;
  if (schema.enum) return <EnumField {...props} />;
  if (isRowsSchema(schema)) return <RowsField {...props} />;
  if (isObjectSchema(schema)) return <NestedObjectField {...props} />;
  if (isMapSchema(schema)) return <MapField {...props} />;
  if (types.length === 1 && types[0] === 'boolean') return <BooleanField {...props} />;
  if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) return <NumberField {...props} />;
  if (types.includes('string') || isAnySchema(schema)) return <TextField {...props} />;
  return <JsonField {...props} />;
}

function NestedObjectField({ id, path, schema, value, onChange, label, required, problems }: FieldProps) {
  if (!required) {
    const state = isRecord(value) ? 'set' : schema.default !== undefined ? 'default' : 'off';
    return (
      <CollapsibleGroup id={id} label={label} help={schema.description} state={state} problems={problems ?? []}>
        <ObjectFields idPrefix={id} path={path} schema={schema} value={value} onChange={onChange} inUse={isRecord(value)} />
      </CollapsibleGroup>
    );
  }
  return (
    <FieldFrame id={id} label={label} help={schema.description} required={required} problems={problems} group>
      <ObjectFields idPrefix={id} path={path} schema={schema} value={value} onChange={onChange} inUse={required === true || isRecord(value)} />
    </FieldFrame>
  );
}
