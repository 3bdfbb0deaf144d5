// Starts the real server on port 0 with its own store: a temp SQLite folder, or, when
// DATABASE_URL is set (CI's PostgreSQL run), a schema of its own that is dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { createApp } from '../../src/app.factory';
import { loadSettings, type Settings } from '../../src/config/settings';
import { createLogger } from '../../src/logging/logger';
import { Dispatcher, LocalDrain } from '../../src/dispatch/dispatcher';
import { forgetApiKey } from './api';
import { deleteQueueKeys, TEST_REDIS_URL, testQueuePrefix } from './redis';
import { signInTestOwner, withTestOwner } from './sign-in';

export interface TestServer {
  url: string;
  app: NestFastifyApplication;
  settings: Settings;
  dataDir: string;
  /** The owner's API key that call() sends to this server (unset when started without an owner). */
  apiKey?: string;
  /** Resolves once every dispatched execution has finished and been recorded. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Signed in as TEST_OWNER; pass OWNER_EMAIL: '' and OWNER_PASSWORD: '' for a server with no user yet. */
export async function startTestServer(givenEnv: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestServer> {
  const env = withTestOwner(givenEnv);
  const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-test-'));
  const store = await testStoreEnv();
  const queue = testQueueEnv(store.env);
  const settings = loadSettings({ DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', HOST: '127.0.0.1', PORT: '0', ...store.env, ...queue.env, ...env });
  const app = await createApp({ settings, logger: options.logger ?? createLogger(env.LOG_LEVEL ?? process.env.TEST_LOG_LEVEL ?? 'silent') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  // Trigger URLs shown by the API point at this server.
  settings.publicUrl = url;
  const idle = idleOf(app);
  const apiKey = await signInTestOwner(url, env);
  return {
    url,
    app,
    settings,
    dataDir,
    apiKey,
    idle,
    close: async () => {
      await idle();
      forgetApiKey(url);
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      await store.drop();
      await queue.drop();
    },
  };
}

/**
 * Store and, in the queue-mode pass, queue settings for a child server: a dead child's running
 * jobs run again after 2 s instead of 30.
 */
export async function testBackendEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const store = await testStoreEnv();
  const queue = testQueueEnv(store.env);
  const stalled: Record<string, string> = queue.env.REDIS_URL ? { STALLED_JOB_SECONDS: '2' } : {};
  return {
    env: { ...store.env, ...queue.env, ...stalled },
    drop: async () => {
      await store.drop();
      await queue.drop();
    },
  };
}

/** A fixed test key: queue mode needs one ENCRYPTION_KEY on every process. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Queue-mode settings when the suite runs in queue mode (TEST_QUEUE_MODE=1, on PostgreSQL): Redis
 * under a prefix of this server's own, deleted afterwards.
 */
export function testQueueEnv(storeEnv: Record<string, string>): { env: Record<string, string>; drop(): Promise<void> } {
  if (process.env.TEST_QUEUE_MODE !== '1' || !storeEnv.DATABASE_URL) return { env: {}, drop: async () => undefined };
  const prefix = testQueuePrefix();
  return { env: { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY }, drop: () => deleteQueueKeys(prefix) };
}

/**
 * When everything handed over has run: the in-process dispatcher knows; in queue mode the queue's
 * counts are polled (bounded) until nothing waits or runs.
 */
function idleOf(app: NestFastifyApplication): () => Promise<void> {
  const drain = localDrainOf(app);
  if (drain) return () => drain.whenIdle();
  const dispatcher = app.get(Dispatcher);
  return async () => {
    for (let i = 0; i < 600; i += 1) {
      const counts = await dispatcher.counts();
      if (counts.waiting + counts.running === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the queue did not drain within 30 s');
  };
}

function localDrainOf(app: NestFastifyApplication): LocalDrain | undefined {
  try {
    return app.get(LocalDrain, { strict: false });
  } catch {
    return undefined;
  }
}

/** Store settings for one test server: nothing for SQLite, a fresh schema on PostgreSQL. */
export async function testStoreEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return { env: {}, drop: async () => undefined };
  const schema = `hf_test_${randomBytes(6).toString('hex')}`;
  await withPg(databaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  return {
    env: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema },
    drop: () => withPg(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

async function withPg<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
