// Slack incoming webhooks: POST JSON to a secret URL; Slack answers 200 "ok" or an error word
// in plain text (invalid_payload, no_service, channel_is_archived, ...). The URL *is* the
// credential, so nothing derived from it may reach an error message.
import { NodeConfigError, NodeRuntimeError, type NodeContext, type NodeResult } from '@hookflow/engine';
import { redactSecrets } from '../shared/redact-secrets';
import { statusMatcher, toRetryPolicy, type RetryParams } from '../http/retry-policy';
import type { SlackMessage } from './slack-message';

const WEBHOOK_TIMEOUT_MS = 15_000;
const MAX_ERROR_TEXT = 500;

export async function postToIncomingWebhook(args: { ctx: NodeContext; webhookUrl: string; message: SlackMessage; retry: RetryParams }): Promise<NodeResult> {
  const { ctx, webhookUrl, message, retry } = args;
  const url = parseWebhookUrl(webhookUrl);
  const payload = { text: message.text, blocks: message.blocks, thread_ts: message.threadTs };
  const secrets = [webhookUrl, url.pathname];
  const response = await ctx.http
    .request(
      {
        method: 'POST',
        url: url.href,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        retry: toRetryPolicy(retry),
      },
      ctx.signal,
    )
    .catch((err: unknown) => {
      throw redactError(err, secrets);
    });
  if (response.status >= 200 && response.status < 300) {
    return { output: { ok: true }, attempts: response.attempts };
  }
  const slackError = redactSecrets(describeBody(response.body), secrets);
  throw new NodeRuntimeError(`Slack webhook answered ${response.status}: ${slackError}`, {
    retryable: statusMatcher(retry.statuses)(response.status),
    attempts: response.attempts,
    details: { status: response.status, error: slackError },
  });
}

function parseWebhookUrl(raw: string): URL {
  try {
    const url = new URL(raw.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // fall through to the same answer; the value itself must not be echoed
  }
  throw new NodeConfigError('The Slack webhook URL is not a valid https:// URL', { param: 'webhookUrl' });
}

function describeBody(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body) ?? '';
  const trimmed = text.trim() || '(empty answer)';
  return trimmed.length > MAX_ERROR_TEXT ? `${trimmed.slice(0, MAX_ERROR_TEXT)}…` : trimmed;
}

function redactError(err: unknown, secrets: string[]): Error {
  const message = redactSecrets(err instanceof Error ? err.message : String(err), secrets);
  if (err instanceof NodeConfigError) return new NodeConfigError(message, { param: 'webhookUrl' });
  if (err instanceof NodeRuntimeError) {
    return new NodeRuntimeError(message, { retryable: err.retryable, attempts: err.attempts });
  }
  return new NodeRuntimeError(`Could not reach the Slack webhook: ${message}`, { retryable: true });
}
