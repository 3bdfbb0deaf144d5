// Calls any HTTP API. Outbound traffic goes through ctx.http, which owns timeouts, retries (by
// the node's retry policy, Retry-After honoured) and the SSRF guard; this node shapes and signs
// the request, and decides what a final 4xx/5xx means for the flow. A failure carries the request
// made and the answer got, so the failed list can show them.
import { z } from 'zod';
import { NodeConfigError, NodeRuntimeError, type HttpResponse, type NodeContext, type NodeType } from '@hookflow/engine';
import { buildNestedObject } from '../shared/build-nested-object';
import { authHeaders, authParams } from './http-auth';
import { signingParams, signRequest } from './http-signing';
import { describeRequest, describeResponse, safeBody, type RequestDetails } from './request-details';
import { retryParams, statusMatcher, toRetryPolicy } from './retry-policy';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
export const MAX_TIMEOUT_MS = 300_000;

/** A value that becomes text in a header or query string (templates may render numbers or booleans). */
const textValue = z.union([z.string(), z.number(), z.boolean()]);

export const httpParams = z
  .object({
    method: z.enum(HTTP_METHODS).default('POST').meta({
      title: 'Method',
      description: 'The HTTP method to call the URL with.',
      examples: ['POST', 'GET'],
    }),
    url: z.string().min(1, 'enter the URL to call').max(8_000).meta({
      title: 'URL',
      description: 'Full http:// or https:// address; may use {{templates}}.',
      examples: ['https://api.example.com/orders/{{trigger.body.id}}'],
    }),
    headers: z.record(z.string().min(1), textValue).default({}).meta({
      title: 'Headers',
      description: 'Extra request headers, name → value.',
      examples: [{ Accept: 'application/json', 'X-Order-Id': '{{trigger.body.id}}' }],
    }),
    query: z.record(z.string().min(1), textValue).default({}).meta({
      title: 'Query parameters',
      description: 'Added to the URL as ?name=value.',
      examples: [{ status: 'open', page: '1' }],
    }),
    body: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .optional()
      .meta({
        title: 'Body',
        description: 'Text sent as is, or fields (dots nest) sent as JSON. Not allowed with GET or HEAD.',
        examples: [{ 'order.id': '{{trigger.body.id}}', note: 'paid' }, 'plain text'],
      }),
    timeoutMs: z.number().int().min(100).max(MAX_TIMEOUT_MS).default(10_000).meta({
      title: 'Timeout (ms)',
      description: 'How long one try may take before it counts as failed.',
      examples: [10_000],
    }),
    auth: authParams,
    retry: retryParams,
    signing: signingParams,
    failOnStatus: z.boolean().default(true).meta({
      title: 'Fail on error status',
      description: 'Stop the flow with an error when the final answer is 400 or above.',
      examples: [true],
    }),
  })
  .meta({ title: 'HTTP request', description: 'Sends an HTTP request and outputs the status, headers and body.' });

export type HttpParams = z.output<typeof httpParams>;

export interface HttpNodeOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export const httpNode: NodeType<HttpParams> = {
  type: 'http',
  version: 1,
  label: 'HTTP request',
  description: 'Calls any web API or URL and passes its answer on.',
  category: 'Actions',
  icon: 'globe',
  params: httpParams,
  handles: { inputs: ['main'], outputs: ['main'] },
  secretParams: ['signing'],
  async run(ctx, params) {
    const prepared = await prepareRequest(ctx, params);
    const { method, url, headers, body, secrets } = prepared;
    const request = (): RequestDetails => describeRequest({ method, url, headers, body, secrets });
    let response: HttpResponse;
    try {
      const retry = toRetryPolicy(params.retry);
      // With credentials or a signature on board, a redirect is answered, not followed.
      const followRedirects = secrets.length === 0;
      response = await ctx.http.request({ method, url: url.href, headers, body, timeoutMs: params.timeoutMs, retry, followRedirects }, ctx.signal);
    } catch (err) {
      throw withRequestDetails(err, request());
    }
    if (params.failOnStatus && response.status >= 400) {
      const retryable = statusMatcher(params.retry.statuses)(response.status);
      throw statusError({ response, method, url, retryable, request: request(), secrets });
    }
    const output: HttpNodeOutput = { status: response.status, headers: response.headers, body: safeBody(response.body, secrets) };
    return { output, attempts: response.attempts };
  },
};

interface PreparedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Values to keep out of anything stored (the signing secret). */
  secrets: string[];
}

async function prepareRequest(ctx: NodeContext, params: HttpParams): Promise<PreparedRequest> {
  const url = parseHttpUrl(params.url);
  for (const [name, value] of Object.entries(stringifyValues(params.query))) url.searchParams.append(name, value);
  const encoded = encodeBody({ method: params.method, headers: stringifyValues(params.headers), body: params.body });
  const signed = await signRequest({ ctx, signing: params.signing, body: encoded.body ?? '' });
  const auth = await authHeaders({ ctx, auth: params.auth });
  const headers = { ...withoutHeaders(encoded.headers, [...Object.keys(signed.headers), ...Object.keys(auth.headers)]), ...auth.headers, ...signed.headers };
  return { method: params.method, url, headers, body: encoded.body, secrets: [...(signed.secret ? [signed.secret] : []), ...auth.secrets] };
}

/** Network failures and timeouts keep their message and kind, and gain the request that was tried. */
function withRequestDetails(err: unknown, request: RequestDetails): unknown {
  if (!(err instanceof NodeRuntimeError) || err.details !== undefined) return err;
  return new NodeRuntimeError(err.message, { retryable: err.retryable, attempts: err.attempts, details: { request }, cause: err });
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  const dropped = new Set(names.map((name) => name.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name.toLowerCase())));
}

function parseHttpUrl(raw: string): URL {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new NodeConfigError(`"${truncate(text, 200)}" is not a full URL; it must start with http:// or https://`, { param: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NodeConfigError(`Only http:// and https:// URLs can be called, not ${url.protocol}//`, { param: 'url' });
  }
  return url;
}

function encodeBody(args: { method: string; headers: Record<string, string>; body: HttpParams['body'] }): {
  headers: Record<string, string>;
  body?: string;
} {
  const { method, headers, body } = args;
  if (body === undefined || body === '') return { headers };
  if (method === 'GET' || method === 'HEAD') {
    throw new NodeConfigError(`A ${method} request cannot have a body; remove it or pick another method`, { param: 'body' });
  }
  if (typeof body === 'string') return { headers, body };
  const json = JSON.stringify(buildNestedObject({ fields: body, param: 'body' }));
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  return { headers: hasContentType ? headers : { ...headers, 'content-type': 'application/json' }, body: json };
}

function statusError(args: { response: HttpResponse; method: string; url: URL; retryable: boolean; request: RequestDetails; secrets: string[] }): NodeRuntimeError {
  const { response, method, url, retryable, request, secrets } = args;
  const { status } = response;
  // Origin and path only: query strings and user-info often carry API keys.
  return new NodeRuntimeError(`${method} ${url.origin}${url.pathname} answered ${status}`, {
    retryable,
    attempts: response.attempts,
    details: { status, body: safeBody(response.body, secrets), request, response: describeResponse(response, secrets) },
  });
}

function stringifyValues(values: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
