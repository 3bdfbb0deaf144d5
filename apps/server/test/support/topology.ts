// Queue mode as it is deployed, without Docker: a redis-server of the test's own, a PostgreSQL
// schema of its own, and mains and workers as real child processes of the built server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer, type ChildServer } from './child-server';
import { startOwnRedis, type OwnRedis } from './redis-server';
import { TEST_ENCRYPTION_KEY, testStoreEnv } from './test-server';

export interface Topology {
  redis: OwnRedis;
  mains: ChildServer[];
  workers: ChildServer[];
  env: Record<string, string>;
  startMain(extra?: Record<string, string>): Promise<ChildServer>;
  startWorker(extra?: Record<string, string>): Promise<ChildServer>;
  close(): Promise<void>;
}

export const queueTestsEnabled = process.env.TEST_QUEUE_MODE === '1' && process.env.DATABASE_URL !== undefined;

export async function startTopology(options: { mains: number; workers: number; env?: Record<string, string> }): Promise<Topology> {
  const redis = await startOwnRedis();
  const store = await testStoreEnv();
  const dirs: string[] = [];
  const env = {
    ...store.env,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: `hf-${randomBytes(4).toString('hex')}`,
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    STALLED_JOB_SECONDS: '2',
    REDISPATCH_AFTER_SECONDS: '2',
    ...options.env,
  };
  const dataDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'hookflow-topology-'));
    dirs.push(dir);
    return dir;
  };
  const topology: Topology = {
    redis,
    mains: [],
    workers: [],
    env,
    startMain: async (extra = {}) => {
      const main = await startChildServer({ ...env, DATA_DIR: dataDir(), ROLE: 'main', ...extra });
      topology.mains.push(main);
      return main;
    },
    startWorker: async (extra = {}) => {
      const worker = await startChildServer({ ...env, DATA_DIR: dataDir(), ROLE: 'worker', ...extra });
      topology.workers.push(worker);
      return worker;
    },
    close: async () => {
      await Promise.all([...topology.mains, ...topology.workers].map((child) => child.kill('SIGKILL')));
      await redis.stop();
      await store.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    // One main first: it runs the migrations; the others start on the migrated store.
    await topology.startMain();
    for (let i = 1; i < options.mains; i += 1) await topology.startMain();
    await Promise.all(Array.from({ length: options.workers }, () => topology.startWorker()));
  } catch (err) {
    await topology.close();
    throw err;
  }
  return topology;
}
