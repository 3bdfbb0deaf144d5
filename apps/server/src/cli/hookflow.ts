// Entry of the `hookflow` command: picks the subcommand and exits with its code. Each command is
// a function of its arguments, environment and output streams, so tests call it in-process.
import { backupCommand } from './backup.command';
import type { CommandIo } from './command-io';
import { flowsCommand } from './flows.command';

const USAGE = `Usage:
  hookflow flows export <dir>                      write every flow as one JSON file, named by its key
  hookflow flows validate <dir>                    check flow files offline, as the server would
  hookflow flows apply <dir> [--dry-run] [--prune] create or update flows by key on the server
  hookflow backup <file>                           consistent copy of the SQLite store, while it runs

flows export and apply talk to HOOKFLOW_URL with HOOKFLOW_API_KEY.
backup reads DATA_DIR (default ./data), as the server does.`;

export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'flows') return flowsCommand(rest, io);
  if (command === 'backup') return backupCommand(rest, io);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  io.stderr.write(`hookflow: unknown command "${command}"\n\n${USAGE}\n`);
  return 2;
}

/** Runs the command line of this process; called by bin/hookflow.js. */
export function runFromProcess(): void {
  runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`hookflow: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
