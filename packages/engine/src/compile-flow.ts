// Turns a flow document into what runFlow walks: validated once, templates compiled once, the graph
// laid out as arrays of indexes. A CompiledFlow is immutable and reused for every event of a flow
// version, so all per-flow work happens here and none on the hot path.
import { compileDeep, edgeHandle, ERROR_HANDLE, nodeOutputs, outgoingEdges, TemplateError, topologicalOrder, validateFlow } from '@hookflow/flow-model';
import type { FlowDocument, FlowEdge, FlowNode, OnErrorMode, RenderOptions, TemplateContext, ValidationIssue, ValidationResult } from '@hookflow/flow-model';
import { brokenReferencesByNode, type BrokenNodeReference } from './broken-references';
import type { NodeRegistry } from './node-registry';
import type { NodeType } from './node-type';

export function compileFlow({ flow, registry, brokenReferences = 'reject' }: CompileFlowOptions): ValidationResult<CompiledFlow> {
  const catalog = registry.catalog();
  const validated = validateFlow(flow, catalog, { references: brokenReferences === 'reject' });
  if (!validated.ok) return validated;
  const document = validated.value;
  const rawParamsOf = (nodeId: string) => {
    const node = document.nodes.find((candidate) => candidate.id === nodeId);
    return node ? catalog.find(node.type, node.typeVersion)?.rawParams : undefined;
  };
  const broken = brokenReferences === 'fail-step' ? brokenReferencesByNode(document, rawParamsOf) : undefined;

  const issues: ValidationIssue[] = [];
  const order = runOrder(document, registry);
  if (!order.ok) return order;

  const indexOf = new Map<string, number>();
  order.value.forEach((entry, index) => indexOf.set(entry.node.id, index));
  const nodes = order.value.map(({ node, nodeType, position }, index): CompiledNode => {
    const params = compileParams({ node, nodeType, position, issues });
    const outgoing = outgoingEdges(document.edges, node.id);
    const outputs = nodeOutputs(nodeType.handles, node);
    const next = nextByHandle({ outgoing, defaultHandle: outputs[0], indexOf, from: index });
    const onError = node.onError ?? 'stop';
    // Only the error output leaving a node does not make it an end: succeeding there ends the run.
    const onward = onError === 'route' ? outgoing.filter((edge) => edgeHandle(edge, outputs[0]) !== ERROR_HANDLE) : outgoing;
    return {
      id: node.id,
      name: node.name,
      type: node.type,
      nodeType,
      disabled: node.disabled ?? false,
      params,
      outputs,
      next,
      isEnd: onward.length === 0,
      onError,
      joins: nodeType.joins === true,
      ...(broken?.has(node.id) ? { brokenReference: broken.get(node.id) } : {}),
    };
  });
  if (issues.length > 0) return { ok: false, errors: issues };
  return { ok: true, value: { document, nodes } };
}

export interface CompileFlowOptions {
  flow: unknown;
  registry: NodeRegistry;
  /**
   * A template reading a node that does not run before its own (`{{nodes.gone.x}}`): "reject"
   * (default) refuses the flow, as saving and activating do; "fail-step" compiles it and fails that
   * node's step when reached, for stored versions saved before the check existed.
   */
  brokenReferences?: 'reject' | 'fail-step';
}

interface OrderedNode {
  node: FlowNode;
  nodeType: NodeType<unknown>;
  /** Index in document.nodes, for issue paths. */
  position: number;
}

