// Reads a directory of flow files (`*.json` at its top level) and checks what makes them flow
// files rather than flow documents: valid JSON, a key that is the file's name and unique across
// the directory, `active` said out loud, no unknown top-level field (a typo such as "activ" would
// otherwise be dropped without a word).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FLOW_KEY_PATTERN } from '@hookflow/flow-model';
import { CliError } from './cli-error';
import { FLOW_FILE_FIELDS, flowFileName } from './flow-file';
import { isRecord } from './is-record';

export interface FlowFileEntry {
  /** The file's name in the directory, e.g. "orders-to-slack.json". */
  file: string;
  key: string;
  active: boolean;
  /** The file's JSON as written (references by name). */
  json: Record<string, unknown>;
}

export interface FileIssue {
  file: string;
  severity: 'error' | 'warning';
  nodeId?: string;
  /** Dotted path: "key", "settings.onErrorFlowId", or a node's "params.auth.credentialId". */
  path: string;
  message: string;
}

export function readFlowDir(dir: string): { entries: FlowFileEntry[]; issues: FileIssue[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir} is not a directory`);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new CliError(`${dir} holds no flow files (*.json)`);
  const entries: FlowFileEntry[] = [];
  const issues: FileIssue[] = [];
  const fileOfKey = new Map<string, string>();
  for (const file of files) {
    const entry = readEntry({ dir, file, issues });
    if (!entry) continue;
    const earlier = fileOfKey.get(entry.key);
    if (earlier !== undefined) {
      issues.push(error(file, 'key', `the key "${entry.key}" is also the key of ${earlier}; keys are unique`));
      continue;
    }
    fileOfKey.set(entry.key, file);
    entries.push(entry);
  }
  return { entries, issues };
}

function readEntry({ dir, file, issues }: { dir: string; file: string; issues: FileIssue[] }): FlowFileEntry | undefined {
  let json: unknown;
  try {
    // An editor may have saved the file with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    issues.push(error(file, '', `not valid JSON: ${err instanceof Error ? err.message : String(err)}`));
    return undefined;
  }
  if (!isRecord(json)) {
    issues.push(error(file, '', 'a flow file holds one JSON object'));
    return undefined;
  }
  const known: readonly string[] = FLOW_FILE_FIELDS;
  for (const field of Object.keys(json).filter((name) => !known.includes(name))) {
    issues.push(error(file, field, `unknown field "${field}" (a flow file has ${FLOW_FILE_FIELDS.join(', ')})`));
  }
  const { key, active } = json;
  const keyValid = typeof key === 'string' && FLOW_KEY_PATTERN.test(key);
  if (!keyValid) issues.push(error(file, 'key', 'needs a key: 1-63 lower-case letters, digits or "-", starting with a letter or digit'));
  else if (flowFileName(key) !== file) issues.push(error(file, 'key', `the file is named ${file} but its key is "${key}"; name it ${flowFileName(key)}`));
  if (typeof active !== 'boolean') issues.push(error(file, 'active', 'needs "active": true or false'));
  // A misnamed file is still checked through, so one run reports all its problems.
  return keyValid && typeof key === 'string' && typeof active === 'boolean' ? { file, key, active, json } : undefined;
}

function error(file: string, path: string, message: string): FileIssue {
  return { file, severity: 'error', path, message };
}
