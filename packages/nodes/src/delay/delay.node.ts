// Waits before the run goes on: for a duration, or until a time read from the data. The node only
// works out the time; the engine parks the run there (RunFlowOptions.park) and the host resumes it,
// so a waiting run holds no slot and no memory, and survives a restart.
import { z } from 'zod';
import { NodeConfigError, type NodeType } from '@hookflow/engine';

export const MAX_DELAY_DAYS = 30;
const MAX_DELAY_MS = MAX_DELAY_DAYS * 24 * 60 * 60 * 1000;
const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
export const DELAY_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

export const delayParams = z
  .object({
    mode: z
      .enum(['duration', 'until'])
      .default('duration')
      .meta({
        title: 'Wait',
        description: '"duration": for a set time. "until": until a date and time taken from the data.',
        'x-enum-labels': { duration: 'for a set time', until: 'until a date and time' },
      }),
    amount: z.coerce
      .number()
      .min(0, 'use 0 or more')
      .default(1)
      .meta({ title: 'How long', description: 'With "for a set time": how many units to wait.', examples: [1] }),
    unit: z
      .enum(DELAY_UNITS)
      .default('hours')
      .meta({ title: 'Unit', description: 'With "for a set time": what the amount counts.', 'x-enum-labels': { seconds: 'seconds', minutes: 'minutes', hours: 'hours', days: 'days' } }),
    until: z
      .union([z.string().max(100), z.number()])
      .optional()
      .meta({
        title: 'Until',
        description: 'With "until a date and time": an ISO date such as 2026-12-24T09:00:00Z, or a template such as {{trigger.body.remindAt}}. A time already past goes on at once.',
        examples: ['{{trigger.body.remindAt}}'],
      }),
  })
  .superRefine((params, ctx) => {
    if (params.mode === 'duration' && params.amount * UNIT_MS[params.unit] > MAX_DELAY_MS) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `a delay can be at most ${MAX_DELAY_DAYS} days` });
    }
    if (params.mode === 'until' && (params.until === undefined || params.until === '')) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'say until when to wait, e.g. {{trigger.body.remindAt}}' });
    }
  })
  .meta({ title: 'Delay', description: 'Waits, then the flow goes on.' });

export type DelayParams = z.output<typeof delayParams>;

export interface DelayOutput {
  /** When the run goes on (ISO, UTC). */
  until: string;
}

export const delayNode: NodeType<DelayParams> = {
  type: 'delay',
  version: 1,
  label: 'Delay',
  description: `Waits for a while, or until a time from the data, then goes on (up to ${MAX_DELAY_DAYS} days). A waiting run survives restarts.`,
  category: 'Flow',
  icon: 'clock',
  params: delayParams,
  handles: { inputs: ['main'], outputs: ['main'] },
  async run(ctx, params) {
    const now = ctx.now();
    const until = params.mode === 'duration' ? new Date(now.getTime() + params.amount * UNIT_MS[params.unit]) : dateOf(params.until);
    if (until.getTime() - now.getTime() > MAX_DELAY_MS) {
      throw new NodeConfigError(`"${until.toISOString()}" is more than ${MAX_DELAY_DAYS} days away; a delay can be at most ${MAX_DELAY_DAYS} days`, { param: params.mode === 'until' ? 'until' : 'amount' });
    }
    const output: DelayOutput = { until: until.toISOString() };
    return { output, waitUntil: until };
  },
};

/** A time from the data: an ISO date text, or milliseconds since 1970. */
function dateOf(value: string | number | undefined): Date {
  const date = typeof value === 'number' ? new Date(value) : typeof value === 'string' && value.trim() !== '' ? new Date(value.trim()) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new NodeConfigError(`"${String(value ?? '')}" is not a date and time; use an ISO date such as 2026-12-24T09:00:00Z`, { param: 'until' });
  }
  return date;
}
