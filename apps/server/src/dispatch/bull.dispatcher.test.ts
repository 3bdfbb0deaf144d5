// The Bull dispatcher keeps the same Dispatcher contract as the in-process one, on a real Redis
// (each test under its own key prefix).
import Bull from 'bull';
import { loadSettings } from '../config/settings';
import { createLogger } from '../logging/logger';
import { redisOptions } from '../redis/redis-options';
import { deleteQueueKeys, TEST_REDIS_URL, testQueuePrefix } from '../../test/support/redis';
import { BullDispatcher, EXECUTIONS_QUEUE } from './bull.dispatcher';
import { dispatcherContract } from './dispatcher.contract';

dispatcherContract('Bull', async ({ concurrency }) => {
  const prefix = testQueuePrefix();
  const queue = new Bull(EXECUTIONS_QUEUE, { prefix, redis: redisOptions(TEST_REDIS_URL) });
  const settings = loadSettings({
    REDIS_URL: TEST_REDIS_URL,
    DATABASE_URL: 'postgres://unused',
    ENCRYPTION_KEY: 'k'.repeat(64).replace(/k/g, 'a'),
    WORKER_CONCURRENCY: String(concurrency),
    QUEUE_PREFIX: prefix,
  });
  const dispatcher = new BullDispatcher(queue, settings, createLogger('silent'));
  await dispatcher.onModuleInit();
  return {
    dispatcher,
    close: async () => {
      await dispatcher.beforeApplicationShutdown();
      await deleteQueueKeys(prefix);
    },
  };
});
