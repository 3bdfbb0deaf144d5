// A map of name → value (transform fields, http headers and query) as editable rows. Rows live
// here while a name is still empty or repeated; params get the well-formed ones, in row order.
import { useEffect, useRef, useState } from 'react';
import { isRecord } from '../../api/http';
import { TemplateInput } from '../template/TemplateInput';
import { FieldFrame } from './FieldFrame';
import { textOf, type FieldProps } from './field-props';

interface Row {
  key: string;
  value: unknown;
}

export function MapField({ id, schema, value, onChange, label, required, problems }: FieldProps) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  const emitted = useRef(value);
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setRows(rowsOf(value));
    }
  }, [value]);

  const update = (next: Row[]) => {
    setRows(next);
    const map: Record<string, unknown> = {};
    for (const row of next) if (row.key !== '' && !(row.key in map)) map[row.key] = row.value;
    emitted.current = map;
    onChange(map);
  };
  const singular = singularOf(label);

  return (
    <FieldFrame id={id} label={label} help={schema.description} required={required} problems={problems} group>
      <div className="map-rows" data-testid={id}>
        {rows.map((row, index) => (
          <div className="map-row" key={index} role="group" aria-label={`${singular} ${index + 1}`}>
            <input
              className="input map-key"
              value={row.key}
              placeholder="name"
              aria-label={`${label}: name ${index + 1}`}
              data-testid={`${id}-key-${index}`}
              onChange={(event) => update(rows.map((other, at) => (at === index ? { ...other, key: event.target.value } : other)))}
            />
            <TemplateInput
              value={textOf(row.value)}
              ariaLabel={`${label}: value ${index + 1}`}
              placeholder="value or {{template}}"
              testId={`${id}-value-${index}`}
              previewCompileErrors={false}
              onChange={(text) => update(rows.map((other, at) => (at === index ? { ...other, value: text } : other)))}
            />
            <button type="button" className="button icon ghost" aria-label={`Remove ${singular.toLowerCase()} ${row.key || index + 1}`} onClick={() => update(rows.filter((_, at) => at !== index))}>
              ✕
            </button>
          </div>
        ))}
        {rows.length === 0 ? <p className="muted small-text">None yet.</p> : null}
        <button type="button" className="button small" data-testid={`${id}-add`} onClick={() => update([...rows, { key: '', value: '' }])}>
          Add {singular.toLowerCase()}
        </button>
      </div>
    </FieldFrame>
  );
}

function rowsOf(value: unknown): Row[] {
  return isRecord(value) ? Object.entries(value).map(([key, entry]) => ({ key, value: entry })) : [];
}

/** "Fields" → "field", "Headers" → "header", "Query parameters" → "query parameter". */
export function singularOf(label: string): string {
  return label.endsWith('s') ? label.slice(0, -1) : label;
}
