// `hookflow flows export <dir>`: writes every flow on the server as `<dir>/<key>.json`. A flow
// without a key gets one made from its name, and that key is saved on the server too (a new
// version of the flow), so a later apply of these files updates the same flows instead of making
// copies. Credentials are written by name, the on-error flow by key; no credential data is read.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error';
import type { CommandIo } from './command-io';
import { formatIssue } from './flow-file-check';
import { flowFileName, flowFileText } from './flow-file';
import { keyFromName } from './flow-key-names';
import { redactedPaths, writeReferencesByName } from './flow-references';
import { HookflowApi, type ServerFlowWithName } from './hookflow-api';

export async function exportFlows({ dir, io }: { dir: string; io: CommandIo }): Promise<number> {
  const api = HookflowApi.fromEnv(io.env);
  const flows = await withKeys(api, await api.allFlows(), io);
  const keyById = new Map(flows.map((flow) => [flow.id, flow.key]));
  const credentialNames = flows.some(usesCredentials) ? await credentialNamesById(api) : new Map<string, string>();
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const flow of flows) {
    const file = flowFileName(flow.key);
    const { document, warnings } = writeReferencesByName(flow.document, { credential: (id) => credentialNames.get(id), flow: (id) => keyById.get(id) });
    for (const warning of warnings) io.stderr.write(`${formatIssue({ file, severity: 'warning', ...warning })}\n`);
    for (const secret of redactedPaths(flow.document)) {
      const message = 'a secret typed into the flow is written as "[redacted]"; move it to a credential so other servers can have it';
      io.stderr.write(`${formatIssue({ file, severity: 'warning', nodeId: secret.nodeId, path: secret.path, message })}\n`);
    }
    const text = flowFileText({ key: flow.key, active: flow.active, document });
    const path = join(dir, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written += 1;
  }
  const exported = new Set(flows.map((flow) => flowFileName(flow.key)));
  for (const stale of readdirSync(dir).filter((name) => name.endsWith('.json') && !exported.has(name))) {
    io.stderr.write(`warning: ${stale}: no flow on the server has this key; delete the file if that flow is gone\n`);
  }
  io.stdout.write(`Exported ${flows.length} flow${flows.length === 1 ? '' : 's'} from ${api.baseUrl} to ${dir} (${written} file${written === 1 ? '' : 's'} written, ${flows.length - written} unchanged).\n`);
  return 0;
}

/** Every flow with a key: flows without one get a key from their name, saved on the server. */
async function withKeys(api: HookflowApi, flows: ServerFlowWithName[], io: CommandIo): Promise<Array<ServerFlowWithName & { key: string }>> {
  const taken = new Set(flows.flatMap((flow) => (flow.key === null ? [] : [flow.key])));
  const keyed: Array<ServerFlowWithName & { key: string }> = [];
  for (const flow of flows) {
    if (flow.key !== null) {
      keyed.push({ ...flow, key: flow.key });
      continue;
    }
    const key = keyFromName(flow.name, taken);
    taken.add(key);
    try {
      const saved = await api.updateFlow(flow.id, { ...flow.document, key });
      keyed.push({ ...saved, name: flow.name, key });
    } catch (err) {
      throw new CliError(`could not save the key "${key}" on the flow "${flow.name}" (${flow.id}): ${err instanceof Error ? err.message : String(err)}`);
    }
    io.stdout.write(`key "${key}" saved on the flow "${flow.name}"\n`);
  }
  return keyed;
}

function usesCredentials(flow: ServerFlowWithName): boolean {
  return JSON.stringify(flow.document.nodes).includes('"credentialId":"');
}

async function credentialNamesById(api: HookflowApi): Promise<Map<string, string>> {
  try {
    return new Map((await api.listCredentials()).map((credential) => [credential.id, credential.name]));
  } catch (err) {
    if (err instanceof CliError && err.status === 403) {
      throw new CliError('flows use credentials, and only an owner may list their names: use an owner\'s API key in HOOKFLOW_API_KEY');
    }
    throw err;
  }
}