/** The trigger first, then every other node in topological order. */
function runOrder(document: FlowDocument, registry: NodeRegistry): ValidationResult<OrderedNode[]> {
  const ordered: OrderedNode[] = [];
  const errors: ValidationIssue[] = [];
  const byId = new Map(document.nodes.map((node, position) => [node.id, { node, position }]));
  for (const id of topologicalOrder(document.nodes, document.edges)) {
    const found = byId.get(id);
    if (!found) continue;
    const { node, position } = found;
    const nodeType = registry.get(node.type, node.typeVersion);
    if (!nodeType) {
      errors.push({ path: `nodes.${position}.type`, nodeId: node.id, message: `unknown node type "${node.type}" version ${node.typeVersion}` });
      continue;
    }
    const entry = { node, nodeType, position };
    if (nodeType.trigger) ordered.unshift(entry);
    else ordered.push(entry);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (ordered.length === 0 || !ordered[0].nodeType.trigger) {
    return { ok: false, errors: [{ path: 'nodes', message: 'a flow needs a trigger node' }] };
  }
  return { ok: true, value: ordered };
}

function compileParams({ node, nodeType, position, issues }: OrderedNode & { issues: ValidationIssue[] }): CompiledParam[] {
  const raw = new Set(nodeType.rawParams ?? []);
  const compiled: CompiledParam[] = [];
  for (const [key, value] of Object.entries(node.params)) {
    if (raw.has(key)) {
      compiled.push({ key, render: () => value });
      continue;
    }
    // A credential is picked, never computed: a template could name any credential at run time,
    // past the check of who may use which.
    for (const path of templatedCredentialIds({ [key]: value }, '')) {
      issues.push({ path: `nodes.${position}.params.${path}`, nodeId: node.id, param: key, message: 'pick a saved credential here; a credential cannot come from a template' });
    }
    try {
      compiled.push({ key, render: compileDeep(value) });
    } catch (err) {
      const path = err instanceof TemplateError && err.path ? `${key}.${err.path}` : key;
      const message = err instanceof Error ? err.message : String(err);
      issues.push({ path: `nodes.${position}.params.${path}`, nodeId: node.id, param: key, message });
    }
  }
  return compiled;
}

/** Paths (below `at`) of `credentialId` fields whose value is a template. */
function templatedCredentialIds(value: unknown, at: string, depth = 0): string[] {
  if (depth > 32 || typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = at ? `${at}.${key}` : key;
    if (key === 'credentialId' && typeof item === 'string') return item.includes('{{') ? [path] : [];
    return templatedCredentialIds(item, path, depth + 1);
  });
}

/** Output handle → nodes it feeds; an edge without a sourceHandle leaves from the first output. */
function nextByHandle(input: {
  outgoing: FlowEdge[];
  defaultHandle: string | undefined;
  indexOf: Map<string, number>;
  from: number;
}): ReadonlyMap<string, readonly number[]> {
  const { outgoing, defaultHandle, indexOf, from } = input;
  const next = new Map<string, number[]>();
  for (const edge of outgoing) {
    const handle = edgeHandle(edge, defaultHandle);
    const target = indexOf.get(edge.target);
    // Edges back into earlier nodes cannot happen in a validated (acyclic) flow; never follow them.
    if (handle === undefined || target === undefined || target <= from) continue;
    const targets = next.get(handle) ?? [];
    if (!targets.includes(target)) targets.push(target);
    next.set(handle, targets);
  }
  for (const targets of next.values()) targets.sort((a, b) => a - b);
  return next;
}

export interface CompiledFlow {
  readonly document: FlowDocument;
  /** Nodes in run order: the trigger first, then topological order. */
  readonly nodes: readonly CompiledNode[];
}

export interface CompiledNode {
  readonly id: string;
  readonly name?: string;
  readonly type: string;
  readonly nodeType: NodeType<unknown>;
  readonly disabled: boolean;
  /** One renderer per top-level param, so a render error names its param. */
  readonly params: readonly CompiledParam[];
  /** Its outputs (see nodeOutputs): fixed, named by params, "error" when routed; the first is the default. */
  readonly outputs: readonly string[];
  /** Joins branches (merge): gets the outputs of the nodes that led to it as ctx.inputs. */
  readonly joins: boolean;
  /** Output handle → indexes (into CompiledFlow.nodes) of the nodes it feeds. */
  readonly next: ReadonlyMap<string, readonly number[]>;
  /** No outgoing edges (but the error output): reaching it means the event went all the way through. */
  readonly isEnd: boolean;
  /** What a failure of this node does: stop the run, go on with { error }, or go on through "error". */
  readonly onError: OnErrorMode;
  /** Set when compiled with brokenReferences "fail-step": the step fails with this instead of running. */
  readonly brokenReference?: BrokenNodeReference;
}

export interface CompiledParam {
  readonly key: string;
  /** Throws TemplateError; `options.now` is the clock of the `now` and `date` helpers. */
  readonly render: (ctx: TemplateContext, options?: RenderOptions) => unknown;
}
