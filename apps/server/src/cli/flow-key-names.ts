// Keys for flows that have none yet, made from their names: "Big orders → warehouse" becomes
// "big-orders-warehouse", and a second flow of the same name "big-orders-warehouse-2".
import { FLOW_KEY_PATTERN } from '@hookflow/flow-model';

const MAX_KEY_LENGTH = 63;

export function keyFromName(name: string, taken: ReadonlySet<string>): string {
  const base = trimDashes(
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, MAX_KEY_LENGTH),
  ) || 'flow';
  let key = base;
  for (let copy = 2; taken.has(key); copy += 1) {
    const suffix = `-${copy}`;
    key = `${trimDashes(base.slice(0, MAX_KEY_LENGTH - suffix.length)) || 'flow'}${suffix}`;
  }
  if (!FLOW_KEY_PATTERN.test(key)) throw new Error(`made an invalid flow key "${key}" from "${name}"`);
  return key;
}

function trimDashes(text: string): string {
  return text.replace(/^-+|-+$/g, '');
}
