// Locks on ordering keys: while one process drains a key's waiting events, no other runs any of
// them. In this process's memory in the embedded mode; in queue mode a Redis key per lock, set only
// if absent, with an expiry its holder keeps renewing, so a worker that dies frees its keys after
// half of STALLED_JOB_SECONDS (before Bull runs its job again) and another worker takes over from
// the oldest waiting event.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface KeyLock {
  release(): Promise<void>;
}

export abstract class KeyLocks {
  /** The lock, or undefined when another holder has it. */
  abstract tryAcquire(name: string): Promise<KeyLock | undefined>;
}

export class MemoryKeyLocks extends KeyLocks {
  private readonly held = new Set<string>();

  tryAcquire(name: string): Promise<KeyLock | undefined> {
    if (this.held.has(name)) return Promise.resolve(undefined);
    this.held.add(name);
    return Promise.resolve({ release: () => Promise.resolve(void this.held.delete(name)) });
  }
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class RedisKeyLocks extends KeyLocks {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {
    super();
  }

  async tryAcquire(name: string): Promise<KeyLock | undefined> {
    const key = `${this.prefix}:order-lock:${name}`;
    const token = randomUUID();
    const taken = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (taken !== 'OK') return undefined;
    const renew = setInterval(() => {
      this.redis.eval(RENEW, 1, key, token, String(this.ttlMs)).catch(() => undefined);
    }, Math.max(100, Math.floor(this.ttlMs / 3)));
    renew.unref();
    return {
      release: async () => {
        clearInterval(renew);
        await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      },
    };
  }
}
