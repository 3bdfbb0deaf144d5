// A redis-server of a test's own, on a spare loopback port and keeping nothing on disk, for tests
// that stop, restart or flush Redis (never the machine's shared one).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface OwnRedis {
  url: string;
  port: number;
  /** Kills the server (SIGKILL): everything in it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  flushAll(): Promise<void>;
  /** Total commands the server has processed (INFO stats). */
  commandsProcessed(): Promise<number>;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await sparePort();
  let child = await launch(port);
  const url = `redis://127.0.0.1:${port}`;
  const withClient = async <T>(work: (client: Redis) => Promise<T>): Promise<T> => {
    const client = new Redis(url, { maxRetriesPerRequest: 2 });
    try {
      return await work(client);
    } finally {
      client.disconnect();
    }
  };
  return {
    url,
    port,
    kill: () => stopChild(child),
    restart: async () => {
      child = await launch(port);
    },
    flushAll: () => withClient(async (client) => void (await client.flushall())),
    commandsProcessed: () => withClient(async (client) => Number(/total_commands_processed:(\d+)/.exec(await client.info('stats'))?.[1] ?? 0)),
    stop: () => stopChild(child),
  };
}

export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let attempts = 0;
    const probe = (): void => {
      attempts += 1;
      const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      client
        .connect()
        .then(() => client.ping())
        .then(() => {
          client.disconnect();
          resolve(child);
        })
        .catch(() => {
          client.disconnect();
          if (attempts >= 100 || child.exitCode !== null) reject(new Error(`redis-server did not start on port ${port}`));
          else setTimeout(probe, 50);
        });
    };
    probe();
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
