// What a failed call keeps for the failed list (dead letter): the request made and the answer got,
// safe to store and show. Secret-looking headers and query values are redacted, known secrets are
// cut out of the text, and bodies are kept as a short preview.
import { SECRET_HEADER_NAMES, type HttpResponse } from '@hookflow/engine';
import { REDACTED, redactSecrets } from '../shared/redact-secrets';

export const BODY_PREVIEW_CHARS = 2_000;

const SECRET_HEADERS = new Set([...SECRET_HEADER_NAMES, 'set-cookie']);
/** Header and query names that usually carry a credential. */
const SECRET_NAME = /(token|secret|passw|api[-_]?key|auth|session|signature|sig$|^key$|^code$)/i;
/** Signature headers prove nothing without the secret and help a receiver's owner debug. */
const PUBLIC_SIGNATURE_HEADERS = new Set(['webhook-signature', 'x-hub-signature-256']);

export interface RequestDetails {
  method: string;
  /** Origin, path and query with secret-looking values redacted; never user-info. */
  url: string;
  headers: Record<string, string>;
  bodyPreview: string;
}

export interface ResponseDetails {
  status: number;
  headers: Record<string, string>;
  bodyPreview: string;
}

export function describeRequest(args: { method: string; url: URL; headers: Record<string, string>; body?: string; secrets: string[] }): RequestDetails {
  const { method, url, headers, body, secrets } = args;
  return {
    method,
    url: redactSecrets(safeUrl(url), secrets),
    headers: redactHeaders(headers, secrets),
    bodyPreview: preview(body ?? '', secrets),
  };
}

export function describeResponse(response: HttpResponse, secrets: string[]): ResponseDetails {
  const text = typeof response.body === 'string' ? response.body : (JSON.stringify(response.body) ?? '');
  return { status: response.status, headers: redactHeaders(response.headers, secrets), bodyPreview: preview(text, secrets) };
}

/**
 * A response body as it may be stored: an API that echoes the request (many error pages do) must
 * not carry the credential we sent into step data. Unchanged unless a secret occurs in it.
 */
export function safeBody(body: unknown, secrets: string[]): unknown {
  if (secrets.length === 0) return body;
  if (typeof body === 'string') return redactSecrets(body, secrets);
  const text = JSON.stringify(body) ?? '';
  const clean = redactSecrets(text, secrets);
  if (clean === text) return body;
  try {
    const parsed: unknown = JSON.parse(clean);
    return parsed;
  } catch {
    return clean;
  }
}

/** The URL as it can be shown: query values with secret-looking names are replaced. */
export function safeUrl(url: URL): string {
  const shown = new URL(`${url.origin}${url.pathname}`);
  for (const [name, value] of url.searchParams) shown.searchParams.append(name, SECRET_NAME.test(name) ? REDACTED : value);
  return shown.href;
}

function redactHeaders(headers: Record<string, string>, secrets: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      const secret = SECRET_HEADERS.has(lower) || (SECRET_NAME.test(lower) && !PUBLIC_SIGNATURE_HEADERS.has(lower));
      return [name, secret ? REDACTED : redactSecrets(value, secrets)];
    }),
  );
}

function preview(text: string, secrets: string[]): string {
  const clean = redactSecrets(text, secrets);
  return clean.length > BODY_PREVIEW_CHARS ? `${clean.slice(0, BODY_PREVIEW_CHARS)}…` : clean;
}
