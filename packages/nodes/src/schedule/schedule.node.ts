// Starts a flow at the times a cron expression names, in a time zone. The server's scheduler stores
// each tick as an event (method SCHEDULE) and runs the flow from it; this node hands the tick on,
// so the rest of the flow reads it both as `trigger` and as `nodes.<id>`.
import { z } from 'zod';
import type { NodeType } from '@hookflow/engine';
import { scheduleProblem } from '@hookflow/flow-model';

export const SCHEDULE_METHOD = 'SCHEDULE';

export const scheduleParams = z
  .object({
    cron: z
      .string()
      .trim()
      .min(1, 'say when the flow runs, e.g. "0 9 * * 1-5" for 9:00 on weekdays')
      .max(200)
      .meta({
        title: 'Runs at (cron)',
        description:
          'Minute, hour, day of month, month, day of week. "0 9 * * 1-5": 9:00 on weekdays; "*/15 * * * *": every 15 minutes; "0 0 1 * *": midnight on the 1st of each month.',
        examples: ['0 9 * * 1-5'],
      }),
    timezone: z
      .string()
      .trim()
      .default('UTC')
      .meta({ title: 'Time zone', description: 'The clock the times are read on, e.g. UTC, Europe/Berlin or America/New_York.', examples: ['Europe/Berlin'] }),
  })
  .superRefine((params, ctx) => {
    const problem = scheduleProblem(params);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.startsWith(`"${params.timezone}"`) ? 'timezone' : 'cron'], message: problem });
  })
  .meta({ title: 'Schedule', description: 'Starts the flow at set times.' });

export type ScheduleParams = z.output<typeof scheduleParams>;

/** The trigger body of a scheduled run. */
export interface ScheduleTick {
  /** The tick's time (ISO, UTC). */
  scheduledFor: string;
  /** When the scheduler stored it. */
  firedAt: string;
  cron: string;
  timezone: string;
}

export const scheduleNode: NodeType<ScheduleParams> = {
  type: 'schedule',
  version: 1,
  label: 'Schedule',
  description: 'Starts the flow at set times (a cron expression in a time zone). Each run is stored as an event you can see and replay.',
  category: 'Triggers',
  icon: 'clock',
  trigger: true,
  params: scheduleParams,
  handles: { inputs: [], outputs: ['main'] },
  async run(ctx) {
    return { output: ctx.trigger };
  },
};
