// Fields for one value: text (with templates), number, true/false, a choice from a list, raw JSON.
import { isTemplate } from '@hookflow/flow-model';
import { useEffect, useState } from 'react';
import { TemplateInput } from '../template/TemplateInput';
import { FieldFrame } from './FieldFrame';
import { describedBy, textOf, type FieldProps } from './field-props';

/** Long texts (a Slack message, Block Kit JSON) get a multi-line box. */
const MULTILINE_FROM = 10_000;

export function TextField({ id, schema, value, onChange, label, required, problems }: FieldProps) {
  const help = schema.description;
  return (
    <FieldFrame id={id} label={label} help={help} required={required} problems={problems}>
      <TemplateInput
        id={id}
        value={textOf(value)}
        onChange={(text) => onChange(text === '' && !required ? undefined : text)}
        multiline={(schema.maxLength ?? 0) >= MULTILINE_FROM}
        placeholder={placeholderOf(schema.examples)}
        describedBy={describedBy(id, help)}
        testId={id}
        // The form's validation shows a template that does not compile, at this field.
        previewCompileErrors={false}
      />
    </FieldFrame>
  );
}

export function NumberField({ id, schema, value, onChange, label, required, problems }: FieldProps) {
  const help = schema.description;
  if (isTemplate(value)) return <TextField id={id} path="" schema={schema} value={value} onChange={onChange} label={label} required={required} problems={problems} />;
  return (
    <FieldFrame id={id} label={label} help={help} required={required} problems={problems}>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="numeric"
        step={schemaIsInteger(schema) ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={typeof value === 'number' ? value : ''}
        placeholder={schema.default === undefined ? placeholderOf(schema.examples) : String(schema.default)}
        aria-describedby={describedBy(id, help)}
        data-testid={id}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    </FieldFrame>
  );
}

export function BooleanField({ id, schema, value, onChange, label, problems }: FieldProps) {
  const help = schema.description;
  const checked = typeof value === 'boolean' ? value : schema.default === true;
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} aria-describedby={describedBy(id, help)} data-testid={id} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {help ? (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {problems?.map((problem) => (
        <p key={problem} className="field-problem" role="alert">
          {problem}
        </p>
      ))}
    </div>
  );
}

export function EnumField({ id, schema, value, onChange, label, required, problems }: FieldProps) {
  const help = schema.description;
  const choices = schema.enum ?? [];
  const current = value === undefined ? schema.default : value;
  const index = choices.findIndex((choice) => choice === current);
  return (
    <FieldFrame id={id} label={label} help={help} required={required} problems={problems}>
      <select
        id={id}
        className="input"
        value={index < 0 ? '' : String(index)}
        aria-describedby={describedBy(id, help)}
        data-testid={id}
        onChange={(event) => onChange(event.target.value === '' ? undefined : choices[Number(event.target.value)])}
      >
        {/* A blank choice on a field with a default would only bring the default back under another name. */}
        {index < 0 || (!required && schema.default === undefined) ? <option value="">{index < 0 ? 'Choose…' : '(none)'}</option> : null}
        {choices.map((choice, choiceIndex) => (
          <option key={String(choice)} value={String(choiceIndex)}>
            {schema.enumLabels?.[String(choice)] ?? String(choice)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Anything the form has no better control for: edited as JSON, kept only when it parses. */
export function JsonField({ id, schema, value, onChange, label, required, problems }: FieldProps) {
  const help = schema.description;
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [parseError, setParseError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => (sameJson(current, value) ? current : value === undefined ? '' : JSON.stringify(value, null, 2)));
  }, [value]);
  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setParseError(null);
      onChange(undefined);
      return;
    }
    try {
      onChange(JSON.parse(next));
      setParseError(null);
    } catch (error) {
      setParseError(`Not valid JSON yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <FieldFrame id={id} label={label} help={help} required={required} problems={parseError ? [...(problems ?? []), parseError] : problems}>
      <textarea id={id} className="input code" rows={5} value={text} spellCheck={false} aria-describedby={describedBy(id, help)} data-testid={id} onChange={(event) => edit(event.target.value)} />
    </FieldFrame>
  );
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

function schemaIsInteger(schema: FieldProps['schema']): boolean {
  return schema.type === 'integer';
}

function placeholderOf(examples: unknown[] | undefined): string | undefined {
  const example = examples?.find((candidate) => typeof candidate === 'string' || typeof candidate === 'number');
  return example === undefined ? undefined : `e.g. ${String(example)}`;
}
