// A local stand-in for Slack that answers like the real one: the Web API's chat.postMessage
// (form-encoded or JSON body, Bearer token, 200 with { ok: false, error } on failure, 429 with
// Retry-After) and incoming webhooks (200 "ok", 400 "invalid_payload", 404 "no_service").
import { startLocalServer, type LocalServer, type RecordedRequest, type ScriptedResponse } from './local-server';

export const FAKE_BOT_TOKEN = 'xoxb-1111-2222-fakeBotTokenValue';
export const FAKE_CHANNEL_ID = 'C0123456789';
export const FAKE_WEBHOOK_PATH = '/services/T0000/B0000/fakeWebhookSecret123';

export interface FakeSlack extends LocalServer {
  /** Base for SLACK_API_URL, with the trailing slash WebClient needs. */
  apiUrl: string;
  webhookUrl: string;
  /** The next chat.postMessage calls answer 429 with `Retry-After: seconds`. */
  rateLimitNext(count: number, seconds: number): void;
  /** The next incoming-webhook call answers this instead (e.g. 400 "invalid_payload"). */
  answerNextWebhook(status: number, text: string): void;
  /** Parsed chat.postMessage arguments, in order. */
  posted: Record<string, unknown>[];
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const state = { rateLimited: 0, retryAfter: 1, posted: new Array<Record<string, unknown>>(), nextWebhook: new Array<ScriptedResponse>() };
  const server = await startLocalServer((req) => {
    const path = req.url.split('?')[0];
    if (req.method === 'POST' && path === '/api/chat.postMessage') return chatPostMessage(req, state);
    if (req.method === 'POST' && path.startsWith('/services/')) return state.nextWebhook.shift() ?? incomingWebhook(req);
    return { status: 404, body: 'not_found' };
  });
  return {
    ...server,
    apiUrl: `${server.url}/api/`,
    webhookUrl: `${server.url}${FAKE_WEBHOOK_PATH}`,
    posted: state.posted,
    answerNextWebhook(status, text) {
      state.nextWebhook.push({ status, headers: { 'content-type': 'text/html' }, body: text });
    },
    rateLimitNext(count, seconds) {
      state.rateLimited = count;
      state.retryAfter = seconds;
    },
  };
}

function chatPostMessage(req: RecordedRequest, state: { rateLimited: number; retryAfter: number; posted: Record<string, unknown>[] }): ScriptedResponse {
  if (state.rateLimited > 0) {
    state.rateLimited -= 1;
    return { status: 429, headers: { 'retry-after': String(state.retryAfter) }, body: { ok: false, error: 'ratelimited' } };
  }
  if (req.headers.authorization !== `Bearer ${FAKE_BOT_TOKEN}`) {
    return { status: 200, body: { ok: false, error: req.headers.authorization ? 'invalid_auth' : 'not_authed' } };
  }
  const args = parseArgs(req);
  state.posted.push(args);
  const channel = args.channel;
  if (channel !== FAKE_CHANNEL_ID && channel !== '#general') return { status: 200, body: { ok: false, error: 'channel_not_found' } };
  if (!args.text && !args.blocks) return { status: 200, body: { ok: false, error: 'no_text' } };
  const ts = `1700000000.${String(state.posted.length).padStart(6, '0')}`;
  return {
    status: 200,
    body: { ok: true, channel: FAKE_CHANNEL_ID, ts, message: { type: 'message', text: args.text, ts, bot_id: 'B0FAKE' } },
  };
}

function incomingWebhook(req: RecordedRequest): ScriptedResponse {
  if (req.url !== FAKE_WEBHOOK_PATH) return { status: 404, headers: { 'content-type': 'text/html' }, body: 'no_service' };
  let payload: unknown;
  try {
    payload = JSON.parse(req.body);
  } catch {
    return { status: 400, headers: { 'content-type': 'text/html' }, body: 'invalid_payload' };
  }
  const message = payload as { text?: unknown; blocks?: unknown };
  const blocksOk = message.blocks === undefined || Array.isArray(message.blocks);
  if ((typeof message.text !== 'string' || message.text === '') && !Array.isArray(message.blocks)) {
    return { status: 400, headers: { 'content-type': 'text/html' }, body: 'no_text' };
  }
  if (!blocksOk) return { status: 400, headers: { 'content-type': 'text/html' }, body: 'invalid_blocks' };
  return { status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' };
}

/** WebClient sends form-encoded arguments with nested values as JSON strings. */
function parseArgs(req: RecordedRequest): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(req.body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(req.body)) {
    args[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return args;
}
