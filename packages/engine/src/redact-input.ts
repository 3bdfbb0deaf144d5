// Secrets never reach stored step data: the rendered params a step records as its input have the
// node type's secret params, and credential-bearing headers, replaced by "[redacted]".
import type { NodeType } from './node-type';

export const REDACTED = '[redacted]';

/** Header names (lower-case) that carry credentials; shared by every place that redacts headers. */
export const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token']);

export function redactInput(nodeType: Pick<NodeType, 'secretParams'>, input: Record<string, unknown>): Record<string, unknown> {
  const secretKeys = nodeType.secretParams ?? [];
  const headers = input.headers;
  const hasSecretHeader = isRecord(headers) && Object.keys(headers).some((name) => SECRET_HEADER_NAMES.has(name.toLowerCase()));
  if (!hasSecretHeader && !secretKeys.some((key) => input[key] !== undefined)) return input;
  const out: Record<string, unknown> = { ...input };
  for (const key of secretKeys) if (out[key] !== undefined && out[key] !== null && out[key] !== '') out[key] = REDACTED;
  if (hasSecretHeader && isRecord(headers)) {
    out.headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SECRET_HEADER_NAMES.has(name.toLowerCase()) ? REDACTED : value]));
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
