// Fires scheduled flows. Every main keeps a timer per active flow whose trigger is a schedule; at a
// tick, each claims it by moving the flow's lastTick forward (compare and set, in the same
// transaction as the tick's event row), so with several mains the flow runs once per tick. The
// event is then handed out like a webhook's; a lost hand-over is caught by the redispatch sweeper.
// Ticks that passed while no main was running (or more than SCHEDULE_MISSED_AFTER_SECONDS late) are
// skipped, one log line each, not run in a burst at start-up.
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, LessThan, type Repository } from 'typeorm';
import type { Logger } from 'pino';
import { NodeRegistry } from '@hookflow/engine';
import { lastTickUpTo, nextTick, ticksBetween, type ScheduleSpec } from '@hookflow/flow-model';
import { scheduleParams, type ScheduleTick } from '@hookflow/nodes';
import { SETTINGS, type Settings } from '../config/settings';
import { Dispatcher, firstRunOf } from '../dispatch/dispatcher';
import { EventEntity } from '../events/event.entity';
import { FlowEntity } from '../flows/flow.entities';
import { LOGGER } from '../logging/logger';
import { triggerNodeOf } from '../runtime/trigger-node';
import { StoreService } from '../storage/store.service';
import { ScheduleTickEntity } from './schedule-tick.entity';
import { tickEvent } from './tick-event';

