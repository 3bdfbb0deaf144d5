// The one way the editor talks to the server: relative URLs (same origin in production, the Vite
// proxy in development) and errors that carry the server's own words.
import type { ValidationIssue } from '@hookflow/flow-model';
import { notifyUnauthorized } from '../auth/unauthorized-signal';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** Validation problems from a 400 { errors }, each naming its node when it has one. */
  readonly issues: ValidationIssue[];

  constructor({ status, message, issues = [] }: { status: number; message: string; issues?: ValidationIssue[] }) {
    super(message);
    this.status = status;
    this.issues = issues;
  }
}

export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  // The server refuses changing requests made with the session cookie unless this header comes
  // along: other sites cannot add it, so they cannot act in a signed-in person's name.
  headers.set('x-hookflow-csrf', '1');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    throw new ApiError({ status: 0, message: `Cannot reach the Hookflow server (${errorText(error)}).` });
  }
  const text = await response.text();
  // A 401 from the sign-in routes is a wrong password; from any other, the session has ended.
  if (response.status === 401 && !path.startsWith('/api/auth/')) notifyUnauthorized();
  if (!response.ok) throw toApiError(response, parseBody(text));
  // The server's answers are trusted to match the contract they are typed with (204: null).
  const value: T = JSON.parse(text === '' ? 'null' : text);
  return value;
}

export function postJson<T>(path: string, body?: unknown): Promise<T> {
  return requestJson<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
}

export function putJson<T>(path: string, body: unknown): Promise<T> {
  return requestJson<T>(path, { method: 'PUT', body: JSON.stringify(body) });
}

export function deleteJson(path: string): Promise<void> {
  return requestJson<void>(path, { method: 'DELETE' });
}

export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A message to show a person: the server's message when there is one. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const issues = isRecord(body) && Array.isArray(body.errors) ? body.errors.filter(isIssue) : [];
  const serverMessage = isRecord(body) && typeof body.message === 'string' ? body.message : typeof body === 'string' ? body : '';
  const message = serverMessage || (issues.length > 0 ? issues.map((issue) => issue.message).join('\n') : `${response.status} ${response.statusText}`);
  return new ApiError({ status: response.status, message, issues });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is ValidationIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}
