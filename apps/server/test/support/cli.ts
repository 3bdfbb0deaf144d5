// Runs the `hookflow` command in-process, as a shell would, and keeps what it printed.
import { runCli } from '../../src/cli/hookflow';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runHookflow(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** The environment that points the command at a test server with its owner's API key. */
export function cliEnv(server: { url: string; apiKey?: string }): Record<string, string> {
  if (!server.apiKey) throw new Error('the test server has no API key');
  return { HOOKFLOW_URL: server.url, HOOKFLOW_API_KEY: server.apiKey };
}
