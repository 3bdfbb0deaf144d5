// One shape for every validation problem, so the API answers 400 { errors: [{ path, message }] }
// and the editor can pin each error on the node it names.
export interface ValidationIssue {
  /** Dotted path into the flow document, e.g. "nodes.2.params.url" or "edges.0.target". */
  path: string;
  message: string;
  /** The node the issue belongs to, when there is one. */
  nodeId?: string;
  /** The param the issue is about, when there is one (top-level key of params). */
  param?: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };
