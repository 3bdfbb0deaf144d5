// A code box for params that hold JavaScript (the code node): monospace, no spell check or
// autocorrect, and none of the template help a text field has, since the code is never a
// template. Tab keeps moving focus (keyboard users must be able to leave the box).
import type { JsonSchema } from '../../catalog/json-schema';
import { FieldFrame } from './FieldFrame';
import { describedBy, textOf, type FieldProps } from './field-props';

export function isCodeSchema(schema: JsonSchema): boolean {
  return schema.contentMediaType === 'text/javascript';
}

export function CodeField({ id, schema, value, onChange, label, required, problems }: FieldProps) {
  const help = schema.description;
  const text = textOf(value);
  return (
    <FieldFrame id={id} label={label} help={help} required={required} problems={problems}>
      <textarea
        id={id}
        className="input code"
        rows={Math.min(20, Math.max(6, text.split('\n').length + 1))}
        value={text}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        aria-describedby={describedBy(id, help)}
        data-testid={id}
        onChange={(event) => onChange(event.target.value === '' && !required ? undefined : event.target.value)}
      />
    </FieldFrame>
  );
}