/** How often each main looks for flows whose schedule changed (each flow's version and state). */
const REFRESH_EVERY_MS = 2_000;
/** Missed ticks logged one by one at most; past that, one line says how many more. */
const MISSED_LINES = 20;
/** Missed ticks counted at most, for that line. */
const MISSED_COUNT_LIMIT = 10_000;
/** setTimeout's limit is about 24.8 days; longer waits wake up early and re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface ScheduledFlow {
  flowId: string;
  name: string;
  versionId: string;
  nodeId: string;
  updatedAt: string;
  spec: ScheduleSpec;
}

interface Armed {
  signature: string;
  timer: NodeJS.Timeout;
}

@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly armed = new Map<string, Armed>();
  private refresher: NodeJS.Timeout | undefined;
  private seen: string | undefined;
  private refreshing: Promise<void> | undefined;
  private stopped = false;
  /** A tick fired later than this after its time counts as missed. */
  private readonly graceMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
    private readonly dispatcher: Dispatcher,
    private readonly registry: NodeRegistry,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.graceMs = settings.SCHEDULE_MISSED_AFTER_SECONDS * 1000;
  }

  onApplicationBootstrap(): void {
    void this.refresh();
    this.refresher = setInterval(() => void this.refresh(), REFRESH_EVERY_MS);
    this.refresher.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.refresher);
    for (const { timer } of this.armed.values()) clearTimeout(timer);
    this.armed.clear();
  }

  /** Re-reads the scheduled flows when the flows table changed, and arms or disarms their timers. */
  refresh(): Promise<void> {
    this.refreshing ??= this.reload()
      .catch((err: unknown) => this.logger.warn({ err }, 'could not read the scheduled flows; trying again shortly'))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async reload(): Promise<void> {
    const flows = this.dataSource.getRepository(FlowEntity);
    // Every flow's state, not a count and the latest change: a main whose clock is behind may stamp
    // a change earlier than the latest one, which a count and a maximum would not show.
    const states = await flows.find({ select: { id: true, active: true, currentVersionId: true, updatedAt: true }, order: { id: 'ASC' } });
    const version = states.map((flow) => `${flow.id}:${flow.active ? 1 : 0}:${flow.currentVersionId}:${flow.updatedAt}`).join(',');
    if (version === this.seen) return;
    const scheduled = (await flows.findBy({ active: true })).flatMap((flow) => this.scheduleOf(flow) ?? []);
    const live = new Set(scheduled.map((flow) => flow.flowId));
    for (const [flowId, { timer }] of this.armed) {
      if (live.has(flowId)) continue;
      clearTimeout(timer);
      this.armed.delete(flowId);
    }
    for (const flow of scheduled) {
      const signature = `${flow.versionId}/${flow.updatedAt}`;
      if (this.armed.get(flow.flowId)?.signature === signature) continue;
      clearTimeout(this.armed.get(flow.flowId)?.timer);
      this.arm(flow, signature, await this.skipMissed(flow));
    }
    this.seen = version;
  }

  private scheduleOf(flow: FlowEntity): ScheduledFlow | undefined {
    const node = triggerNodeOf(flow.document, this.registry);
    if (node?.type !== 'schedule') return undefined;
    const params = scheduleParams.safeParse(node.params);
    if (!params.success) {
      this.logger.warn({ flowId: flow.id }, 'the flow’s schedule cannot be read; it does not run until it is fixed');
      return undefined;
    }
    return { flowId: flow.id, name: flow.name, versionId: flow.currentVersionId, nodeId: node.id, updatedAt: flow.updatedAt, spec: params.data };
  }

  /** Sets the flow's timer for its first tick after `after` (at once when that tick is past but not missed). */
  private arm(flow: ScheduledFlow, signature: string, after: Date): void {
    if (this.stopped) return;
    const tick = nextTick(flow.spec, after);
    if (!tick) return;
    const wait = Math.min(Math.max(0, tick.getTime() - Date.now()), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      // A wait longer than a timer can hold wakes up early: arm again for the same tick.
      if (Date.now() < tick.getTime()) return this.arm(flow, signature, after);
      void this.fire(flow, tick).then((done) => {
        if (this.armed.get(flow.flowId)?.timer === timer) this.arm(flow, signature, done);
      });
    }, wait);
    timer.unref();
    this.armed.set(flow.flowId, { signature, timer });
  }

  /**
   * Claims the tick and, if this main won it, stores its event and hands it out. A tick fired past
   * the grace period (the process was stalled) is skipped with every later one already missed.
   * Answers the last tick dealt with; never rejects.
   */
  async fire(flow: ScheduledFlow, tick: Date): Promise<Date> {
    const firedAt = new Date();
    const scheduledFor = tick.toISOString();
    try {
      if (firedAt.getTime() - tick.getTime() > this.graceMs) {
        const cutoff = new Date(firedAt.getTime() - this.graceMs);
        const last = lastTickUpTo(flow.spec, cutoff) ?? tick;
        const missed = [tick, ...ticksBetween(flow.spec, tick, cutoff, MISSED_COUNT_LIMIT)];
        if (await this.claim(flow.flowId, last.toISOString())) this.logMissed(flow, missed, 'the server was too busy to fire it on time');
        return last;
      }
      const body: ScheduleTick = { scheduledFor, firedAt: firedAt.toISOString(), cron: flow.spec.cron, timezone: flow.spec.timezone };
      const event = tickEvent({ flowId: flow.flowId, versionId: flow.versionId, nodeId: flow.nodeId, tick: body });
      const won = await this.store.transaction(async (manager) => {
        if (!(await this.claimWith(manager.getRepository(ScheduleTickEntity), flow.flowId, scheduledFor))) return false;
        await manager.getRepository(EventEntity).insert(event);
        return true;
      });
      if (won) {
        this.dispatcher.dispatch(firstRunOf(event.id));
        this.logger.debug({ flowId: flow.flowId, eventId: event.id, scheduledFor }, 'schedule fired');
      }
    } catch (err) {
      this.logger.error({ err, flowId: flow.flowId, scheduledFor }, 'could not store the schedule’s tick; this tick does not run');
    }
    return tick;
  }

  /**
   * Ticks between the flow's last claimed tick (or its last change: it was not scheduled like this
   * before) and a grace period ago were missed: they are claimed without running and logged.
   * Answers the time after which ticks still run: a tick since then that is past, but not by more
   * than the grace period, fires as soon as the timer is armed.
   */
  private async skipMissed(flow: ScheduledFlow): Promise<Date> {
    const ticks = this.dataSource.getRepository(ScheduleTickEntity);
    const state = await ticks.findOneBy({ flowId: flow.flowId });
    const now = new Date();
    if (!state) {
      // First time this flow is scheduled: nothing was missed.
      await ticks.createQueryBuilder().insert().values({ flowId: flow.flowId, lastTick: now.toISOString() }).orIgnore().execute();
      return now;
    }
    const from = new Date(Math.max(Date.parse(state.lastTick), Date.parse(flow.updatedAt)));
    const cutoff = new Date(now.getTime() - this.graceMs);
    const last = lastTickUpTo(flow.spec, cutoff);
    if (!last || last.getTime() <= from.getTime()) return from;
    // Counted up to a bound: a per-second schedule down for days would otherwise count for long.
    const missed = ticksBetween(flow.spec, from, cutoff, MISSED_COUNT_LIMIT);
    if (await this.claim(flow.flowId, last.toISOString())) this.logMissed(flow, missed, 'no server was running');
    return last;
  }

  private claim(flowId: string, tick: string): Promise<boolean> {
    return this.store.transaction((manager) => this.claimWith(manager.getRepository(ScheduleTickEntity), flowId, tick));
  }

  /**
   * Moves the flow's last tick forward to `tick`; false when another main got there first. The row
   * exists: every main records the flow before arming its timer (skipMissed).
   */
  private async claimWith(ticks: Repository<ScheduleTickEntity>, flowId: string, tick: string): Promise<boolean> {
    const moved = await ticks.update({ flowId, lastTick: LessThan(tick) }, { lastTick: tick });
    return moved.affected === 1;
  }

  private logMissed(flow: ScheduledFlow, ticks: Date[], why: string): void {
    for (const tick of ticks.slice(0, MISSED_LINES)) {
      this.logger.warn({ flowId: flow.flowId, flow: flow.name, scheduledFor: tick.toISOString() }, `schedule tick missed (${why}); skipped`);
    }
    if (ticks.length > MISSED_LINES) {
      const more = `${ticks.length - MISSED_LINES}${ticks.length >= MISSED_COUNT_LIMIT ? ' or more' : ''}`;
      this.logger.warn({ flowId: flow.flowId, flow: flow.name, more: ticks.length - MISSED_LINES }, `and ${more} more schedule ticks missed; skipped`);
    }
  }
}
