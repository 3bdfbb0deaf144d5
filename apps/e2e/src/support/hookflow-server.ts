// The real, built Hookflow server (apps/server/dist/main.js) as a child process on loopback, with
// its own store: a temp SQLite folder, or, when DATABASE_URL is set (CI's PostgreSQL run), a fresh
// schema that is dropped afterwards. It serves the built editor (apps/editor/dist) at `/`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface HookflowServer {
  /** http://127.0.0.1:<port>, also the base of the trigger and test URLs the editor shows. */
  url: string;
  /** The server's last log lines, for failure messages. */
  logs(): string;
  close(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../../../..');
const mainJs = join(root, 'apps/server/dist/main.js');
const editorDir = join(root, 'apps/editor/dist');
const START_TIMEOUT_MS = 30_000;
const LOG_LINES_KEPT = 200;

export async function startHookflow(): Promise<HookflowServer> {
  const missing = [mainJs, join(editorDir, 'index.html')].filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`${missing.join(' and ')} missing: build first (npx nx run-many -t build -p server editor).`);
  const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-e2e-'));
  const store = await storeEnv();
  try {
    const child = await startChild({ DATA_DIR: dataDir, EDITOR_DIR: editorDir, ...store.env });
    return {
      url: child.url,
      logs: child.logs,
      close: async () => {
        await child.stop();
        rmSync(dataDir, { recursive: true, force: true });
        await store.drop();
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    await store.drop();
    throw error;
  }
}

interface Child {
  url: string;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Trigger and test URLs are built from PUBLIC_URL (with PORT=0 the server would advertise
 * http://localhost:0), so the port is picked here first; a port taken in between is retried.
 */
async function startChild(env: Record<string, string>): Promise<Child> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    try {
      return await spawnServer({ ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    } catch (error) {
      lastError = error;
      if (!/EADDRINUSE/.test(String(error))) throw error;
    }
  }
  throw lastError;
}

function spawnServer(env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [mainJs], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > LOG_LINES_KEPT) lines.shift();
  };
  // Both pipes are read for the whole life of the process, so a chatty server never blocks.
  const stdout = createInterface({ input: child.stdout });
  createInterface({ input: child.stderr }).on('line', keep);
  // Never outlive the test process, even when a hook times out before close() is reached.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      done();
    }),
  );
  const logs = () => lines.join('\n');

  return new Promise<Child>((resolveChild, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${logs()}`));
    }, START_TIMEOUT_MS);
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening:\n${logs()}`));
    };
    child.once('exit', onEarlyExit);
    stdout.on('line', (line) => {
      keep(line);
      const match = /"port":(\d+)/.exec(line);
      if (!match || !line.includes('listening')) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      const store = env.DATABASE_URL ? 'postgres' : 'sqlite';
      if (!line.includes(`"store":"${store}"`)) {
        child.kill('SIGKILL');
        reject(new Error(`the server should use ${store}: ${line}`));
        return;
      }
      resolveChild({ url: `http://127.0.0.1:${match[1]}`, logs, stop: () => stopChild(child, exited) });
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Nothing for SQLite; on PostgreSQL a schema of its own (as apps/server/test/support does). */
async function storeEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return { env: {}, drop: async () => undefined };
  const schema = `hf_e2e_${randomBytes(6).toString('hex')}`;
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
