// The few calls of the server's REST API that `hookflow flows` needs, over Node's fetch with an
// API key. Every answer is checked before use, and every failure becomes a CliError whose message
// says what to do (wrong key, server not reachable, the server's validation errors).
import { parseFlowDocument, type FlowDocument } from '@hookflow/flow-model';
import { z } from 'zod';
import { CliError } from './cli-error';

/** One request may wait this long: the API answers in milliseconds, a hung server should not hang CI. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Reads of flow documents in flight at once: quick for hundreds of flows, gentle on the server. */
const PARALLEL_READS = 8;

const FlowSummarySchema = z.object({ id: z.string(), key: z.string().nullable().optional(), name: z.string(), active: z.boolean(), createdAt: z.string() });
const FlowStateSchema = z.object({ id: z.string(), key: z.string().nullable().optional(), active: z.boolean() });
const CredentialSchema = z.object({ id: z.string(), name: z.string() });
const IssueSchema = z.object({ path: z.string(), message: z.string() });
const ErrorBodySchema = z.object({ message: z.string().optional(), errors: z.array(IssueSchema).optional() });

export class HookflowApi {
  private constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** The client for HOOKFLOW_URL and HOOKFLOW_API_KEY; throws a CliError naming what is missing. */
  static fromEnv(env: Record<string, string | undefined>): HookflowApi {
    const url = env.HOOKFLOW_URL?.trim();
    const apiKey = env.HOOKFLOW_API_KEY?.trim();
    if (!url) throw new CliError('HOOKFLOW_URL is not set: set it to the server\'s address, e.g. HOOKFLOW_URL=http://localhost:3000');
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new CliError(`HOOKFLOW_URL "${url}" is not an http:// or https:// address`);
    if (!apiKey) throw new CliError('HOOKFLOW_API_KEY is not set: make an API key in the editor (Settings → API keys) and set HOOKFLOW_API_KEY to it');
    return new HookflowApi(url.replace(/\/+$/, ''), apiKey);
  }

  async listFlows(): Promise<ServerFlowSummary[]> {
    const answer = await this.request('GET', '/api/flows');
    return parseAnswer(z.array(FlowSummarySchema), answer, 'GET /api/flows').map((flow) => ({ ...flow, key: flow.key ?? null }));
  }

  /** Every flow with its document, oldest first; a few requests at a time. */
  async allFlows(): Promise<ServerFlowWithName[]> {
    const summaries = [...(await this.listFlows())].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const flows: ServerFlowWithName[] = [];
    for (let start = 0; start < summaries.length; start += PARALLEL_READS) {
      const batch = summaries.slice(start, start + PARALLEL_READS);
      const details = await Promise.all(batch.map((summary) => this.getFlow(summary.id)));
      details.forEach((flow, index) => flows.push({ ...flow, name: batch[index].name }));
    }
    return flows;
  }

  async getFlow(id: string): Promise<ServerFlow> {
    return this.flowFrom(await this.request('GET', flowPath(id)), `GET ${flowPath(id)}`);
  }

  async createFlow(document: FlowDocument): Promise<ServerFlow> {
    return this.flowFrom(await this.request('POST', '/api/flows', document), 'POST /api/flows');
  }

  async updateFlow(id: string, document: FlowDocument): Promise<ServerFlow> {
    return this.flowFrom(await this.request('PUT', flowPath(id), document), `PUT ${flowPath(id)}`);
  }

  async setActive(id: string, active: boolean): Promise<void> {
    await this.request('POST', `${flowPath(id)}/${active ? 'activate' : 'deactivate'}`);
  }

  async deleteFlow(id: string): Promise<void> {
    await this.request('DELETE', flowPath(id));
  }

  /** Credential ids and names (never their data; owner-only on the server). */
  async listCredentials(): Promise<Array<{ id: string; name: string }>> {
    const answer = await this.request('GET', '/api/credentials');
    return parseAnswer(z.array(CredentialSchema), answer, 'GET /api/credentials');
  }

  private flowFrom(answer: unknown, call: string): ServerFlow {
    const state = parseAnswer(FlowStateSchema, answer, call);
    const document = parseFlowDocument(answer);
    if (!document.ok) throw new CliError(`${call} answered a flow this hookflow cannot read: ${document.errors[0]?.message ?? 'bad document'}`);
    return { id: state.id, key: state.key ?? null, active: state.active, document: document.value };
  }

  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.apiKey}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      throw new CliError(`cannot reach HOOKFLOW_URL (${this.baseUrl}): ${reasonOf(err)}`);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw new CliError(this.failure({ method, path, status: response.status, body: parsed ?? text }), response.status);
    return parsed;
  }

  private failure({ method, path, status, body }: { method: string; path: string; status: number; body: unknown }): string {
    const call = `${method} ${path}`;
    if (status === 401) return `the server at ${this.baseUrl} refused the API key (401): check HOOKFLOW_API_KEY`;
    const details = ErrorBodySchema.safeParse(body);
    const message = details.success ? details.data.message : undefined;
    if (status === 403) return `${call}: the API key's user may not do this (403${message ? `: ${message}` : ''}); the key acts as the user who made it`;
    const issues = details.success ? (details.data.errors ?? []) : [];
    if (issues.length > 0) return `${call} was refused (${status}):\n${issues.map((issue) => `  ${issue.path || 'document'}: ${issue.message}`).join('\n')}`;
    const shown = message ?? (typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300));
    return `${call} failed (${status}): ${shown}`;
  }
}

export interface ServerFlowSummary {
  id: string;
  key: string | null;
  name: string;
  active: boolean;
  createdAt: string;
}

/** A flow as the server answers it: its document (secrets "[redacted]") and state. */
export interface ServerFlow {
  id: string;
  key: string | null;
  active: boolean;
  document: FlowDocument;
}

export type ServerFlowWithName = ServerFlow & { name: string };

function flowPath(id: string): string {
  return `/api/flows/${encodeURIComponent(id)}`;
}

function parseAnswer<T>(schema: z.ZodType<T>, answer: unknown, call: string): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new CliError(`${call} answered something this hookflow cannot read; is HOOKFLOW_URL a Hookflow server?`);
  return parsed.data;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return cause ?? err.message;
}
