// The schedule's params and times: a cron expression read in its time zone (daylight saving
// included), and plain reasons for what cannot be read.
import { describe, expect, it } from 'vitest';
import { compileFlow } from '@hookflow/engine';
import { createBuiltInRegistry } from '../registry';
import { scheduleParams } from './schedule.node';
import { nextTick, ticksBetween } from '@hookflow/flow-model';

describe('schedule', () => {
  it('reads the cron expression in its time zone, across a daylight saving change', () => {
    const berlin = { cron: '0 9 * * *', timezone: 'Europe/Berlin' };
    // 9:00 in Berlin is 8:00 UTC in winter and 7:00 UTC in summer (the clocks went forward on 29 March 2026).
    expect(nextTick(berlin, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(nextTick(berlin, new Date('2026-12-06T09:00:00Z'))?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('lists the ticks between two times, oldest first and at most as many as asked', () => {
    const quarter = { cron: '*/15 * * * *', timezone: 'UTC' };
    const ticks = ticksBetween(quarter, new Date('2026-12-06T10:00:00Z'), new Date('2026-12-06T11:00:00Z'), 10);
    expect(ticks.map((tick) => tick.toISOString().slice(11, 16))).toEqual(['10:15', '10:30', '10:45', '11:00']);
    expect(ticksBetween(quarter, new Date('2026-12-06T10:00:00Z'), new Date('2026-12-07T10:00:00Z'), 3)).toHaveLength(3);
  });

  it('refuses an expression or a time zone it cannot read, saying which and how', () => {
    const badCron = scheduleParams.safeParse({ cron: 'every morning' });
    expect(badCron.success).toBe(false);
    expect(badCron.error?.issues[0]).toMatchObject({ path: ['cron'], message: expect.stringContaining('"every morning" is not a cron expression') });
    const badZone = scheduleParams.safeParse({ cron: '0 9 * * *', timezone: 'Mars/Olympus' });
    expect(badZone.error?.issues[0]).toMatchObject({ path: ['timezone'], message: expect.stringContaining('"Mars/Olympus" is not a time zone') });
    expect(scheduleParams.parse({ cron: ' 0 9 * * 1-5 ' })).toEqual({ cron: '0 9 * * 1-5', timezone: 'UTC' });
  });

  it('starts a flow as its trigger', () => {
    const compiled = compileFlow({
      flow: {
        name: 'every morning',
        nodes: [
          { id: 'tick', type: 'schedule', params: { cron: '0 9 * * *', timezone: 'Europe/Berlin' } },
          { id: 'say', type: 'transform', params: { fields: { at: '{{trigger.body.scheduledFor}}' } } },
        ],
        edges: [{ id: 'e1', source: 'tick', target: 'say' }],
      },
      registry: createBuiltInRegistry(),
    });
    expect(compiled.ok).toBe(true);
  });
});
