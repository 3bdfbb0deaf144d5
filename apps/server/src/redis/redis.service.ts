// Queue mode's Redis beyond the Bull queue: one connection for commands (rate-limit counters,
// publishing) and one for subscriptions (flow changes, test events between mains). Commands fail
// at once while Redis is away instead of queueing, so nothing on the request path waits for it.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { LOGGER } from '../logging/logger';
import { redisOptions } from './redis-options';
import type { SharedRedis } from './shared-redis';

type MessageHandler = (message: string) => void;

@Injectable()
export class RedisService implements SharedRedis, OnApplicationShutdown {
  readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, { handlers: Set<MessageHandler>; subscribed: Promise<boolean> }>();
  private readonly prefix: string;

  constructor(@Inject(SETTINGS) settings: Settings, @Inject(LOGGER) logger: Logger) {
    const options = redisOptions(settings.REDIS_URL ?? 'redis://127.0.0.1:6379');
    this.prefix = settings.QUEUE_PREFIX;
    this.commands = new Redis({ ...options, enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.subscriber = new Redis({ ...options, maxRetriesPerRequest: null });
    let down = false;
    this.commands.on('error', (err: Error) => {
      if (!down) logger.warn({ err: err.message }, 'Redis is unreachable; events are still accepted and run once it is back');
      down = true;
    });
    this.commands.on('ready', () => {
      if (down) logger.info('Redis is reachable again');
      down = false;
    });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel)?.handlers ?? []) handler(message);
    });
  }

  /** Publishes; answers how many processes received it, or undefined while Redis is away (a lost message is covered by its backstop). */
  async publish(channel: string, message: string): Promise<number | undefined> {
    try {
      return await this.commands.publish(this.channel(channel), message);
    } catch {
      return undefined;
    }
  }

  /**
   * Calls handler for every message on the channel until `unsubscribe` is called; `subscribed`
   * resolves once Redis confirmed the subscription (false when it could not).
   */
  subscribe(channel: string, handler: MessageHandler): { unsubscribe(): void; subscribed: Promise<boolean> } {
    const full = this.channel(channel);
    let entry = this.handlers.get(full);
    if (!entry) {
      const subscribed = this.subscriber.subscribe(full).then(
        () => true,
        () => false,
      );
      entry = { handlers: new Set(), subscribed };
      this.handlers.set(full, entry);
    }
    const current = entry;
    current.handlers.add(handler);
    return {
      subscribed: current.subscribed,
      unsubscribe: () => {
        current.handlers.delete(handler);
        if (current.handlers.size > 0) return;
        this.handlers.delete(full);
        void this.subscriber.unsubscribe(full).catch(() => undefined);
      },
    };
  }

  /** The channel's full name, under this installation's prefix. */
  private channel(name: string): string {
    return `${this.prefix}:${name}`;
  }

  async onApplicationShutdown(): Promise<void> {
    this.commands.disconnect();
    this.subscriber.disconnect();
  }
}
