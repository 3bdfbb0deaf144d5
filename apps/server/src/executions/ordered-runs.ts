// Events with the same ordering key run one at a time, in the order they were received. Any job of
// such an event tries to take its key's lock; the holder runs the key's waiting events oldest
// first until none is left, so a job that finds the lock taken simply ends: the holder will reach
// its event. After letting go, the holder looks once more, so an event committed between its last
// look and the release is never left waiting for nobody. The store decides the order, which is why
// it survives a crash: the next holder starts from the oldest event still waiting.
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ExecutionJob } from '../dispatch/dispatcher';
import { EventsService } from '../events/events.service';
import { LOGGER } from '../logging/logger';
import { KeyLocks } from './key-locks';

export interface OrderedKey {
  flowId: string;
  orderingKey: string;
}

@Injectable()
export class OrderedRuns {
  constructor(
    private readonly locks: KeyLocks,
    private readonly events: EventsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs the key's waiting events in order with `run` while this job holds the key; answers their follow-ups. */
  async drain(key: OrderedKey, run: (eventId: string) => Promise<ExecutionJob[]>): Promise<ExecutionJob[]> {
    const followUps: ExecutionJob[] = [];
    const name = `${key.flowId}:${key.orderingKey}`;
    for (;;) {
      const lock = await this.locks.tryAcquire(name);
      if (!lock) return followUps;
      try {
        let previous: string | undefined;
        for (;;) {
          const next = await this.events.oldestWaiting(key.flowId, key.orderingKey);
          if (next === undefined) break;
          // Running an event always finishes it (or throws); the same one twice would loop forever.
          if (next === previous) {
            this.logger.error({ eventId: next }, 'an ordered event stayed waiting after its run; its key is left to the sweeper');
            return followUps;
          }
          previous = next;
          followUps.push(...(await run(next)));
        }
      } finally {
        await lock.release();
      }
      if ((await this.events.oldestWaiting(key.flowId, key.orderingKey)) === undefined) return followUps;
    }
  }
}
