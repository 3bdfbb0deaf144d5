// Per-trigger rate limits (fixed windows): a flood against one trigger URL is refused early,
// before it costs a signature check or a write. Counted in this process's memory in the embedded
// mode; in queue mode in Redis, so the limit holds across every main. While Redis is away the
// count falls back to each main's memory rather than refusing or letting everything through.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type { WebhookRateLimitParams } from '@hookflow/nodes';
import { IntakeRejection } from '../../common/domain-errors';

export class TriggerRateLimits {
  private readonly limiters = new Map<string, { config: string; limiter: RateLimiterAbstract }>();

  /** redis: queue mode's command connection, under the installation's key prefix. */
  constructor(private readonly shared?: { redis: Redis; prefix: string }) {}

  /** Counts one request for the flow; throws a 429 with Retry-After when over its limit. */
  async take(flowId: string, limit: WebhookRateLimitParams | undefined): Promise<void> {
    if (!limit) return;
    try {
      await this.limiterFor(flowId, limit).consume(flowId);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new IntakeRejection(
        429,
        'rate_limited',
        `This trigger accepts ${limit.requests} requests per ${limit.perSeconds} s; try again in ${retryAfter} s.`,
        { 'retry-after': String(retryAfter) },
      );
    }
  }

  private limiterFor(flowId: string, limit: WebhookRateLimitParams): RateLimiterAbstract {
    const config = `${limit.requests}/${limit.perSeconds}`;
    const existing = this.limiters.get(flowId);
    if (existing && existing.config === config) return existing.limiter;
    const limiter = sharedLimiter({ shared: this.shared, keyPrefix: `trigger-rate:${config}`, points: limit.requests, duration: limit.perSeconds });
    this.limiters.set(flowId, { config, limiter });
    return limiter;
  }
}

/** A limiter counted in Redis when one is given (with this process's memory as its insurance), else in memory. */
export function sharedLimiter(args: { shared?: { redis: Redis; prefix: string }; keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  const { shared, keyPrefix, points, duration } = args;
  const memory = new RateLimiterMemory({ points, duration, keyPrefix });
  if (!shared) return memory;
  return new RateLimiterRedis({
    storeClient: shared.redis,
    keyPrefix: `${shared.prefix}:${keyPrefix}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}
