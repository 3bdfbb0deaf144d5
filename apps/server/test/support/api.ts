// Small JSON client for the server's API in tests. Every test server signs in as its owner and
// registers an API key here (see sign-in.ts), so call() and even a plain fetch() to that server's
// /api are authenticated without the test saying so. A request that brings its own Authorization
// or Cookie header keeps it; callAnonymous() sends none, for checks of what strangers get.
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

interface AuthState {
  plainFetch: typeof fetch;
  /** API key per server origin. */
  keys: Map<string, string>;
}

// On globalThis, so every copy of this module in a test process shares one map and one wrapper.
const STATE = Symbol.for('hookflow.test.api-auth');

function authState(): AuthState {
  const holder = globalThis as { [STATE]?: AuthState };
  holder[STATE] ??= { plainFetch: globalThis.fetch, keys: new Map() };
  return holder[STATE];
}

/** The unwrapped fetch: sends exactly the headers given. */
export const plainFetch: typeof fetch = (input, init) => authState().plainFetch(input, init);

export function registerApiKey(base: string, key: string): void {
  const state = authState();
  state.keys.set(new URL(base).origin, key);
  if (globalThis.fetch === state.plainFetch) globalThis.fetch = authenticatedFetch;
}

export function forgetApiKey(base: string): void {
  authState().keys.delete(new URL(base).origin);
}

/** The key that authenticates requests to this URL, when it is a registered server's /api. */
function keyFor(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.pathname !== '/api' && !parsed.pathname.startsWith('/api/')) return undefined;
  return authState().keys.get(parsed.origin);
}

function authenticatedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const key = keyFor(url);
  if (!key) return plainFetch(input, init);
  const request = new Request(input, init);
  if (!request.headers.has('authorization') && !request.headers.has('cookie')) request.headers.set('authorization', `Bearer ${key}`);
  return plainFetch(request);
}

export function call<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return send<T>({ url: `${base}${path}`, method, body, headers, authenticate: true });
}

/** Like call(), but never adds the test server's API key. */
export function callAnonymous<T = Record<string, unknown>>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return send<T>({ url: `${base}${path}`, method, body, headers, authenticate: false });
}

async function send<T>({ url, method, body, headers, authenticate }: { url: string; method: string; body: unknown; headers: Record<string, string>; authenticate: boolean }): Promise<Answer<T>> {
  const sent = new Headers(headers);
  const key = authenticate ? keyFor(url) : undefined;
  if (key && !sent.has('authorization') && !sent.has('cookie')) sent.set('authorization', `Bearer ${key}`);
  const init: RequestInit = { method, headers: sent };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    if (!sent.has('content-type')) sent.set('content-type', 'application/json');
  }
  const res = await plainFetch(url, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}
