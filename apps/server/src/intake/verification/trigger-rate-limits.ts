// Per-trigger rate limits, counted in this process's memory (fixed windows): a flood against one
// trigger URL is refused early, before it costs a signature check or a write.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { WebhookRateLimitParams } from '@hookflow/nodes';
import { IntakeRejection } from '../../common/domain-errors';

export class TriggerRateLimits {
  private readonly limiters = new Map<string, { config: string; limiter: RateLimiterMemory }>();

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

  private limiterFor(flowId: string, limit: WebhookRateLimitParams): RateLimiterMemory {
    const config = `${limit.requests}/${limit.perSeconds}`;
    const existing = this.limiters.get(flowId);
    if (existing && existing.config === config) return existing.limiter;
    const limiter = new RateLimiterMemory({ points: limit.requests, duration: limit.perSeconds });
    this.limiters.set(flowId, { config, limiter });
    return limiter;
  }
}
