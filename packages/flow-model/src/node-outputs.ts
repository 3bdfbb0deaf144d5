// A node's output handles: its type's fixed ones, plus, for a type whose outputs are named by its
// params (a switch's rules), one per name, plus "error" when its failures are routed. The engine,
// validation and the canvas all ask this one function, so they never disagree about a handle.
import { ERROR_HANDLE, type OnErrorMode } from './flow-document';

/** Outputs named by a list param: one output per item, named by the item's `key` field. */
export interface NamedOutputs {
  /** The top-level param holding the list (a switch's "rules"). */
  param: string;
  /** The field of each item that names its output ("output"). */
  key: string;
}

export interface OutputSpec {
  /** The type's fixed outputs; they come after the named ones. */
  outputs: readonly string[];
  namedOutputs?: NamedOutputs;
}

/** Named outputs first (in list order, each name once), then the fixed ones, then "error" when routed. */
export function nodeOutputs(spec: OutputSpec, node: { params: Record<string, unknown>; onError?: OnErrorMode }): string[] {
  const names = spec.namedOutputs ? outputNames(node.params, spec.namedOutputs) : [];
  const outputs = [...names, ...spec.outputs.filter((output) => !names.includes(output))];
  return node.onError === 'route' && !outputs.includes(ERROR_HANDLE) ? [...outputs, ERROR_HANDLE] : outputs;
}

/** The names a list param gives its outputs, trimmed, without blanks or repeats. */
export function outputNames(params: Record<string, unknown>, named: NamedOutputs): string[] {
  const list = params[named.param];
  if (!Array.isArray(list)) return [];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[named.key] : undefined;
    if (typeof name !== 'string') continue;
    const trimmed = name.trim();
    if (trimmed !== '' && !names.includes(trimmed)) names.push(trimmed);
  }
  return names;
}
