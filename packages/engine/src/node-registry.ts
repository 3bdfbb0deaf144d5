// The one list of node types the engine can run. It answers flow validation (as a NodeCatalog)
// and the editor (describe(), served as GET /api/node-types). Registering is explicit: no scanning.
import { paramsJsonSchema } from '@hookflow/flow-model';
import type { NodeCatalog, NodeTypeDescriptor, NodeTypeInfo, ValidationIssue } from '@hookflow/flow-model';
import type { NodeType } from './node-type';
import { isUnderTemplate, toParamIssue } from './param-issues';

export class NodeRegistry {
  /** Versions of each type, ascending, in the order types were first registered. */
  private readonly byType = new Map<string, NodeType<unknown>[]>();
  private readonly descriptors = new Map<NodeType<unknown>, NodeTypeDescriptor>();

  register(nodeType: NodeType<unknown>): this {
    assertWellFormed(nodeType);
    const versions = this.byType.get(nodeType.type) ?? [];
    if (versions.some((t) => t.version === nodeType.version)) {
      throw new Error(`node type "${nodeType.type}" version ${nodeType.version} is already registered`);
    }
    versions.push(nodeType);
    versions.sort((a, b) => a.version - b.version);
    this.byType.set(nodeType.type, versions);
    return this;
  }

  get(type: string, version: number): NodeType<unknown> | undefined {
    return this.byType.get(type)?.find((t) => t.version === version);
  }

  latest(type: string): NodeType<unknown> | undefined {
    return this.byType.get(type)?.at(-1);
  }

  /** Every registered type and version, latest version of each type first. */
  list(): NodeType<unknown>[] {
    const all: NodeType<unknown>[] = [];
    for (const versions of this.byType.values()) {
      for (let i = versions.length - 1; i >= 0; i--) all.push(versions[i]);
    }
    return all;
  }

  catalog(): NodeCatalog {
    return {
      find: (type, version) => {
        const nodeType = this.get(type, version);
        return nodeType && this.descriptorOf(nodeType);
      },
      versions: (type) => (this.byType.get(type) ?? []).map((t) => t.version),
    };
  }

  /** What the editor needs to draw and configure each node type, as plain JSON. */
  describe(): NodeTypeInfo[] {
    return this.list().map((t) => ({
      type: t.type,
      version: t.version,
      label: t.label,
      description: t.description,
      category: t.category,
      icon: t.icon,
      trigger: t.trigger ?? false,
      handles: { inputs: [...t.handles.inputs], outputs: [...t.handles.outputs], ...(t.handles.namedOutputs ? { namedOutputs: { ...t.handles.namedOutputs } } : {}) },
      paramsSchema: paramsJsonSchema(t.params),
      ...(t.joins ? { joins: true } : {}),
      ...(t.answers ? { answers: true } : {}),
      ...(t.rawParams?.length ? { rawParams: [...t.rawParams] } : {}),
    }));
  }

  private descriptorOf(nodeType: NodeType<unknown>): NodeTypeDescriptor {
    let descriptor = this.descriptors.get(nodeType);
    if (!descriptor) {
      descriptor = {
        type: nodeType.type,
        version: nodeType.version,
        trigger: nodeType.trigger ?? false,
        outputs: nodeType.handles.outputs,
        ...(nodeType.handles.namedOutputs ? { namedOutputs: nodeType.handles.namedOutputs } : {}),
        joins: nodeType.joins === true,
        answers: nodeType.answers === true,
        checkParams: (params) => checkRawParams(nodeType, params),
        paramsSchema: paramsJsonSchema(nodeType.params),
        rawParams: nodeType.rawParams ?? [],
      };
      this.descriptors.set(nodeType, descriptor);
    }
    return descriptor;
  }
}

/**
 * Validates params before rendering. Issues at or under a string holding a template are left for
 * the check after rendering, when the value's real type is known.
 */
export function checkRawParams(nodeType: NodeType<unknown>, params: Record<string, unknown>): ValidationIssue[] {
  const parsed = nodeType.params.safeParse(params);
  if (parsed.success) return [];
  const issues: ValidationIssue[] = [];
  for (const issue of parsed.error.issues) {
    if (!isUnderTemplate(params, issue.path)) issues.push(toParamIssue(issue, params));
  }
  return issues;
}

function assertWellFormed(nodeType: NodeType<unknown>): void {
  const where = `node type "${nodeType.type}"`;
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/i.test(nodeType.type)) throw new Error(`${where}: type must be a simple name`);
  if (!Number.isInteger(nodeType.version) || nodeType.version < 1) throw new Error(`${where}: version must be an integer >= 1`);
  const outputs = nodeType.handles.outputs;
  if (new Set(outputs).size !== outputs.length) throw new Error(`${where}: output handles must be unique`);
  if (nodeType.trigger && nodeType.handles.inputs.length > 0) throw new Error(`${where}: a trigger has no inputs`);
}
