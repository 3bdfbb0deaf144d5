// The trigger every flow starts from. The server's intake turns an HTTP request into the trigger
// output (body, query, headers, method, receivedAt, eventId); this node only hands it on, so the
// rest of the flow reads it both as `trigger` and as `nodes.<id>`.
import { z } from 'zod';
import type { NodeType } from '@hookflow/engine';
import { webhookAuthParams } from './webhook-auth.params';
import {
  DEDUPE_DEFAULT,
  webhookChallengeParams,
  webhookDedupeParams,
  webhookDropOlderThanParams,
  webhookIpAllowlistParams,
  webhookOrderingParams,
  webhookRateLimitParams,
} from './webhook-guards.params';

export const WEBHOOK_METHODS = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'] as const;
/** How a webhook answers its caller; see the "respond" param. */
export const WEBHOOK_RESPOND_MODES = ['accepted', 'lastNode', 'respondNode'] as const;
export type WebhookRespondMode = (typeof WEBHOOK_RESPOND_MODES)[number];
export const WEBHOOK_PATH_PATTERN = /^[A-Za-z0-9._~/-]{0,200}$/;

export const webhookParams = z
  .object({
    method: z
      .enum(WEBHOOK_METHODS)
      .default('POST')
      .meta({
        title: 'HTTP method',
        description: 'The method the calling app uses; requests with another method are refused.',
        examples: ['POST'],
      }),
    path: z
      .string()
      .regex(WEBHOOK_PATH_PATTERN, 'use up to 200 letters, digits, ".", "_", "~", "/" or "-"')
      .optional()
      .meta({
        title: 'URL suffix',
        description: 'Optional readable end of the trigger URL, e.g. "orders/created".',
        examples: ['orders/created', 'github/push'],
      }),
    respond: z
      .enum(WEBHOOK_RESPOND_MODES)
      .default('accepted')
      .meta({
        title: 'Respond',
        description:
          'When and how the caller is answered. The event is always stored first. "accepted": at once, 202 with the event id. "lastNode": with the last node’s output when the flow ends. "respondNode": with what a Respond node sends.',
        'x-enum-labels': { accepted: 'at once: 202 with the event id', lastNode: 'with the last node’s output', respondNode: 'with a Respond node' },
      }),
    responseTimeoutMs: z
      .number()
      .int()
      .min(100)
      .max(300_000, 'at most 300000 (5 minutes)')
      .default(30_000)
      .meta({
        title: 'Answer within (ms)',
        description: 'When the caller waits for the flow: past this, it gets 504 with the event id, and the flow goes on and is recorded. Slack wants an answer within 3000.',
      }),
    auth: webhookAuthParams.optional(),
    challenge: webhookChallengeParams.optional(),
    ipAllowlist: webhookIpAllowlistParams.optional(),
    rateLimit: webhookRateLimitParams.optional(),
    // A default, not optional: what the editor shows when the param is absent is what intake applies.
    dedupe: webhookDedupeParams.default({ ...DEDUPE_DEFAULT }),
    dropOlderThan: webhookDropOlderThanParams.optional(),
    ordering: webhookOrderingParams.optional(),
  })
  .meta({ title: 'Webhook', description: 'Starts the flow when an HTTP request reaches the trigger URL.' });

/** Params the server's intake applies before a request becomes an event. */
export const INTAKE_PARAMS = ['respond', 'responseTimeoutMs', 'auth', 'challenge', 'ipAllowlist', 'rateLimit', 'dedupe', 'dropOlderThan', 'ordering'] as const;

export type WebhookParams = z.output<typeof webhookParams>;

export const webhookNode: NodeType<WebhookParams> = {
  type: 'webhook',
  version: 1,
  label: 'Webhook',
  description: 'Starts the flow when an app sends an HTTP request to this flow’s URL. Outputs body, query, headers and method.',
  category: 'Triggers',
  icon: 'webhook',
  trigger: true,
  params: webhookParams,
  // Read by the server's intake, never rendered as templates: a secret may contain "{{".
  rawParams: [...INTAKE_PARAMS],
  // Whole objects are redacted in step input, since they hold secrets (the engine redacts top-level keys).
  secretParams: ['auth', 'challenge'],
  handles: { inputs: [], outputs: ['main'] },
  async run(ctx) {
    return { output: ctx.trigger };
  },
};
