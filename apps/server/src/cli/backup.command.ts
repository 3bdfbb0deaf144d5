// `hookflow backup <file> [--force]`: a consistent copy of the SQLite store in DATA_DIR, taken
// while the server runs (sqlite-backup.ts). When the encryption key of stored credentials was
// generated into DATA_DIR, it is copied beside the backup as `<file>.encryption.key`: a store
// restored without its key keeps its flows and history but cannot read its credentials. PostgreSQL
// installations are pointed at pg_dump instead. Restoring is described in docs/operations.md.
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadSettings, SettingsError, type Settings } from '../config/settings';
import { KEY_FILE_NAME } from '../credentials/encryption-key';
import { SQLITE_FILE_NAME } from '../storage/sqlite-file';
import type { CommandIo } from './command-io';
import { backupSqlite, type BackupProgress } from './sqlite-backup';

const USAGE = `Usage: hookflow backup <file> [--force]

Copies the SQLite store (DATA_DIR/${SQLITE_FILE_NAME}) to <file> while the server runs: a consistent
snapshot, checked after the copy. A generated encryption key (DATA_DIR/${KEY_FILE_NAME}) is copied
to <file>.encryption.key. --force replaces existing files. Restore: docs/operations.md#backups.`;

export async function backupCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.problem !== undefined || args.file === undefined) {
    io.stderr.write(`hookflow backup: ${args.problem ?? 'give the file to write the backup to'}\n\n${USAGE}\n`);
    return 2;
  }
  const settings = settingsOf(io);
  if (!settings) return 1;
  const plan = planOf(settings, resolve(args.file), args.force);
  if ('problem' in plan) {
    io.stderr.write(`hookflow backup: ${plan.problem}\n`);
    return 1;
  }
  io.stdout.write(`Backing up ${plan.source} to ${plan.target}\n`);
  const result = await backupSqlite({ source: plan.source, target: plan.target, onProgress: progressPrinter(io) });
  io.stdout.write(`Backup written: ${plan.target} (${megabytes(result.bytes)}, ${result.pages} pages, checked)\n`);
  if (plan.keyTarget) {
    copyFileSync(plan.keyFile, plan.keyTarget);
    chmodSync(plan.keyTarget, 0o600);
    io.stdout.write(
      `Encryption key copied to ${plan.keyTarget}. Restoring needs it too (as DATA_DIR/${KEY_FILE_NAME}), or stored credentials cannot be read; keep it as safe as the backup.\n`,
    );
  } else if (settings.ENCRYPTION_KEY) {
    io.stdout.write('ENCRYPTION_KEY is set in the environment: keep that key with this backup; without it stored credentials cannot be read.\n');
  }
  return 0;
}

interface Args {
  file?: string;
  force: boolean;
  help: boolean;
  problem?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { force: false, help: false };
  for (const arg of argv) {
    if (arg === '--force' || arg === '-f') args.force = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg.startsWith('-')) args.problem = `unknown option ${arg}`;
    else if (args.file === undefined) args.file = arg;
    else args.problem = `one file only (got ${args.file} and ${arg})`;
  }
  return args;
}

/** DATA_DIR and the store, read as the server reads them; a bad setting is said as the server says it. */
function settingsOf(io: CommandIo): Settings | undefined {
  try {
    return loadSettings(io.env);
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    io.stderr.write(`hookflow backup: ${err.message}\n`);
    return undefined;
  }
}

type Plan = { source: string; target: string; keyFile: string; keyTarget?: string } | { problem: string };

function planOf(settings: Settings, target: string, force: boolean): Plan {
  if (settings.DATABASE_URL) {
    const schema = settings.DATABASE_SCHEMA ? ` --schema=${settings.DATABASE_SCHEMA}` : '';
    return {
      problem:
        'this installation keeps its store in PostgreSQL (DATABASE_URL), which `hookflow backup` does not copy. ' +
        `Use PostgreSQL's own tools, e.g. pg_dump --format=custom${schema} --file=hookflow.dump "$DATABASE_URL", and keep ENCRYPTION_KEY with the dump. See docs/operations.md#backups.`,
    };
  }
  const source = join(settings.dataDir, SQLITE_FILE_NAME);
  if (!existsSync(source)) {
    return { problem: `there is no Hookflow store at ${source} (DATA_DIR=${settings.dataDir}). Run the command where the server runs, with the same DATA_DIR.` };
  }
  if (target === source) return { problem: 'the backup must go to another file than the store itself.' };
  if (!existsSync(dirname(target))) return { problem: `the folder ${dirname(target)} does not exist.` };
  const keyFile = join(settings.dataDir, KEY_FILE_NAME);
  const keyTarget = !settings.ENCRYPTION_KEY && existsSync(keyFile) ? `${target}.encryption.key` : undefined;
  const existing = [target, keyTarget].filter((file): file is string => file !== undefined && existsSync(file));
  if (existing.length > 0 && !force) return { problem: `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace.` };
  return { source, target, keyFile, keyTarget };
}

/** A line per tenth of the copy, so a large store shows it is moving. */
function progressPrinter(io: CommandIo): (progress: BackupProgress) => void {
  let shown = 0;
  return ({ totalPages, remainingPages }) => {
    if (totalPages === 0) return;
    const tenth = Math.floor(((totalPages - remainingPages) / totalPages) * 10);
    if (tenth <= shown || tenth >= 10) return;
    shown = tenth;
    io.stdout.write(`  ${tenth * 10}% (${totalPages - remainingPages} of ${totalPages} pages)\n`);
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
