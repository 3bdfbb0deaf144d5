// Calls any HTTP API. Outbound traffic goes through ctx.http, which owns timeouts, retries
// (network errors, 408, 429 with Retry-After, 5xx) and the SSRF guard; this node shapes the
// request and decides what a final 4xx/5xx means for the flow.
import { z } from 'zod';
import { NodeConfigError, NodeRuntimeError, type HttpResponse, type NodeType } from '@hookflow/engine';
import { buildNestedObject } from '../shared/build-nested-object';

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
    retry: z
      .object({
        attempts: z.number().int().min(1).max(10).default(3).meta({
          title: 'Attempts',
          description: 'Total tries on network errors, timeouts, 429 and 5xx (1 = no retry).',
          examples: [3],
        }),
        backoffMs: z.number().int().min(0).max(60_000).default(500).meta({
          title: 'Backoff (ms)',
          description: 'Base wait between tries; it grows with each try. Retry-After wins when sent.',
          examples: [500],
        }),
      })
      .default({ attempts: 3, backoffMs: 500 })
      .meta({ title: 'Retries', description: 'What to do when the call fails in a way that may pass on a new try.' }),
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
  async run(ctx, params) {
    const url = parseHttpUrl(params.url);
    const { headers, body } = encodeBody({ method: params.method, headers: stringifyValues(params.headers), body: params.body });
    const response = await ctx.http.request(
      {
        method: params.method,
        url: url.href,
        headers,
        query: stringifyValues(params.query),
        body,
        timeoutMs: params.timeoutMs,
        retry: { attempts: params.retry.attempts, backoffMs: params.retry.backoffMs },
      },
      ctx.signal,
    );
    if (params.failOnStatus && response.status >= 400) throw statusError({ response, method: params.method, url });
    const output: HttpNodeOutput = { status: response.status, headers: response.headers, body: response.body };
    return { output, attempts: response.attempts };
  },
};

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

function statusError({ response, method, url }: { response: HttpResponse; method: string; url: URL }): NodeRuntimeError {
  const { status } = response;
  const retryable = status === 408 || status === 429 || status >= 500;
  // Origin and path only: query strings and user-info often carry API keys.
  return new NodeRuntimeError(`${method} ${url.origin}${url.pathname} answered ${status}`, {
    retryable,
    attempts: response.attempts,
    details: { status, body: response.body },
  });
}

function stringifyValues(values: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
