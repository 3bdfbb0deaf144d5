// Redis for queue-mode tests: the machine's shared Redis (REDIS_URL or 127.0.0.1:6379), used under
// a prefix of each test's own so parallel tests never see each other's keys; cleaning up deletes
// that prefix's keys only (never FLUSHALL on the shared server).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function testQueuePrefix(): string {
  return `hf-test-${randomBytes(5).toString('hex')}`;
}

/** Deletes every key under the prefix. */
export async function deleteQueueKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
