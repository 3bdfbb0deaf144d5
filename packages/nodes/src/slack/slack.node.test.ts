import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, runNodeInFlow } from '@hookflow/engine';
import { FAKE_BOT_TOKEN, FAKE_CHANNEL_ID, FAKE_WEBHOOK_PATH, startFakeSlack, type FakeSlack } from '../test-support/fake-slack';
import { slackNode, slackParams } from './slack.node';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});
beforeEach(() => {
  slack.requests.length = 0;
  slack.posted.length = 0;
});

const trigger = { body: { id: 'A-1', total: 120, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Order A-1*' } }] } };

async function runSlack(params: Record<string, unknown>, options: { apiUrl?: string; credentials?: Record<string, Record<string, string>> } = {}) {
  const waits: number[] = [];
  const http = createHttpClient({ sleep: async (ms) => void waits.push(ms) });
  const credentials = {
    async get(id: string) {
      const found = options.credentials?.[id];
      if (!found) throw new Error(`no credential ${id}`);
      return found;
    },
  };
  const settings = { SLACK_API_URL: options.apiUrl ?? slack.apiUrl };
  const { step } = await runNodeInFlow({ nodeType: slackNode, params, trigger, services: { http, settings, credentials } });
  return { step, waits };
}

/** Nothing the node records may contain the secrets it was given. */
function expectNoSecrets(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(FAKE_BOT_TOKEN);
  expect(text).not.toContain(FAKE_WEBHOOK_PATH);
}

describe('slack node with a bot token (chat.postMessage)', () => {
  it('posts the rendered text and blocks and outputs channel and ts', async () => {
    const { step } = await runSlack({
      token: FAKE_BOT_TOKEN,
      channel: '#general',
      text: 'New order {{trigger.body.id}} for {{trigger.body.total}} EUR',
      blocks: '{{trigger.body.blocks}}',
    });
    expect(step.status).toBe('success');
    expect(step.output).toMatchObject({ ok: true, channel: FAKE_CHANNEL_ID, ts: '1700000000.000001', message: { text: 'New order A-1 for 120 EUR' } });
    expect(slack.posted).toEqual([expect.objectContaining({ channel: '#general', text: 'New order A-1 for 120 EUR', blocks: trigger.body.blocks })]);
    expect(slack.requests[0].headers.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
    expectNoSecrets(step.output);
  });

  it('parses blocks given as JSON text', async () => {
    const { step } = await runSlack({ token: FAKE_BOT_TOKEN, channel: FAKE_CHANNEL_ID, text: 'hi', blocks: '[{"type":"divider"}]' });
    expect(step.status).toBe('success');
    expect(slack.posted[0].blocks).toEqual([{ type: 'divider' }]);
  });

  it.each(['not json', '{"type":"divider"}'])('refuses blocks %j as a config error', async (blocks) => {
    const { step } = await runSlack({ token: FAKE_BOT_TOKEN, channel: FAKE_CHANNEL_ID, text: 'hi', blocks });
    expect(step.error).toMatchObject({ kind: 'config', param: 'blocks' });
    expect(slack.requests).toHaveLength(0);
  });

  it("turns Slack's ok:false into a runtime error carrying Slack's error code", async () => {
    const { step } = await runSlack({ token: FAKE_BOT_TOKEN, channel: '#nowhere', text: 'hi' });
    expect(step.status).toBe('error');
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: false, details: { error: 'channel_not_found' } });
    expect(step.error?.message).toContain('channel_not_found');
  });

  it('reports a bad token as invalid_auth without repeating the token', async () => {
    const badToken = 'xoxb-9999-wrong-tokenValue';
    const { step } = await runSlack({ token: badToken, channel: '#general', text: 'hi' });
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: false, details: { error: 'invalid_auth' } });
    expect(JSON.stringify(step.error)).not.toContain(badToken);
    expect(JSON.stringify(step.output ?? null)).not.toContain(badToken);
  });

  it('waits out a 429 Retry-After and succeeds on the next call', async () => {
    slack.rateLimitNext(1, 1);
    const { step } = await runSlack({ token: FAKE_BOT_TOKEN, channel: '#general', text: 'hi' });
    expect(step.status).toBe('success');
    expect(slack.requests).toHaveLength(2);
    expect(slack.requests[0].url).toBe('/api/chat.postMessage');
  });

  it('adds the trailing slash SLACK_API_URL needs', async () => {
    const { step } = await runSlack({ token: FAKE_BOT_TOKEN, channel: '#general', text: 'hi' }, { apiUrl: slack.apiUrl.slice(0, -1) });
    expect(step.status).toBe('success');
  });

  it('reads the token from a saved credential', async () => {
    const { step } = await runSlack({ credentialId: 'slack-main', channel: '#general', text: 'hi' }, { credentials: { 'slack-main': { token: FAKE_BOT_TOKEN } } });
    expect(step.status).toBe('success');
    expect(step.output).toMatchObject({ ok: true, channel: FAKE_CHANNEL_ID });
  });
});

