// Answers for callers that wait for their flow (a webhook whose "respond" is "lastNode" or
// "respondNode"). Intake commits the event, asks to be told its answer, and holds the connection;
// the run, wherever it runs, hands the answer over here. Embedded, both sides are in this process.
// In queue mode the run may be on a worker: the answer is published on Redis and the main holding
// the connection takes it. An answer nobody waits for any more (the caller got its 504, the server
// restarted) is dropped: the run itself is recorded as always.
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';
import type { FlowAnswer } from '@hookflow/engine';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger';
import { SHARED_REDIS, type SharedRedis } from '../redis/shared-redis';

const CHANNEL = 'caller-answers';

export interface ExpectedAnswer {
  /** The answer, or undefined when none came within the time (the caller gets 504). */
  readonly answer: Promise<FlowAnswer | undefined>;
}

@Injectable()
export class CallerAnswers implements OnModuleInit, OnModuleDestroy {
  private readonly waiting = new Map<string, (answer: FlowAnswer | undefined) => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(SHARED_REDIS) private readonly redis?: SharedRedis,
  ) {}

  onModuleInit(): void {
    if (!this.redis) return;
    this.unsubscribe = this.redis.subscribe(CHANNEL, (message) => {
      const parsed = parseMessage(message);
      if (parsed) this.settle(parsed.eventId, parsed.answer);
    }).unsubscribe;
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const settle of this.waiting.values()) settle(undefined);
    this.waiting.clear();
  }

  /** Call before the event's run is handed out, so no answer can come before anyone waits for it. */
  expect(eventId: string, timeoutMs: number): ExpectedAnswer {
    const answer = new Promise<FlowAnswer | undefined>((resolve) => {
      const timer = setTimeout(() => settle(undefined), timeoutMs);
      const settle = (value: FlowAnswer | undefined): void => {
        clearTimeout(timer);
        this.waiting.delete(eventId);
        resolve(value);
      };
      this.waiting.set(eventId, settle);
    });
    return { answer };
  }

  /** The run's answer: to the connection here if it is here, else (queue mode) to the main that holds it. */
  async deliver(eventId: string, answer: FlowAnswer): Promise<void> {
    if (this.settle(eventId, answer) || !this.redis) return;
    const receivers = await this.redis.publish(CHANNEL, JSON.stringify({ eventId, answer }));
    if (receivers === undefined) this.logger.warn({ eventId }, 'could not hand the flow’s answer to its caller: Redis is away');
  }

  private settle(eventId: string, answer: FlowAnswer | undefined): boolean {
    const settle = this.waiting.get(eventId);
    if (!settle) return false;
    settle(answer);
    return true;
  }
}

function parseMessage(message: string): { eventId: string; answer: FlowAnswer } | undefined {
  try {
    const value = JSON.parse(message) as { eventId?: unknown; answer?: Partial<FlowAnswer> };
    const answer = value.answer;
    if (typeof value.eventId !== 'string' || !answer || typeof answer.status !== 'number') return undefined;
    return { eventId: value.eventId, answer: { status: answer.status, headers: answer.headers ?? {}, body: answer.body } };
  } catch {
    return undefined;
  }
}
