// What `hookflow flows apply` would do: match each file to the server's flow with the same key,
// resolve references by name to the server's ids, and list the creates, updates, (de)activations
// and, with --prune, deletes. Pure: it reads what the server said and changes nothing.
import { parseFlowDocument, type FlowDocument } from '@hookflow/flow-model';
import { flowChanges } from './flow-diff';
import type { FileIssue, FlowFileEntry } from './flow-dir';
import { errorFlowKeyOf, readReferencesByName, redactedPaths } from './flow-references';
import type { ServerFlow } from './hookflow-api';

/** Stands in for the id of an on-error flow that this apply creates; replaced before sending. */
export const PENDING_FLOW_ID = '00000000-0000-4000-8000-000000000000';

export interface PlannedFlow {
  key: string;
  file: string;
  /** The document to send: the server's ids in place of names (PENDING_FLOW_ID for a flow yet to be made). */
  document: FlowDocument;
  active: boolean;
  /** Key of the on-error flow when this apply creates it. */
  pendingErrorFlowKey?: string;
  /** The server's flow with this key, when there is one. */
  server?: ServerFlow & { name: string };
  action: 'create' | 'update' | 'none';
  /** What differs from the server's flow (update only). */
  changes: string[];
  activeChange?: 'activate' | 'deactivate';
}

export interface ApplyPlan {
  flows: PlannedFlow[];
  /** Keyed flows on the server with no file: deleted with --prune. */
  deletes: Array<{ id: string; key: string; name: string }>;
  /** The same, without --prune: only mentioned. */
  notInDir: Array<{ key: string; name: string }>;
  /** Flows without a key: never touched by apply. */
  unmanaged: string[];
  errors: FileIssue[];
}

export interface PlanInput {
  entries: readonly FlowFileEntry[];
  serverFlows: ReadonlyArray<ServerFlow & { name: string }>;
  credentialIds: ReadonlyMap<string, string>;
  prune: boolean;
}

export function planApply({ entries, serverFlows, credentialIds, prune }: PlanInput): ApplyPlan {
  const serverByKey = new Map(serverFlows.filter((flow) => flow.key !== null).map((flow) => [flow.key ?? '', flow]));
  const fileKeys = new Set(entries.map((entry) => entry.key));
  const errors: FileIssue[] = [];
  const flows: PlannedFlow[] = [];
  for (const entry of entries) {
    const planned = planFlow({ entry, server: serverByKey.get(entry.key), serverByKey, fileKeys, credentialIds, errors });
    if (planned) flows.push(planned);
  }
  const leftOver = serverFlows.filter((flow) => flow.key !== null && !fileKeys.has(flow.key));
  return {
    flows,
    deletes: prune ? leftOver.map((flow) => ({ id: flow.id, key: flow.key ?? '', name: flow.name })) : [],
    notInDir: prune ? [] : leftOver.map((flow) => ({ key: flow.key ?? '', name: flow.name })),
    unmanaged: serverFlows.filter((flow) => flow.key === null).map((flow) => flow.name),
    errors,
  };
}

interface FlowPlanInput {
  entry: FlowFileEntry;
  server: (ServerFlow & { name: string }) | undefined;
  serverByKey: ReadonlyMap<string, ServerFlow>;
  fileKeys: ReadonlySet<string>;
  credentialIds: ReadonlyMap<string, string>;
  errors: FileIssue[];
}

function planFlow({ entry, server, serverByKey, fileKeys, credentialIds, errors }: FlowPlanInput): PlannedFlow | undefined {
  const { file, key, active } = entry;
  const resolved = readReferencesByName(entry.json, {
    credential: (name) => credentialIds.get(name),
    flow: (flowKey) => serverByKey.get(flowKey)?.id ?? (fileKeys.has(flowKey) ? PENDING_FLOW_ID : undefined),
  });
  errors.push(...resolved.errors.map((problem) => fileError(file, problem)));
  const parsed = parseFlowDocument(resolved.document);
  if (!parsed.ok) {
    errors.push(...parsed.errors.map((issue) => fileError(file, { path: issue.path, message: issue.message })));
    return undefined;
  }
  const document = parsed.value;
  const errorFlowKey = errorFlowKeyOf(entry.json);
  const pendingErrorFlowKey = errorFlowKey !== undefined && !serverByKey.has(errorFlowKey) && fileKeys.has(errorFlowKey) ? errorFlowKey : undefined;
  const base = { key, file, document, active, ...(pendingErrorFlowKey === undefined ? {} : { pendingErrorFlowKey }) };
  if (!server) {
    for (const secret of redactedPaths(document)) {
      const message = 'a new flow cannot be made with the secret "[redacted]"; keep it in a credential and write { "name": "<credential>" }';
      errors.push(fileError(file, { nodeId: secret.nodeId, path: secret.path, message }));
    }
    return { ...base, action: 'create', changes: [], ...(active ? { activeChange: 'activate' } : {}) };
  }
  const changes = flowChanges(server.document, document);
  const activeChange: PlannedFlow['activeChange'] = server.active === active ? undefined : active ? 'activate' : 'deactivate';
  return { ...base, server, action: changes.length > 0 ? 'update' : 'none', changes, ...(activeChange ? { activeChange } : {}) };
}

function fileError(file: string, problem: { nodeId?: string; path: string; message: string }): FileIssue {
  return { file, severity: 'error', ...problem };
}

/** The plan as a person reads it in a terminal or a CI log. */
export function describePlan(plan: ApplyPlan, dir: string): string[] {
  const lines: string[] = [];
  for (const flow of plan.flows) {
    if (flow.action === 'create') lines.push(`+ create ${flow.key} (${flow.active ? 'active' : 'inactive'})${sameName(plan, flow)}`);
    if (flow.action === 'update') lines.push(`~ update ${flow.key}: ${shortList(flow.changes)}`);
    if (flow.action !== 'create' && flow.activeChange) lines.push(`~ ${flow.activeChange} ${flow.key}`);
  }
  for (const gone of plan.deletes) lines.push(`- delete ${gone.key} ("${gone.name}")`);
  for (const extra of plan.notInDir) lines.push(`? ${extra.key} ("${extra.name}") is on the server but not in ${dir}; --prune deletes it`);
  const unchanged = plan.flows.filter((flow) => flow.action === 'none' && !flow.activeChange).length;
  if (unchanged > 0) lines.push(`= ${unchanged} unchanged`);
  return lines;
}

export function planChangesSomething(plan: ApplyPlan): boolean {
  return plan.deletes.length > 0 || plan.flows.some((flow) => flow.action !== 'none' || flow.activeChange !== undefined);
}

/** A create next to an unkeyed flow of the same name is most likely a copy of it. */
function sameName(plan: ApplyPlan, flow: PlannedFlow): string {
  return plan.unmanaged.includes(flow.document.name) ? `; the server also has a flow "${flow.document.name}" without a key, which apply leaves alone` : '';
}

function shortList(changes: string[]): string {
  const shown = changes.slice(0, 8).map((change) => (change.endsWith(')') ? change : `${change} changed`));
  return changes.length > shown.length ? `${shown.join(', ')} and ${changes.length - shown.length} more` : shown.join(', ');
}
