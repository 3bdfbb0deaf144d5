// Runs the built server (apps/server/dist/main.js) as a real child process, for crash tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { signInTestOwner, withTestOwner } from './sign-in';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Every line the child wrote to stdout (its JSON logs). */
  logs: string[];
  kill(signal: NodeJS.Signals): Promise<void>;
}

const mainJs = resolve(import.meta.dirname, '../../dist/main.js');

/** Starts the child with the test owner (unless env names another or none) and signs it in for call(). */
export async function startChildServer(givenEnv: Record<string, string>, timeoutMs = 20_000): Promise<ChildServer> {
  const env = withTestOwner(givenEnv);
  const server = await spawnServer(env, timeoutMs);
  // A worker serves no API to sign in to.
  if (env.ROLE === 'worker') return server;
  try {
    await signInTestOwner(server.url, env);
  } catch (err) {
    await server.kill('SIGKILL');
    throw err;
  }
  return server;
}

function spawnServer(env: Record<string, string>, timeoutMs: number): Promise<ChildServer> {
  const child = spawn(process.execPath, [mainJs], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('child has no stdout');
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time: ${stderr}`));
    }, timeoutMs);
    const onEarlyExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    };
    child.once('exit', onEarlyExit);
    const logs: string[] = [];
    const lines = createInterface({ input: stdout });
    lines.on('line', (line) => {
      logs.push(line);
      const match = /"port":(\d+)/.exec(line);
      if (!match || !line.includes('listening')) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      resolvePromise({
        url: `http://127.0.0.1:${match[1]}`,
        process: child,
        logs,
        kill: async (signal) => {
          child.kill(signal);
          await exited;
        },
      });
    });
  });
}
