// The schema form's control for a param holding a stored credential's id.
import { FieldFrame } from '../editor/form/FieldFrame';
import { describedBy, type FieldProps } from '../editor/form/field-props';
import { CredentialPicker } from './CredentialPicker';

export function CredentialField({ id, schema, value, onChange, label, required, problems }: FieldProps) {
  const help = schema.description;
  return (
    <FieldFrame id={id} label={label} help={help} required={required} problems={problems}>
      <CredentialPicker
        id={id}
        value={typeof value === 'string' ? value : undefined}
        onChange={onChange}
        types={schema.credentialTypes}
        describedBy={describedBy(id, help)}
      />
    </FieldFrame>
  );
}
