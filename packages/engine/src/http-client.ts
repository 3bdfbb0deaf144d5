// The default HttpClient on the global fetch: per-try timeout, retries with exponential backoff and
// full jitter, Retry-After honoured. Hosts may wrap or replace it (SSRF guard, proxies, fakes).
import type { HttpClient, HttpRequest, HttpResponse, HttpRetryPolicy } from './node-type';
import { NodeConfigError, NodeRuntimeError } from './node-errors';

const DEFAULT_MAX_DELAY_MS = 60_000;

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? globalThis.fetch;
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
      const timeout = req.timeoutMs === undefined ? undefined : AbortSignal.timeout(req.timeoutMs);
      const trySignal = combineSignals(timeout, signal);
      let outcome: TryOutcome;
      try {
        const res = await doFetch(url, { method, headers: req.headers, body: req.body, signal: trySignal, redirect: 'follow' });
        outcome = await readOutcome(res, attempt < maxAttempts);
      } catch (err) {
        throwIfCancelled(signal, target, attempt);
        const reason = timeout?.aborted ? `timed out after ${req.timeoutMs}ms` : networkErrorMessage(err);
        if (attempt >= maxAttempts) {
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

async function readOutcome(res: Response, mayRetry: boolean): Promise<TryOutcome> {
  if (mayRetry && isRetryableStatus(res.status)) {
    // Drain so the connection can be reused; the body of a response we retry is not needed.
    await res.arrayBuffer().catch(() => undefined);
    return { done: false, retryAfter: res.headers.get('retry-after') };
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const text = await res.text();
  return { done: true, response: { status: res.status, headers, body: parseBody(text, headers['content-type']) } };
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

function combineSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (!a) return b;
  if (!b) return a;
  return AbortSignal.any([a, b]);
}

function throwIfCancelled(signal: AbortSignal | undefined, target: string, attempts: number): void {
  if (signal?.aborted) {
    throw new NodeRuntimeError(`request to ${target} cancelled`, { retryable: false, attempts: Math.max(1, attempts) });
  }
}

function networkErrorMessage(err: unknown): string {
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND...) in cause.
  if (err instanceof Error) {
    const cause = err.cause;
    if (cause instanceof Error && cause.message) return cause.message;
    return err.message;
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

export interface HttpClientOptions {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Waits between tries; rejects when the signal aborts. Injected in tests to record waits. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}
