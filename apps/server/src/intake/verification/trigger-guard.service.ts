// The checks a trigger's params ask for before a request becomes an event, in the order intake
// runs them: address (403), rate (429), handshake (answered), caller (401). Params come parsed with
// the live trigger; secrets are resolved per request so a rotated credential applies at once.
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import type { WebhookParams } from '@hookflow/nodes';
import { IntakeRejection } from '../../common/domain-errors';
import { SETTINGS, splitList, type Settings } from '../../config/settings';
import { SecretResolver, type SecretRef } from '../../credentials/secret-resolver';
import { LOGGER } from '../../logging/logger';
import { SHARED_REDIS, type SharedRedis } from '../../redis/shared-redis';
import type { LiveTrigger } from '../../runtime/flow-runtime.service';
import { inRanges, parseRanges, type AddressRange } from './address-ranges';
import { checkCaller } from './caller-auth';
import { challengeAnswer } from './challenge-answers';
import { clientAddress } from './client-address';
import type { IntakeAnswer } from './intake-answer';
import { TriggerRateLimits } from './trigger-rate-limits';

export interface GuardedRequest {
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  raw: Buffer | undefined;
  remoteAddress?: string;
}

@Injectable()
export class TriggerGuardService {
  /** Allowlists parsed once per params object (params live as long as their trigger is cached). */
  private readonly allowlists = new WeakMap<string[], AddressRange[]>();
  private readonly rateLimits: TriggerRateLimits;
  private readonly trustedProxies: AddressRange[];

  constructor(
    private readonly secrets: SecretResolver,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(SHARED_REDIS) redis?: SharedRedis,
  ) {
    this.trustedProxies = parseRanges(splitList(settings.TRUSTED_PROXIES));
    this.rateLimits = new TriggerRateLimits(redis ? { redis: redis.commands, prefix: settings.QUEUE_PREFIX } : undefined);
  }

  /** The trigger node's params; fail closed: a trigger whose checks cannot be read accepts nothing. */
  paramsOf(trigger: LiveTrigger): WebhookParams {
    if (trigger.params) return trigger.params;
    throw new IntakeRejection(500, 'trigger_misconfigured', 'This trigger’s settings could not be read; open the flow in the editor and save it again.');
  }

  checkAddress(params: WebhookParams, request: GuardedRequest): void {
    if (!params.ipAllowlist || params.ipAllowlist.length === 0) return;
    const client = clientAddress({ socketAddress: request.remoteAddress, forwardedFor: request.headers['x-forwarded-for'], trustedProxies: this.trustedProxies });
    let ranges = this.allowlists.get(params.ipAllowlist);
    if (!ranges) {
      ranges = parseRanges(params.ipAllowlist);
      this.allowlists.set(params.ipAllowlist, ranges);
    }
    if (client && inRanges(client, ranges)) return;
    throw new IntakeRejection(403, 'forbidden_address', `Requests from ${client?.toString() ?? 'an unknown address'} are not allowed by this trigger's IP allowlist.`);
  }

  takeRate(trigger: LiveTrigger, params: WebhookParams): Promise<void> {
    return this.rateLimits.take(trigger.flowId, params.rateLimit);
  }

  challenge(params: WebhookParams, request: GuardedRequest): Promise<IntakeAnswer | undefined> {
    return challengeAnswer({ challenge: params.challenge, auth: params.auth, ...request, resolveSecret: (ref, field) => this.resolveSecret(ref, field) });
  }

  checkCaller(params: WebhookParams, request: GuardedRequest & { replay: boolean; now: Date }): Promise<void> {
    return checkCaller({
      auth: params.auth,
      raw: request.raw,
      headers: request.headers,
      nowSeconds: Math.floor(request.now.getTime() / 1000),
      replay: request.replay,
      resolveSecret: (ref, field) => this.resolveSecret(ref, field),
    });
  }

  /** A secret that cannot be read is the trigger's fault, not the sender's: 500, details only in the log. */
  private async resolveSecret(ref: SecretRef, field: string): Promise<string> {
    try {
      return await this.secrets.resolve(ref, field);
    } catch (err) {
      this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'a trigger secret could not be resolved');
      throw new IntakeRejection(500, 'trigger_misconfigured', 'The secret this trigger checks callers with could not be read; check the credential it names.');
    }
  }
}
