// Comparisons of secrets and signatures that take the same time whatever the input: both sides
// are hashed first, so lengths never differ (timingSafeEqual would throw) and nothing about the
// expected value leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';

export function safeEqual(given: string | Buffer, expected: string | Buffer): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when any of the given signatures equals the expected one; every candidate is compared. */
export function anyEqual(given: readonly (string | Buffer)[], expected: string | Buffer): boolean {
  let found = false;
  for (const candidate of given) found = safeEqual(candidate, expected) || found;
  return found;
}