describe('slack node with an incoming webhook', () => {
  it('posts JSON { text, blocks } and outputs { ok: true }', async () => {
    const { step } = await runSlack({ webhookUrl: slack.webhookUrl, text: 'Order {{trigger.body.id}}', blocks: '{{trigger.body.blocks}}' });
    expect(step.status).toBe('success');
    expect(step.output).toEqual({ ok: true });
    const sent = slack.requests[0];
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual({ text: 'Order A-1', blocks: trigger.body.blocks });
  });

  it('fails with Slack\'s answer on a 400 invalid_payload, not retryable', async () => {
    slack.answerNextWebhook(400, 'invalid_payload');
    const { step } = await runSlack({ webhookUrl: slack.webhookUrl, text: 'hi' });
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: false, details: { status: 400, error: 'invalid_payload' } });
    expect(step.error?.message).toContain('invalid_payload');
    expectNoSecrets(step.error);
  });

  it('fails with no_service on an unknown webhook, without echoing the URL', async () => {
    const { step } = await runSlack({ webhookUrl: `${slack.url}/services/T0000/B0000/revokedSecret999`, text: 'hi' });
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: false, details: { status: 404, error: 'no_service' } });
    expect(JSON.stringify(step.error)).not.toContain('revokedSecret999');
  });

  it('keeps the webhook URL out of network errors', async () => {
    const { step } = await runSlack({ webhookUrl: `http://127.0.0.1:9${FAKE_WEBHOOK_PATH}`, text: 'hi' });
    expect(step.error).toMatchObject({ kind: 'runtime', retryable: true });
    expectNoSecrets(step.error);
  });

  it('retries a 503 through the http client', async () => {
    slack.answerNextWebhook(503, 'service_unavailable');
    const { step, waits } = await runSlack({ webhookUrl: slack.webhookUrl, text: 'hi' });
    expect(step.status).toBe('success');
    expect(step.attempts).toBe(2);
    expect(waits).toHaveLength(1);
  });

  it('refuses a webhook URL that is not a URL', async () => {
    const { step } = await runSlack({ webhookUrl: 'hooks.slack.com/services/x', text: 'hi' });
    expect(step.error).toMatchObject({ kind: 'config', param: 'webhookUrl' });
    expect(step.error?.message).not.toContain('services/x');
  });
});

describe('slack params', () => {
  it('needs a webhook URL, or a token and a channel', () => {
    const none = slackParams.safeParse({ text: 'hi' });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]).toMatchObject({ path: ['webhookUrl'], message: 'Set either a Slack webhook URL, or a bot token and a channel' });

    const noChannel = slackParams.safeParse({ token: 'xoxb-1', text: 'hi' });
    expect(noChannel.error?.issues[0]).toMatchObject({ path: ['channel'] });

    const both = slackParams.safeParse({ token: 'xoxb-1', channel: '#a', webhookUrl: 'https://hooks.slack.com/x', text: 'hi' });
    expect(both.success).toBe(false);

    expect(slackParams.safeParse({ webhookUrl: 'https://hooks.slack.com/x', text: 'hi' }).success).toBe(true);
    expect(slackParams.safeParse({ token: 'xoxb-1', channel: '#a', text: 'hi' }).success).toBe(true);
    expect(slackParams.safeParse({ credentialId: 'slack-main', text: 'hi' }).success).toBe(true);
  });

  it('needs message text', () => {
    expect(slackParams.safeParse({ webhookUrl: 'https://hooks.slack.com/x', text: '' }).success).toBe(false);
    expect(slackParams.safeParse({ webhookUrl: 'https://hooks.slack.com/x' }).success).toBe(false);
  });
});

describe('slack node secrets', () => {
  it('keeps the token and webhook URL out of the recorded step input', async () => {
    const { step } = await runNodeInFlow({
      nodeType: slackNode,
      params: { webhookUrl: 'http://127.0.0.1:1/services/T/B/secret-part', text: 'hi' },
      services: { http: createHttpClient({ sleep: () => Promise.resolve() }) },
    });
    expect(JSON.stringify(step)).not.toContain('secret-part');
    expect(step.input).toMatchObject({ webhookUrl: '[redacted]' });
  });
});
