// `hookflow flows apply <dir> [--dry-run] [--prune]`: makes the server's flows what the files say.
// Nothing is sent unless every file passes the checks of `validate` and every name resolves on
// the server. Then, in this order: flows going inactive are deactivated (so a draft may be saved),
// new flows are created (an on-error flow before the flows that name it), changed ones updated,
// flows going active activated, and with --prune keyed flows without a file deleted.
import { createBuiltInRegistry } from '@hookflow/nodes';
import type { FlowDocument } from '@hookflow/flow-model';
import { CliError } from './cli-error';
import type { CommandIo } from './command-io';
import { readFlowDir, type FileIssue, type FlowFileEntry } from './flow-dir';
import { checkFlowFiles, formatIssue } from './flow-file-check';
import { describePlan, planApply, planChangesSomething, type ApplyPlan, type PlannedFlow } from './flow-plan';
import { readReferencesByName } from './flow-references';
import { HookflowApi } from './hookflow-api';

export async function applyFlows({ dir, dryRun, prune, io }: { dir: string; dryRun: boolean; prune: boolean; io: CommandIo }): Promise<number> {
  const { entries, issues } = readFlowDir(dir);
  const checked = [...issues, ...checkFlowFiles(entries, createBuiltInRegistry())];
  if (reportIssues(checked, io)) return refuse(`${dir} has errors; nothing was applied`, io);
  const api = HookflowApi.fromEnv(io.env);
  const serverFlows = await api.allFlows();
  const credentialIds = namesCredentials(entries) ? await credentialIdsByName(api) : new Map<string, string>();
  const plan = planApply({ entries, serverFlows, credentialIds, prune });
  if (reportIssues(plan.errors, io)) return refuse(`the server at ${api.baseUrl} lacks what ${dir} refers to; nothing was applied`, io);
  for (const line of describePlan(plan, dir)) io.stdout.write(`${line}\n`);
  if (!planChangesSomething(plan)) {
    io.stdout.write(`No changes: the server at ${api.baseUrl} matches ${dir}.\n`);
    return 0;
  }
  if (dryRun) {
    io.stdout.write('Dry run: nothing was changed.\n');
    return 0;
  }
  const done = await runPlan(api, plan, serverFlows);
  io.stdout.write(`Applied to ${api.baseUrl}: ${done}.\n`);
  return 0;
}

/** Prints the issues; true when one of them is an error. */
function reportIssues(issues: readonly FileIssue[], io: CommandIo): boolean {
  for (const issue of issues) io.stderr.write(`${formatIssue(issue)}\n`);
  return issues.some((issue) => issue.severity === 'error');
}

function refuse(message: string, io: CommandIo): number {
  io.stderr.write(`hookflow: ${message}\n`);
  return 1;
}

/** Whether any file writes a credential by name (listing credentials needs an owner's key). */
function namesCredentials(entries: readonly FlowFileEntry[]): boolean {
  let named = false;
  const credential = (): string => {
    named = true;
    return 'named';
  };
  for (const entry of entries) readReferencesByName(entry.json, { credential, flow: () => 'any' });
  return named;
}

async function credentialIdsByName(api: HookflowApi): Promise<Map<string, string>> {
  try {
    return new Map((await api.listCredentials()).map((credential) => [credential.name, credential.id]));
  } catch (err) {
    if (err instanceof CliError && err.status === 403) {
      throw new CliError('the flow files name credentials, and only an owner may list credentials: use an owner\'s API key in HOOKFLOW_API_KEY');
    }
    throw err;
  }
}

async function runPlan(api: HookflowApi, plan: ApplyPlan, serverFlows: ReadonlyArray<{ id: string; key: string | null }>): Promise<string> {
  const idByKey = new Map(serverFlows.filter((flow) => flow.key !== null).map((flow) => [flow.key ?? '', flow.id]));
  const counts = { created: 0, updated: 0, activated: 0, deactivated: 0, deleted: 0 };
  const step = stepRunner(() => Object.entries(counts));
  for (const flow of plan.flows.filter((candidate) => candidate.activeChange === 'deactivate' && candidate.server)) {
    await step(`deactivating ${flow.key}`, () => api.setActive(flow.server?.id ?? '', false));
    counts.deactivated += 1;
  }
  const deferred: PlannedFlow[] = [];
  for (const flow of creationOrder(plan.flows.filter((candidate) => candidate.action === 'create'))) {
    const { document, complete } = withErrorFlowId(flow, idByKey);
    if (!complete) deferred.push(flow);
    const created = await step(`creating ${flow.key}`, () => api.createFlow(document));
    idByKey.set(flow.key, created.id);
    counts.created += 1;
  }
  for (const flow of plan.flows.filter((candidate) => candidate.action === 'update')) {
    await step(`updating ${flow.key}`, () => api.updateFlow(flow.server?.id ?? '', withErrorFlowId(flow, idByKey).document));
    counts.updated += 1;
  }
  for (const flow of deferred) {
    await step(`setting the on-error flow of ${flow.key}`, () => api.updateFlow(idByKey.get(flow.key) ?? '', withErrorFlowId(flow, idByKey).document));
  }
  for (const flow of plan.flows.filter((candidate) => candidate.activeChange === 'activate')) {
    await step(`activating ${flow.key}`, () => api.setActive(idByKey.get(flow.key) ?? '', true));
    counts.activated += 1;
  }
  for (const gone of plan.deletes) {
    await step(`deleting ${gone.key}`, () => api.deleteFlow(gone.id));
    counts.deleted += 1;
  }
  return summary(counts);
}

/** Runs one call; a failure says which step failed and what was already done. */
function stepRunner(doneSoFar: () => Array<[string, number]>) {
  return async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const done = summary(Object.fromEntries(doneSoFar()));
      throw new CliError(`apply stopped while ${what}: ${reason}\n(done before that: ${done}; run apply again once fixed)`);
    }
  };
}

/** New flows, each after the new on-error flow it names (a cycle is closed by a later update). */
function creationOrder(creates: PlannedFlow[]): PlannedFlow[] {
  const byKey = new Map(creates.map((flow) => [flow.key, flow]));
  const ordered: PlannedFlow[] = [];
  const seen = new Set<string>();
  const visit = (flow: PlannedFlow): void => {
    if (seen.has(flow.key)) return;
    seen.add(flow.key);
    const target = flow.pendingErrorFlowKey === undefined ? undefined : byKey.get(flow.pendingErrorFlowKey);
    if (target) visit(target);
    ordered.push(flow);
  };
  creates.forEach(visit);
  return ordered;
}

/** The document with the id of an on-error flow made by this apply; without it while that flow does not exist yet. */
function withErrorFlowId(flow: PlannedFlow, idByKey: ReadonlyMap<string, string>): { document: FlowDocument; complete: boolean } {
  if (flow.pendingErrorFlowKey === undefined) return { document: flow.document, complete: true };
  const id = idByKey.get(flow.pendingErrorFlowKey);
  const { onErrorFlowId: _pending, ...otherSettings } = flow.document.settings ?? {};
  const settings = id === undefined ? otherSettings : { ...otherSettings, onErrorFlowId: id };
  return { document: { ...flow.document, settings }, complete: id !== undefined };
}

function summary(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
