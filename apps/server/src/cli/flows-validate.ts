// `hookflow flows validate <dir>`: checks flow files offline, as the server would on apply, and
// exits non-zero when one would be refused. Fit for a pull-request check: it needs no server.
import { createBuiltInRegistry } from '@hookflow/nodes';
import type { CommandIo } from './command-io';
import { readFlowDir } from './flow-dir';
import { checkFlowFiles, formatIssue } from './flow-file-check';

export function validateFlows({ dir, io }: { dir: string; io: CommandIo }): number {
  const { entries, issues } = readFlowDir(dir);
  const all = [...issues, ...checkFlowFiles(entries, createBuiltInRegistry())];
  for (const issue of all) io.stderr.write(`${formatIssue(issue)}\n`);
  const errors = all.filter((issue) => issue.severity === 'error');
  const files = new Set(errors.map((issue) => issue.file));
  if (errors.length > 0) {
    io.stderr.write(`hookflow: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${files.size} of the files in ${dir}\n`);
    return 1;
  }
  const warnings = all.length - errors.length;
  io.stdout.write(`${entries.length} flow file${entries.length === 1 ? '' : 's'} in ${dir} valid${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.\n`);
  return 0;
}
