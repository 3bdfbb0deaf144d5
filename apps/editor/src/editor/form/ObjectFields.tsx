// The properties of an object schema, one field each, in the schema's order.
import { isRecord } from '../../api/http';
import type { JsonSchema } from '../../catalog/json-schema';
import { titleOf } from './field-props';
import { SchemaField } from './SchemaField';
import { useFieldProblems } from './field-problems';

interface ObjectFieldsProps {
  idPrefix: string;
  /** Dotted path of this object inside params ("" for params itself). */
  path: string;
  schema: JsonSchema;
  value: unknown;
  onChange(value: Record<string, unknown>): void;
  /** Rows lay their fields out side by side. */
  inline?: boolean;
  /**
   * False for an optional group left empty (a webhook's rate limit): its fields are needed only once
   * the group is used, so none is marked required until then.
   */
  inUse?: boolean;
}

export function ObjectFields({ idPrefix, path, schema, value, onChange, inline = false, inUse = true }: ObjectFieldsProps) {
  const object = isRecord(value) ? value : {};
  const problemsAt = useFieldProblems();
  return (
    <div className={inline ? 'object-fields inline' : 'object-fields'}>
      {Object.entries(schema.properties ?? {}).map(([key, property]) => {
        const childPath = path === '' ? key : `${path}.${key}`;
        return (
          <SchemaField
            key={key}
            id={`${idPrefix}-${key}`}
            path={childPath}
            schema={property}
            value={object[key]}
            label={titleOf(property, key)}
            required={inUse && schema.required?.includes(key)}
            problems={problemsAt(childPath)}
            onChange={(next) => {
              const copy = { ...object };
              if (next === undefined) delete copy[key];
              else copy[key] = next;
              onChange(copy);
            }}
          />
        );
      })}
    </div>
  );
}
