// Limits failed sign-ins per client address and per email, so a password cannot be guessed fast
// from one machine, nor one account be guessed from many. Only failures count: a person who signs
// in often is never locked out, and once either limit is reached even a right password waits.
// In memory: each process limits on its own, which is enough to make guessing impractical. Behind
// a reverse proxy (TRUSTED_PROXIES) the address is the client's from X-Forwarded-For, so one
// stranger cannot lock everyone out by exhausting the proxy's own address.
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { SETTINGS, splitList, type Settings } from '../config/settings';
import { parseRanges, type AddressRange } from '../intake/verification/address-ranges';
import { clientAddress } from '../intake/verification/client-address';
import { normalizeEmail } from './users.service';

@Injectable()
export class LoginRateLimiter {
  private readonly byIp: RateLimiterMemory;
  private readonly byEmail: RateLimiterMemory;
  private readonly maxFailures: number;
  private readonly trustedProxies: AddressRange[];

  constructor(@Inject(SETTINGS) settings: Settings) {
    const options = { points: settings.LOGIN_MAX_ATTEMPTS, duration: settings.LOGIN_WINDOW_MINUTES * 60 };
    this.byIp = new RateLimiterMemory({ ...options, keyPrefix: 'login-ip' });
    this.byEmail = new RateLimiterMemory({ ...options, keyPrefix: 'login-email' });
    this.maxFailures = settings.LOGIN_MAX_ATTEMPTS;
    this.trustedProxies = parseRanges(splitList(settings.TRUSTED_PROXIES));
  }

  /** Who is trying: the client's address and the email as stored. */
  attemptOf(request: FastifyRequest, email: string): LoginAttempt {
    const forwarded = request.headers['x-forwarded-for'];
    const forwardedFor = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
    const client = clientAddress({ socketAddress: request.socket.remoteAddress, forwardedFor, trustedProxies: this.trustedProxies });
    return { ip: client?.toString() ?? request.ip, email: normalizeEmail(email) };
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  async retryAfterSeconds({ ip, email }: LoginAttempt): Promise<number> {
    const states = await Promise.all([this.byIp.get(ip), this.byEmail.get(email)]);
    const waits = states.filter((state) => state !== null && state.consumedPoints >= this.maxFailures).map((state) => state?.msBeforeNext ?? 0);
    return waits.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(...waits) / 1000));
  }

  async recordFailure({ ip, email }: LoginAttempt): Promise<void> {
    await Promise.all([consume(this.byIp, ip), consume(this.byEmail, email)]);
  }

  /** A right password clears the email's count (a person's own typos); the address keeps its count. */
  async recordSuccess({ email }: LoginAttempt): Promise<void> {
    await this.byEmail.delete(email);
  }
}

/** Over the limit, consume() rejects with the limiter's state; the next check answers 429. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
  }
}

export interface LoginAttempt {
  ip: string;
  email: string;
}
