import { describe, expect, it } from 'vitest';
import { FLOW_KEY_PATTERN } from '@hookflow/flow-model';
import { keyFromName } from './flow-key-names';

describe('keyFromName', () => {
  it('makes a readable slug of the name', () => {
    expect(keyFromName('Big orders → Warehouse!', new Set())).toBe('big-orders-warehouse');
    expect(keyFromName('Crème brûlée alerts', new Set())).toBe('creme-brulee-alerts');
  });

  it('numbers a name that is taken, and names a flow whose name has no letters', () => {
    expect(keyFromName('Orders', new Set(['orders', 'orders-2']))).toBe('orders-3');
    expect(keyFromName('→ ✓', new Set())).toBe('flow');
  });

  it('stays within 63 characters, with the number too', () => {
    const long = 'a'.repeat(80);
    const first = keyFromName(long, new Set());
    const second = keyFromName(long, new Set([first]));
    expect(first).toHaveLength(63);
    expect(second).toMatch(/-2$/);
    expect(second).toHaveLength(63);
    expect(FLOW_KEY_PATTERN.test(second)).toBe(true);
  });
});
