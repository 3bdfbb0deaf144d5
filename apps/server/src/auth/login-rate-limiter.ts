// Limits sign-in attempts per client address and per email, so a password cannot be guessed fast
// from one machine, nor one account be guessed from many. Each attempt is counted before the check
// and a successful one is given back, so in effect only failures count; once either limit is
// reached even a right password waits.
// Counted in memory in the embedded mode; in queue mode in Redis, so the limits hold across every
// main (with each main's memory as the fallback while Redis is away). Behind
// a reverse proxy (TRUSTED_PROXIES) the address is the client's from X-Forwarded-For, so one
// stranger cannot lock everyone out by exhausting the proxy's own address.
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { SETTINGS, splitList, type Settings } from '../config/settings';
import { parseRanges, type AddressRange } from '../intake/verification/address-ranges';
import { clientAddress } from '../intake/verification/client-address';
import { sharedLimiter } from '../intake/verification/trigger-rate-limits';
import { SHARED_REDIS, type SharedRedis } from '../redis/shared-redis';
import { normalizeEmail } from './users.service';

@Injectable()
export class LoginRateLimiter {
  private readonly byIp: RateLimiterAbstract;
  private readonly byEmail: RateLimiterAbstract;
  private readonly trustedProxies: AddressRange[];

  constructor(@Inject(SETTINGS) settings: Settings, @Optional() @Inject(SHARED_REDIS) redis?: SharedRedis) {
    const shared = redis ? { redis: redis.commands, prefix: settings.QUEUE_PREFIX } : undefined;
    const options = { shared, points: settings.LOGIN_MAX_ATTEMPTS, duration: settings.LOGIN_WINDOW_MINUTES * 60 };
    this.byIp = sharedLimiter({ ...options, keyPrefix: 'login-ip' });
    this.byEmail = sharedLimiter({ ...options, keyPrefix: 'login-email' });
    this.trustedProxies = parseRanges(splitList(settings.TRUSTED_PROXIES));
  }

  /** Who is trying: the client's address and the email as stored. */
  attemptOf(request: FastifyRequest, email: string): LoginAttempt {
    const forwarded = request.headers['x-forwarded-for'];
    const forwardedFor = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
    const client = clientAddress({ socketAddress: request.socket.remoteAddress, forwardedFor, trustedProxies: this.trustedProxies });
    return { ip: client?.toString() ?? request.ip, email: normalizeEmail(email) };
  }

  /**
   * Takes one attempt from both budgets BEFORE the password is checked, so a burst of parallel
   * guesses is counted too. Seconds to wait when over either limit, else 0.
   */
  async take({ ip, email }: LoginAttempt): Promise<number> {
    const waits = await Promise.all([consume(this.byIp, ip), consume(this.byEmail, email)]);
    const longest = Math.max(...waits);
    return longest > 0 ? Math.max(1, Math.ceil(longest / 1000)) : 0;
  }

  /** A right password gives its attempt back and clears the email's count (a person's own typos). */
  async recordSuccess({ ip, email }: LoginAttempt): Promise<void> {
    await Promise.all([this.byIp.reward(ip, 1), this.byEmail.delete(email)]);
  }
}

/** Milliseconds to wait when the key is over its limit, else 0. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    return Math.max(1, err.msBeforeNext);
  }
}

export interface LoginAttempt {
  ip: string;
  email: string;
}
