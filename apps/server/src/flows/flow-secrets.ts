// Secrets typed into node params (a Slack token, a webhook's signing secret) are stored with the
// flow but never answered back: every string at a param the node type marks writeOnly becomes
// "[redacted]". When the editor saves such a document back, each "[redacted]" is replaced by the
// value stored at the same place, so reading and saving a flow never loses its secrets. A
// template's `<<placeholder>>` is no secret: it is answered as is, so the editor can show it and
// flag it as something to fill in.
import { REDACTED, type NodeRegistry, type NodeType } from '@hookflow/engine';
import { findPlaceholder, paramsJsonSchema, type FlowDocument } from '@hookflow/flow-model';

const schemas = new WeakMap<NodeType<unknown>, unknown>();

export function redactFlowSecrets(document: FlowDocument, registry: NodeRegistry): FlowDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      const nodeType = registry.get(node.type, node.typeVersion ?? 1);
      if (!nodeType) return node;
      const redacted = redactAt(node.params, schemaOf(nodeType));
      return isRecord(redacted) ? { ...node, params: redacted } : node;
    }),
  };
}

/** `incoming` with each "[redacted]" replaced by the stored value at the same node (by id) and path. */
export function keepStoredSecrets(incoming: unknown, stored: FlowDocument): unknown {
  if (!isRecord(incoming) || !Array.isArray(incoming.nodes)) return incoming;
  const storedNodes = new Map(stored.nodes.map((node) => [node.id, node]));
  const nodes = incoming.nodes.map((node: unknown) => {
    if (!isRecord(node) || typeof node.id !== 'string') return node;
    const before = storedNodes.get(node.id);
    if (!before || before.type !== node.type) return node;
    return { ...node, params: restoreAt(node.params, before.params) };
  });
  return { ...incoming, nodes };
}

function schemaOf(nodeType: NodeType<unknown>): unknown {
  let schema = schemas.get(nodeType);
  if (schema === undefined) {
    schema = paramsJsonSchema(nodeType.params);
    schemas.set(nodeType, schema);
  }
  return schema;
}

function redactAt(value: unknown, schema: unknown): unknown {
  if (!isRecord(schema)) return value;
  // A value that is only a placeholder (<<your Slack webhook URL>>) is no secret: it is shown, to be filled in.
  if (typeof value === 'string') return value !== '' && isSecret(schema) && findPlaceholder(value) !== value.trim() ? REDACTED : value;
  if (Array.isArray(value)) return isRecord(schema.items) ? value.map((item) => redactAt(item, schema.items)) : value;
  if (!isRecord(value)) return value;
  const properties = propertiesOf(schema);
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, redactAt(child, properties.get(key))]));
}

/** writeOnly on the schema itself or on its text form (a secret that may also be a credential reference). */
function isSecret(schema: Record<string, unknown>): boolean {
  if (schema.writeOnly === true) return true;
  return alternativesOf(schema).some((alternative) => isRecord(alternative) && alternative.writeOnly === true && alternative.type === 'string');
}

/** Properties of an object schema, including those of its object alternatives (anyOf/oneOf). */
function propertiesOf(schema: Record<string, unknown>): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const candidate of [schema, ...alternativesOf(schema)]) {
    if (!isRecord(candidate) || !isRecord(candidate.properties)) continue;
    for (const [key, child] of Object.entries(candidate.properties)) if (!found.has(key)) found.set(key, child);
  }
  return found;
}

function alternativesOf(schema: Record<string, unknown>): unknown[] {
  return [...(Array.isArray(schema.anyOf) ? schema.anyOf : []), ...(Array.isArray(schema.oneOf) ? schema.oneOf : [])];
}

function restoreAt(incoming: unknown, stored: unknown): unknown {
  if (incoming === REDACTED) return typeof stored === 'string' ? stored : incoming;
  if (Array.isArray(incoming)) return incoming.map((item, index) => restoreAt(item, Array.isArray(stored) ? stored[index] : undefined));
  if (!isRecord(incoming)) return incoming;
  const before = isRecord(stored) ? stored : {};
  return Object.fromEntries(Object.entries(incoming).map(([key, child]) => [key, restoreAt(child, before[key])]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
