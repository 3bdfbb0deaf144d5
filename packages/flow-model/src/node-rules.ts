// Validation rules about each node on its own: unique id, known type and version, params the node
// type accepts, and templates that compile.
import type { FlowNode } from './flow-document';
import { nodeLabel, topLevelParam } from './flow-labels';
import type { NodeCatalog, NodeTypeDescriptor } from './node-catalog';
import { paramLabel, paramSentence } from './param-labels';
import { cachedTemplate, isTemplate } from './template';
import { MAX_TEMPLATE_DEPTH } from './template-deep';
import { TemplateError } from './template-error';
import type { ValidationIssue } from './validation-error';
import { forEachString } from './walk-strings';

export interface IndexedNode {
  /** Position in the document's nodes array. */
  index: number;
  node: FlowNode;
}

export interface NodeRulesResult {
  issues: ValidationIssue[];
  /** The node type of each node whose type and version are known, by node id (first node with that id). */
  descriptors: Map<string, NodeTypeDescriptor>;
}

export function nodeIssues(nodes: readonly IndexedNode[], catalog: NodeCatalog): NodeRulesResult {
  const issues: ValidationIssue[] = [];
  const descriptors = new Map<string, NodeTypeDescriptor>();
  const firstIndex = new Map<string, number>();
  for (const item of nodes) {
    const { index, node } = item;
    const earlier = firstIndex.get(node.id);
    if (earlier === undefined) firstIndex.set(node.id, index);
    else issues.push(issue(item, 'id', `another node (#${earlier + 1}) already uses the id "${node.id}"; node ids must be unique`));
    const descriptor = describe(item, catalog, issues);
    if (descriptor && earlier === undefined) descriptors.set(node.id, descriptor);
    if (descriptor) issues.push(...paramIssues(item, descriptor));
    if (descriptor?.trigger && node.onError !== undefined && node.onError !== 'stop') {
      issues.push(issue(item, 'onError', `a trigger has no "On error": an event it refuses is answered with a 4xx and never runs`));
    }
    issues.push(...templateIssues(item, descriptor));
  }
  return { issues, descriptors };
}

function describe(item: IndexedNode, catalog: NodeCatalog, issues: ValidationIssue[]): NodeTypeDescriptor | undefined {
  const { type, typeVersion } = item.node;
  const versions = catalog.versions(type);
  if (versions.length === 0) {
    issues.push(issue(item, 'type', `unknown node type "${type}"`));
    return undefined;
  }
  const descriptor = catalog.find(type, typeVersion);
  if (!descriptor) {
    const known = versions.length === 1 ? `version ${versions[0]}` : `versions ${versions.join(', ')}`;
    issues.push(issue(item, 'typeVersion', `version ${typeVersion} of node type "${type}" does not exist (node type "${type}" has ${known})`));
  }
  return descriptor;
}

function paramIssues(item: IndexedNode, descriptor: NodeTypeDescriptor): ValidationIssue[] {
  return checkParams(descriptor, item.node.params).map(({ path, message, param }) =>
    path === ''
      ? { ...issue(item, 'params', `params: ${message}`), ...(param === undefined ? {} : { param }) }
      : paramIssue({ item, paramPath: path, message, paramsSchema: descriptor.paramsSchema }),
  );
}

function checkParams(descriptor: NodeTypeDescriptor, params: Record<string, unknown>): ValidationIssue[] {
  try {
    return descriptor.checkParams(params);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ path: '', message: `could not be checked (${reason})` }];
  }
}

function templateIssues(item: IndexedNode, descriptor: NodeTypeDescriptor | undefined): ValidationIssue[] {
  const paramsSchema = descriptor?.paramsSchema;
  const issues: ValidationIssue[] = [];
  forEachString({
    value: item.node.params,
    maxDepth: MAX_TEMPLATE_DEPTH,
    visit: (text, path) => {
      if (!isTemplate(text) || isRawParam(descriptor, path)) return;
      try {
        cachedTemplate(text);
      } catch (error) {
        const reason = error instanceof TemplateError ? error.message : String(error);
        issues.push(paramIssue({ item, paramPath: path, message: `template does not compile: ${reason}`, paramsSchema }));
      }
    },
    tooDeep: (path) => issues.push(paramIssue({ item, paramPath: path, message: `is nested more than ${MAX_TEMPLATE_DEPTH} levels deep`, paramsSchema })),
  });
  return issues;
}

/** True for a path inside a param the node type never renders (a code node's code). */
export function isRawParam(descriptor: Pick<NodeTypeDescriptor, 'rawParams'> | undefined, paramPath: string): boolean {
  const raw = descriptor?.rawParams;
  return raw !== undefined && raw.length > 0 && raw.includes(paramPath.split('.')[0]);
}

/** `Node "shape" (Shape order): Fields is required`: the param named as the node's form names it. */
export function paramIssue({ item, paramPath, message, paramsSchema }: { item: IndexedNode; paramPath: string; message: string; paramsSchema?: unknown }): ValidationIssue {
  return {
    path: `nodes.${item.index}.params.${paramPath}`,
    message: `${nodeLabel(item.node)}: ${paramSentence(paramLabel(paramsSchema, paramPath), message)}`,
    nodeId: item.node.id,
    param: topLevelParam(paramPath),
  };
}

function issue(item: IndexedNode, field: string, message: string): ValidationIssue {
  return { path: `nodes.${item.index}.${field}`, message: `${nodeLabel(item.node)}: ${message}`, nodeId: item.node.id };
}
