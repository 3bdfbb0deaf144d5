// Templates that read a node which does not run before theirs, found once per compiled version, so
// that running such a stored version fails that step with the reason rather than rendering "".
import { brokenReferences, describeBrokenReference, type FlowDocument, type StepError } from '@hookflow/flow-model';

export interface BrokenNodeReference {
  /** Top-level param holding the template. */
  param: string;
  /** Dotted path inside params. */
  path: string;
  message: string;
}

/** The first broken reference of each node that has one, by node id. */
export function brokenReferencesByNode(document: FlowDocument, rawParamsOf?: (nodeId: string) => readonly string[] | undefined): Map<string, BrokenNodeReference> {
  const byNode = new Map<string, BrokenNodeReference>();
  for (const reference of brokenReferences(document, rawParamsOf)) {
    if (byNode.has(reference.holderId)) continue;
    const param = reference.paramPath.split('.')[0];
    byNode.set(reference.holderId, { param, path: reference.paramPath, message: describeBrokenReference(reference) });
  }
  return byNode;
}

export function brokenReferenceError(reference: BrokenNodeReference): StepError {
  return { message: `param "${reference.path}": ${reference.message}`, kind: 'template', param: reference.param, retryable: false };
}
