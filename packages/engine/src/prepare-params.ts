// A node's params as its run gets them: every template rendered against the run so far, then
// validated with the node type's schema. A template that fails or a param the schema refuses is the
// step's error, naming the param. Shared by runFlow and runNode.
import { TemplateError } from '@hookflow/flow-model';
import type { RenderOptions, StepError, TemplateContext } from '@hookflow/flow-model';
import { brokenReferenceError } from './broken-references';
import type { CompiledNode } from './compile-flow';
import { formatParamIssue, toParamIssue } from './param-issues';
import { toStepError } from './step-error';

export type PreparedParams = { ok: true; input: Record<string, unknown>; params: unknown } | { ok: false; input: Record<string, unknown>; error: StepError };

export function prepareParams(node: CompiledNode, data: TemplateContext, renderOptions: RenderOptions): PreparedParams {
  const input: Record<string, unknown> = {};
  if (node.brokenReference) return { ok: false, input, error: brokenReferenceError(node.brokenReference) };
  for (const param of node.params) {
    try {
      input[param.key] = param.render(data, renderOptions);
    } catch (err) {
      const { error } = toStepError(err);
      const path = err instanceof TemplateError && err.path ? `${param.key}.${err.path}` : param.key;
      return { ok: false, input, error: { ...error, kind: 'template', param: param.key, message: `param "${path}": ${error.message}` } };
    }
  }
  const parsed = node.nodeType.params.safeParse(input);
  if (parsed.success) return { ok: true, input, params: parsed.data };
  const issues = parsed.error.issues.map((issue) => toParamIssue(issue, input));
  const error: StepError = { message: formatParamIssue(issues[0]), kind: 'config', retryable: false };
  if (issues[0].param !== undefined) error.param = issues[0].param;
  if (issues.length > 1) error.details = { issues };
  return { ok: false, input, error };
}
