// One HTTP try: send a request, read the whole response. Two implementations: undici's request
// API on a shared keep-alive agent (the default), and any fetch (tests, hosts with their own).
import { Agent, interceptors, request, type Dispatcher } from 'undici';
import { createOutboundGuard, type OutboundGuardOptions } from './outbound-guard';
import { guardedConnector, type ResolveAll } from './outbound-guard-connector';

export interface TransportRequest {
  url: URL;
  method: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
  followRedirects?: boolean;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  text: string;
}

export type HttpTransport = (req: TransportRequest) => Promise<TransportResponse>;

const MAX_REDIRECTS = 5;
let sharedDispatcher: Dispatcher | undefined;

/** The default policy (metadata refused, private allowed) shares one agent across clients. */
function dispatcher(guard: OutboundTransportOptions): Dispatcher {
  if (guard.outbound === undefined && guard.resolveAll === undefined) return (sharedDispatcher ??= newDispatcher(guard));
  return newDispatcher(guard);
}

function newDispatcher({ outbound, resolveAll }: OutboundTransportOptions): Dispatcher {
  // Redirects are followed by the agent itself, so every hop opens its socket through the guard.
  const connect = guardedConnector({ guard: createOutboundGuard(outbound), resolveAll });
  return new Agent({ keepAliveTimeout: 10_000, connections: 256, connect }).compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTS }));
}

export function undiciTransport(options: OutboundTransportOptions = {}): HttpTransport {
  const agent = dispatcher(options);
  return async ({ url, method, headers, body, timeoutMs, followRedirects, signal }) => {
    // One controller and one timer per try: the whole try (headers and body) has timeoutMs.
    const controller = new AbortController();
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new TimeoutError()), timeoutMs);
    const onCallerAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      // maxRedirections 0 turns the agent's redirect interceptor off for this request.
      const res = await request(url, { method, headers, body, signal: controller.signal, dispatcher: agent, ...(followRedirects === false ? { maxRedirections: 0 } : {}) });
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: res.statusCode, headers: out, text: await res.body.text() };
    } catch (err) {
      throw controller.signal.reason instanceof TimeoutError ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor() {
    super('timed out');
  }
}

export function fetchTransport(doFetch: typeof fetch): HttpTransport {
  return async ({ url, method, headers, body, timeoutMs, followRedirects, signal }) => {
    const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
    const trySignal = timeout && signal ? AbortSignal.any([timeout, signal]) : (timeout ?? signal);
    const res = await doFetch(url, { method, headers, body, signal: trySignal, redirect: followRedirects === false ? 'manual' : 'follow' });
    const out: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      out[key] = value;
    });
    return { status: res.status, headers: out, text: await res.text() };
  };
}

export interface OutboundTransportOptions {
  /** Which addresses may be reached; default: everything but cloud metadata and link-local. */
  outbound?: OutboundGuardOptions;
  /** Name resolution (tests inject one); default dns.lookup. */
  resolveAll?: ResolveAll;
}
