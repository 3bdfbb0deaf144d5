// Connection options for every Redis client of queue mode, from REDIS_URL
// (redis://[user:password@]host[:port][/db], or rediss:// for TLS). Reconnects keep trying every
// two seconds at most, so a restarted Redis is back in use within seconds.
import type { RedisOptions } from 'ioredis';

export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || '0');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || '6379'),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  };
}
