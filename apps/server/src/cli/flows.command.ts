// `hookflow flows export|validate|apply`: flows as code. Parses the arguments and runs the
// subcommand; a CliError becomes one line on stderr and exit code 1, a usage mistake exit code 2.
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import type { CommandIo } from './command-io';
import { applyFlows } from './flows-apply';
import { exportFlows } from './flows-export';
import { validateFlows } from './flows-validate';

const USAGE = `Usage:
  hookflow flows export <dir>                      write every flow as <dir>/<key>.json
  hookflow flows validate <dir>                    check flow files offline, as the server would
  hookflow flows apply <dir> [--dry-run] [--prune] create, update, (de)activate flows by key;
                                                   --dry-run only prints the changes,
                                                   --prune also deletes keyed flows without a file

export and apply talk to HOOKFLOW_URL with the API key in HOOKFLOW_API_KEY.`;

export async function flowsCommand(argv: string[], io: CommandIo): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined || subcommand === 'help' || subcommand === '--help' || subcommand === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return subcommand === undefined ? 2 : 0;
  }
  let args: { dir: string; dryRun: boolean; prune: boolean };
  try {
    args = parseDirArgs(rest, subcommand === 'apply');
  } catch (err) {
    io.stderr.write(`hookflow flows ${subcommand}: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    if (subcommand === 'export') return await exportFlows({ dir: args.dir, io });
    if (subcommand === 'validate') return validateFlows({ dir: args.dir, io });
    if (subcommand === 'apply') return await applyFlows({ ...args, io });
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    io.stderr.write(`hookflow: ${err.message}\n`);
    return 1;
  }
  io.stderr.write(`hookflow flows: unknown command "${subcommand}"\n\n${USAGE}\n`);
  return 2;
}

function parseDirArgs(argv: string[], withApplyFlags: boolean): { dir: string; dryRun: boolean; prune: boolean } {
  const { values, positionals } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' }, prune: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (!withApplyFlags && (values['dry-run'] || values.prune)) throw new Error('--dry-run and --prune are options of apply');
  if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'name the directory of flow files' : `one directory only, not ${positionals.join(' ')}`);
  return { dir: positionals[0], dryRun: values['dry-run'] === true, prune: values.prune === true };
}
