// What the rest of the server may use of queue mode's Redis, behind a token, so that code which
// only might use Redis does not load the client library in the embedded mode (it costs ~20 MB of
// RSS; Bull another ~40 MB). redis.service.ts implements it; redis.module.ts provides it.
import type { Redis } from 'ioredis';

export const SHARED_REDIS = Symbol('SHARED_REDIS');

export interface SharedRedis {
  /** Commands fail at once while Redis is away. */
  readonly commands: Redis;
  /** Publishes and answers how many processes received it; undefined while Redis is away. */
  publish(channel: string, message: string): Promise<number | undefined>;
  subscribe(channel: string, handler: (message: string) => void): { unsubscribe(): void; subscribed: Promise<boolean> };
}
