// Answers the HTTP request that started the run: status, headers and body, rendered from templates.
// The run goes on after it. Only a webhook whose "Respond" is "respondNode" waits for it; the first
// respond node to run answers, later ones record that the caller was answered already.
import { z } from 'zod';
import type { NodeType } from '@hookflow/engine';

/** Headers a flow may not set: they belong to the connection and the server sets them. */
const RESERVED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'host']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

export const respondParams = z
  .object({
    status: z.coerce
      .number()
      .int()
      .min(200, 'use a status from 200 to 599')
      .max(599, 'use a status from 200 to 599')
      .default(200)
      .meta({ title: 'Status', description: 'The HTTP status of the answer, e.g. 200, or 400 to refuse.', examples: [200] }),
    headers: z
      .record(z.string().regex(HEADER_NAME, 'use letters, digits and "-" for a header name'), z.string().max(8_000))
      .default({})
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers)) {
          if (RESERVED_HEADERS.has(name.toLowerCase())) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is set by the server; leave it out` });
        }
      })
      .meta({ title: 'Headers', description: 'Extra headers of the answer. Content-Type is application/json for data, text/plain for text, unless set here.' }),
    body: z
      .unknown()
      .optional()
      .meta({
        title: 'Body',
        description: 'What the caller gets: text, or data sent as JSON. Templates read the trigger and earlier nodes, e.g. {{nodes.shape.total}}.',
        examples: [{ text: 'Order {{trigger.body.id}} received' }],
      }),
  })
  .meta({ title: 'Respond', description: 'Answers the request that started the flow; the flow goes on after it.' });

export type RespondParams = z.output<typeof respondParams>;

export interface RespondOutput {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** False when the caller had been answered already (an earlier respond node) or nobody was waiting (a test run, a replay). */
  sent: boolean;
}

export const respondNode: NodeType<RespondParams> = {
  type: 'respond',
  version: 1,
  label: 'Respond',
  description: 'Answers the app that called the webhook with a status, headers and body you choose; the flow goes on after it.',
  category: 'Actions',
  icon: 'reply',
  params: respondParams,
  handles: { inputs: ['main'], outputs: ['main'] },
  answers: true,
  async run(ctx, params) {
    const answer = { status: params.status, headers: params.headers, body: params.body ?? '' };
    const sent = ctx.respond ? ctx.respond(answer) : false;
    const output: RespondOutput = { ...answer, sent };
    return { output };
  },
};
