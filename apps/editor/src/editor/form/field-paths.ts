// Which field of a node's form shows a problem at a given param path: the deepest field the form
// renders on that path. A problem deep inside a value edited as one control (a map, a choice of
// forms, a list edited as JSON) belongs to that control; otherwise it would be shown nowhere.
import { alternativesOf, isMapSchema, isObjectSchema, isRowsSchema, type JsonSchema } from '../../catalog/json-schema';

/** "" when no field shows it: a problem with the params as a whole, or with the node itself. */
export function renderedFieldPath(schema: JsonSchema, path: string): string {
  if (path === '') return '';
  const taken: string[] = [];
  let current: JsonSchema = schema;
  for (const segment of path.split('.')) {
    const leaf = taken.length > 0 && (alternativesOf(current).length > 0 || current.enum !== undefined || isMapSchema(current));
    if (leaf) break;
    if (isRowsSchema(current) && current.items && /^\d+$/.test(segment)) {
      taken.push(segment);
      current = current.items;
      continue;
    }
    const next = isObjectSchema(current) ? current.properties?.[segment] : undefined;
    if (!next) break;
    taken.push(segment);
    current = next;
  }
  // A row index alone is not a field: its problems belong to the list.
  if (taken.length > 0 && /^\d+$/.test(taken[taken.length - 1])) taken.pop();
  return taken.join('.');
}
