// The default HttpClient: per-try timeout, retries with exponential backoff and full jitter,
// Retry-After honoured. Hosts may wrap or replace it (SSRF guard, proxies, fakes).
// Requests go through undici's request API on a keep-alive agent: on the hot path of every http
// step it costs a fraction of what fetch's web streams and abort signals do.
import type { HttpClient, HttpRequest, HttpResponse, HttpRetryPolicy } from './node-type';
import { NodeConfigError, NodeRuntimeError } from './node-errors';
import { undiciTransport, fetchTransport, type HttpTransport, type OutboundTransportOptions, type TransportResponse } from './http-transport';
import { findOutboundRefusal } from './outbound-guard-connector';

const DEFAULT_MAX_DELAY_MS = 60_000;

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const send: HttpTransport = options.fetch ? fetchTransport(options.fetch) : undiciTransport(options);
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;

  async function request(req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const url = buildUrl(req);
    const target = `${url.origin}${url.pathname}`;
    const method = req.method.toUpperCase();
    if (req.body !== undefined && (method === 'GET' || method === 'HEAD')) {
      throw new NodeConfigError(`a ${method} request cannot have a body`);
    }
    const policy = req.retry;
    const maxAttempts = Math.max(1, Math.floor(policy?.attempts ?? 1));

    for (let attempt = 1; ; attempt++) {
      throwIfCancelled(signal, target, attempt - 1);
      let outcome: TryOutcome;
      try {
        const res = await send({ url, method, headers: req.headers, body: req.body, timeoutMs: req.timeoutMs, followRedirects: req.followRedirects, signal });
        outcome = readOutcome(res, attempt < maxAttempts, policy?.retryOnStatus ?? isRetryableStatus);
      } catch (err) {
        throwIfCancelled(signal, target, attempt);
        // A refused address stays refused: not retried, and its message says how to allow it.
        const refusal = findOutboundRefusal(err);
        if (refusal) throw new NodeRuntimeError(`request to ${target} ${refusal.message}`, { retryable: false, attempts: attempt });
        const reason = isTimeout(err) ? `timed out after ${req.timeoutMs}ms` : networkErrorMessage(err);
        if (attempt >= maxAttempts || policy?.retryOnNetworkError === false) {
          const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
          throw new NodeRuntimeError(`request to ${target} failed after ${tries}: ${reason}`, {
            retryable: true,
            attempts: attempt,
            cause: err,
          });
        }
        await pause(backoffDelay({ policy, attempt, random }), target, attempt);
        continue;
      }
      if (outcome.done) return { ...outcome.response, attempts: attempt };
      const delay = retryAfterDelay(outcome.retryAfter, policy) ?? backoffDelay({ policy, attempt, random });
      await pause(delay, target, attempt);
    }

    async function pause(ms: number, target: string, attempts: number): Promise<void> {
      try {
        await sleep(ms, signal);
      } catch (err) {
        throwIfCancelled(signal, target, attempts);
        throw err;
      }
    }
  }

  return { request };
}

/** `true` for statuses worth another try: 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Delay in ms asked for by a Retry-After header (seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function buildUrl(req: HttpRequest): URL {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new NodeConfigError(`invalid URL ${JSON.stringify(req.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NodeConfigError(`unsupported URL scheme "${url.protocol}" (use http or https)`);
  }
  if (req.query) {
    for (const [key, value] of Object.entries(req.query)) url.searchParams.append(key, value);
  }
  return url;
}

function readOutcome(res: TransportResponse, mayRetry: boolean, retryable: (status: number) => boolean): TryOutcome {
  if (mayRetry && retryable(res.status)) return { done: false, retryAfter: res.headers['retry-after'] ?? null };
  return { done: true, response: { status: res.status, headers: res.headers, body: parseBody(res.text, res.headers['content-type']) } };
}

function isTimeout(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = 'code' in err ? err.code : undefined;
  return err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!contentType || text === '' || !/[/+]json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function backoffDelay({ policy, attempt, random }: { policy?: HttpRetryPolicy; attempt: number; random: () => number }): number {
  if (!policy) return 0;
  const ceiling = Math.min(policy.backoffMs * 2 ** (attempt - 1), policy.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
  return Math.floor(random() * ceiling);
}

function retryAfterDelay(header: string | null, policy: HttpRetryPolicy | undefined): number | undefined {
  const asked = parseRetryAfter(header);
  if (asked === undefined) return undefined;
  return Math.min(asked, policy?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
}

function throwIfCancelled(signal: AbortSignal | undefined, target: string, attempts: number): void {
  if (signal?.aborted) {
    throw new NodeRuntimeError(`request to ${target} cancelled`, { retryable: false, attempts: Math.max(1, attempts) });
  }
}

function networkErrorMessage(err: unknown): string {
  // fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND...) in cause;
  // undici's request API throws errors with a code and an empty message for refused connections.
  if (err instanceof Error) {
    const cause = err.cause;
    if (cause instanceof Error && cause.message) return cause.message;
    const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
    return err.message || code || err.name;
  }
  return String(err);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

type TryOutcome =
  | { done: true; response: Omit<HttpResponse, 'attempts'> }
  | { done: false; retryAfter: string | null };

export interface HttpClientOptions extends OutboundTransportOptions {
  /** Send through this fetch instead of undici's request API (tests, custom agents). */
  fetch?: typeof fetch;
  /** Waits between tries; rejects when the signal aborts. Injected in tests to record waits. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}
