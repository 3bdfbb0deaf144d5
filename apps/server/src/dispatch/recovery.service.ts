// At start-up, every event that was accepted but not finished runs again (at-least-once): a
// crash between the 202 and the end of an execution loses nothing. Pages through the backlog so
// a large one never sits in memory at once.
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { newRowId } from '../storage/row-id';
import { And, DataSource, LessThan, MoreThan } from 'typeorm';
import type { Logger } from 'pino';
import { EventEntity } from '../storage/entities';
import { LOGGER } from '../logging/logger';
import { Dispatcher } from './dispatcher';

const PAGE = 500;

@Injectable()
export class RecoveryService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.recover().catch((err: unknown) => this.logger.error({ err }, 'recovery of unfinished events failed'));
  }

  async recover(): Promise<number> {
    const repository = this.dataSource.getRepository(EventEntity);
    let total = 0;
    // Events accepted after start-up are dispatched by intake itself.
    const startedAt = new Date().toISOString();
    let after = { receivedAt: '', id: '' };
    for (;;) {
      await this.dispatcher.waitForBacklogBelow(PAGE);
      const page = await repository.find({
        select: { id: true, receivedAt: true },
        where: [
          { status: 'accepted', receivedAt: And(MoreThan(after.receivedAt), LessThan(startedAt)) },
          { status: 'accepted', receivedAt: after.receivedAt, id: MoreThan(after.id) },
        ],
        order: { receivedAt: 'ASC', id: 'ASC' },
        take: PAGE,
      });
      for (const event of page) this.dispatcher.dispatch({ eventId: event.id, executionId: newRowId() });
      total += page.length;
      if (page.length < PAGE) break;
      const last = page[page.length - 1];
      after = { receivedAt: last.receivedAt, id: last.id };
    }
    if (total > 0) this.logger.info({ events: total }, 'unfinished events dispatched again after start-up');
    return total;
  }
}
