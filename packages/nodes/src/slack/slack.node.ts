// Posts a Slack message, through an incoming webhook URL or a bot token (chat.postMessage).
// Tokens and webhook URLs are secrets: their params are marked writeOnly in the JSON Schema so
// the editor masks them and the host redacts them, and they never appear in outputs or errors.
import { z } from 'zod';
import { NodeConfigError, type NodeContext, type NodeType } from '@hookflow/engine';
import { postChatMessage } from './slack-chat';
import { parseBlocks, type SlackMessage } from './slack-message';
import { postToIncomingWebhook } from './slack-webhook';
import { retryParams } from '../http/retry-policy';

export const slackParams = z
  .object({
    webhookUrl: z.string().trim().max(2_000).optional().meta({
      title: 'Incoming webhook URL',
      description: 'Simplest setup: a Slack incoming webhook URL (https://hooks.slack.com/services/...). Kept secret.',
      examples: ['https://hooks.slack.com/services/T000/B000/XXXX'],
      writeOnly: true,
    }),
    token: z.string().trim().max(500).optional().meta({
      title: 'Bot token',
      description: 'Instead of a webhook: a bot token (xoxb-...) with chat:write; needs a channel. Kept secret.',
      examples: ['xoxb-...'],
      writeOnly: true,
    }),
    credentialId: z.string().trim().max(200).optional().meta({
      title: 'Saved credential',
      description: 'Instead of pasting a secret: a saved credential holding "token" or "webhookUrl".',
      examples: ['slack-main'],
    }),
    channel: z.string().trim().max(200).optional().meta({
      title: 'Channel',
      description: 'Channel name or id to post to when using a bot token.',
      examples: ['#alerts', 'C0123456789'],
    }),
    text: z
      .union([z.string().min(1, 'the message text is empty').max(40_000), z.number(), z.boolean()])
      .meta({
        title: 'Message',
        description: 'The message text (Slack mrkdwn); may use {{templates}}. Also the notification text when blocks are set.',
        examples: ['New order {{trigger.body.id}} for *{{trigger.body.total}} EUR*'],
      }),
    blocks: z
      .union([z.array(z.record(z.string(), z.unknown())).max(50), z.string().max(100_000)])
      .optional()
      .meta({
        title: 'Blocks',
        description: 'Optional Block Kit layout: a JSON array of blocks (or a template that renders one).',
        examples: [[{ type: 'section', text: { type: 'mrkdwn', text: '*New order*' } }]],
      }),
    threadTs: z.string().trim().max(64).optional().meta({
      title: 'Reply in thread',
      description: 'Timestamp (ts) of a message to reply to in its thread; bot token only.',
      examples: ['{{nodes.notify.ts}}'],
    }),
    retry: retryParams,
  })
  .superRefine((params, issue) => {
    const hasWebhook = Boolean(params.webhookUrl);
    const hasToken = Boolean(params.token);
    if (hasWebhook && hasToken) {
      issue.addIssue({ code: 'custom', path: ['token'], message: 'Use either a webhook URL or a bot token, not both' });
    } else if (hasToken && !params.channel) {
      issue.addIssue({ code: 'custom', path: ['channel'], message: 'A bot token needs a channel to post to' });
    } else if (!hasWebhook && !hasToken && !params.credentialId) {
      issue.addIssue({
        code: 'custom',
        path: ['webhookUrl'],
        message: 'Set either a Slack webhook URL, or a bot token and a channel',
      });
    }
  })
  .meta({ title: 'Slack message', description: 'Posts a message to Slack.' });

export type SlackParams = z.output<typeof slackParams>;

export const slackNode: NodeType<SlackParams> = {
  type: 'slack',
  version: 1,
  label: 'Slack message',
  description: 'Posts a message to a Slack channel through an incoming webhook or a bot token.',
  category: 'Actions',
  icon: 'slack',
  params: slackParams,
  handles: { inputs: ['main'], outputs: ['main'] },
  secretParams: ['token', 'webhookUrl'],
  async run(ctx, params) {
    const message: SlackMessage = { text: String(params.text), blocks: parseBlocks(params.blocks), threadTs: params.threadTs || undefined };
    const target = await resolveTarget({ ctx, params });
    if (target.kind === 'webhook') return postToIncomingWebhook({ ctx, webhookUrl: target.webhookUrl, message, retry: params.retry });
    return postChatMessage({ ctx, token: target.token, channel: target.channel, message, retry: params.retry });
  },
};

type SlackTarget = { kind: 'webhook'; webhookUrl: string } | { kind: 'chat'; token: string; channel: string };

async function resolveTarget({ ctx, params }: { ctx: NodeContext; params: SlackParams }): Promise<SlackTarget> {
  let { webhookUrl, token } = params;
  if (!webhookUrl && !token && params.credentialId) {
    const credential = await ctx.credentials.get(params.credentialId);
    webhookUrl = credential.webhookUrl;
    token = credential.token;
    if (!webhookUrl && !token) {
      throw new NodeConfigError('The credential holds neither "token" nor "webhookUrl"', { param: 'credentialId' });
    }
  }
  if (token) {
    if (!params.channel) throw new NodeConfigError('A bot token needs a channel to post to', { param: 'channel' });
    return { kind: 'chat', token, channel: params.channel };
  }
  if (webhookUrl) return { kind: 'webhook', webhookUrl };
  throw new NodeConfigError('Set either a Slack webhook URL, or a bot token and a channel', { param: 'webhookUrl' });
}
