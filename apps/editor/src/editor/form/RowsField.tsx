// A list of objects with named properties (filter conditions: left, op, right) as rows.
import type { JsonSchema } from '../../catalog/json-schema';
import { FieldFrame } from './FieldFrame';
import { type FieldProps } from './field-props';
import { ObjectFields } from './ObjectFields';

export function RowsField({ id, path, schema, value, onChange, label, required, problems }: FieldProps) {
  const items = Array.isArray(value) ? value : [];
  const itemSchema: JsonSchema = schema.items ?? {};
  const itemLabel = itemSchema.title ?? 'Item';
  const update = (next: unknown[]) => onChange(next.length === 0 && !required ? undefined : next);

  return (
    <FieldFrame id={id} label={label} help={schema.description} required={required} problems={problems} group>
      <div className="rows" data-testid={id}>
        {items.map((item, index) => (
          <div className="row-card" key={index} role="group" aria-label={`${itemLabel} ${index + 1}`} data-testid={`${id}-${index}`}>
            <ObjectFields
              idPrefix={`${id}-${index}`}
              path={`${path}.${index}`}
              schema={itemSchema}
              value={item}
              onChange={(next) => update(items.map((other, at) => (at === index ? next : other)))}
              inline
            />
            <button type="button" className="button small ghost danger" aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`} onClick={() => update(items.filter((_, at) => at !== index))}>
              Remove
            </button>
          </div>
        ))}
        {items.length === 0 ? <p className="muted small-text">None yet.</p> : null}
        <button type="button" className="button small" data-testid={`${id}-add`} onClick={() => update([...items, newItem(itemSchema)])}>
          Add {itemLabel.toLowerCase()}
        </button>
      </div>
    </FieldFrame>
  );
}

/** A new row with the schema's defaults, the first choice of required selects, empty texts. */
function newItem(schema: JsonSchema): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.default !== undefined) item[key] = property.default;
    else if (property.enum && schema.required?.includes(key)) item[key] = property.enum[0];
    else if (schema.required?.includes(key)) item[key] = '';
  }
  return item;
}
