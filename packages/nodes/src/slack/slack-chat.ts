// chat.postMessage through Slack's official WebClient. The client owns Slack's quirks: it sends
// the token as a Bearer header, and with rejectRateLimitedCalls off it waits out a 429's
// Retry-After itself before trying again. Slack answers 200 with { ok: false, error } for most
// failures; those become NodeRuntimeErrors carrying Slack's error code.
import {
  type FetchFunction,
  type Logger,
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from '@slack/web-api';
import { NodeRuntimeError, type NodeContext, type NodeLogger, type NodeResult } from '@hookflow/engine';
import { redactSecrets } from '../shared/redact-secrets';
import type { RetryParams } from '../http/retry-policy';
import type { SlackMessage } from './slack-message';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
const CHAT_TIMEOUT_MS = 15_000;

export interface SlackChatOutput {
  ok: boolean;
  channel: string;
  ts: string;
  message?: unknown;
}

export async function postChatMessage(args: { ctx: NodeContext; token: string; channel: string; message: SlackMessage; retry: RetryParams }): Promise<NodeResult> {
  const { ctx, token, channel, message, retry } = args;
  const client = new WebClient(token, {
    slackApiUrl: slackApiUrl(ctx.settings.SLACK_API_URL),
    // WebClient runs its own retries (and reads Slack's error codes); it gets the node's tries and
    // waits. Which statuses retry is Slack's to decide there.
    retryConfig: { retries: retry.attempts - 1, factor: 2, minTimeout: retry.backoffMs, maxTimeout: Math.max(retry.backoffMs, retry.maxDelayMs) },
    rejectRateLimitedCalls: false,
    timeout: CHAT_TIMEOUT_MS,
    logger: slackLogger({ logger: ctx.logger, secrets: [token] }),
    fetch: guardedFetch(ctx),
  });
  try {
    const result = await client.apiCall('chat.postMessage', {
      channel,
      text: message.text,
      blocks: message.blocks,
      thread_ts: message.threadTs,
    });
    const output: SlackChatOutput = {
      ok: result.ok,
      channel: readString(result, 'channel') ?? channel,
      ts: readString(result, 'ts') ?? '',
      message: 'message' in result ? result.message : undefined,
    };
    return { output };
  } catch (err) {
    throw toNodeError(err, [token]);
  }
}

/** WebClient appends method names to the base URL, so it must end with a slash. */
export function slackApiUrl(setting: string | undefined): string {
  const base = setting?.trim() || DEFAULT_SLACK_API_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

function toNodeError(err: unknown, secrets: string[]): NodeRuntimeError {
  if (err instanceof WebAPIPlatformError) {
    const code = err.data.error;
    return new NodeRuntimeError(`Slack refused the message: ${code}`, {
      retryable: code === 'ratelimited',
      details: { error: code, ...scopeDetails(err.data) },
    });
  }
  if (err instanceof WebAPIRateLimitedError) {
    return new NodeRuntimeError('Slack is rate limiting this app', { retryable: true, details: { error: 'ratelimited', retryAfter: err.retryAfter } });
  }
  if (err instanceof WebAPIHTTPError) {
    return new NodeRuntimeError(`Slack answered HTTP ${err.statusCode}`, {
      retryable: err.statusCode === 408 || err.statusCode >= 500,
      details: { status: err.statusCode },
    });
  }
  if (err instanceof WebAPIRequestError) {
    // The client turns "still rate limited after its retries" into a request error.
    const rateLimited = /rate limit/i.test(err.original.message);
    const reason = redactSecrets(err.original.message, secrets);
    return new NodeRuntimeError(rateLimited ? 'Slack is rate limiting this app' : `Could not reach Slack: ${reason}`, {
      retryable: true,
      details: { error: rateLimited ? 'ratelimited' : 'request_error' },
    });
  }
  const reason = redactSecrets(err instanceof Error ? err.message : String(err), secrets);
  return new NodeRuntimeError(`Slack call failed: ${reason}`, { retryable: false });
}

function scopeDetails(data: object): Record<string, string> {
  const details: Record<string, string> = {};
  for (const key of ['needed', 'provided']) {
    const value = readString(data, key);
    if (value !== undefined) details[key] = value;
  }
  return details;
}

function readString(source: object, key: string): string | undefined {
  const value: unknown = Reflect.get(source, key);
  return typeof value === 'string' ? value : undefined;
}

/**
 * WebClient's requests go through the node context's HTTP client, so the outbound guard (checked
 * after DNS, on every hop) covers the bot-token path too; cancelling the execution aborts them.
 * WebClient keeps its own retries, so each call here is one try.
 */
function guardedFetch(ctx: NodeContext): FetchFunction {
  return async (url, init) => {
    const body = init?.body;
    const text = body === undefined || body === null ? undefined : body instanceof URLSearchParams ? body.toString() : typeof body === 'string' ? body : undefined;
    if (body !== undefined && body !== null && text === undefined) throw new Error('unsupported Slack request body');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const response = await ctx.http.request({ method: init?.method ?? 'GET', url: String(url), headers, body: text, timeoutMs: CHAT_TIMEOUT_MS }, ctx.signal);
    const payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    return new Response(payload, { status: response.status, headers: response.headers });
  };
}

/** Sends WebClient's own log lines to the node logger; debug lines (request bodies) are dropped. */
function slackLogger({ logger, secrets }: { logger: NodeLogger; secrets: string[] }): Logger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]): string =>
    redactSecrets(msg.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '), secrets);
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => logger.info(text(msg), { source: 'slack-web-api' }),
    warn: (...msg: unknown[]) => logger.warn(text(msg), { source: 'slack-web-api' }),
    error: (...msg: unknown[]) => logger.error(text(msg), { source: 'slack-web-api' }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
