// Prunes old executions and events in the background, in small pages, so intake never waits on
// it: each page is one short delete that shares the store's write path with group commits (on
// SQLite it is queued on the writer thread between them), and after each page the pass rests
// twice as long as the page took, so pruning uses at most about a third of the writer's time and
// backs off by itself when intake keeps the writer busy. On SQLite the freed pages then go back to the file
// system in small incremental-vacuum steps. One process at a time prunes (PostgreSQL advisory
// lock); the rules are in README.md.
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { LOGGER } from '../logging/logger';
import type { MaintenanceStatement } from '../storage/batch-writer';
import { pragmaNumber, vacuumMode } from '../storage/sqlite-vacuum';
import { StoreService } from '../storage/store.service';
import { FINISHED_EVENT_STATUSES, RetentionSql, type Position } from './retention-sql';

/** Rows per delete: ~2-5 ms of the SQLite writer's time each (measured with the bench). */
const PAGE = 500;
/** Pages (4 KiB) given back per incremental-vacuum step. */
const VACUUM_STEP_PAGES = 256;
/** Rest after a page, as a multiple of the time it took: 2 keeps pruning to a third of the writer. */
const REST_FACTOR = 2;
const MIN_REST_MS = 5;
const MAX_REST_MS = 250;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneReport {
  executions: number;
  events: number;
  /** SQLite pages given back to the file system. */
  releasedPages: number;
  ms: number;
}

@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sql: RetentionSql;
  private readonly sqlite: boolean;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;
  private incrementalVacuum = false;

  constructor(
    private readonly store: StoreService,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const options = store.dataSource.options;
    this.sqlite = options.type !== 'postgres';
    this.sql = new RetentionSql(this.sqlite ? 'sqlite' : 'postgres', options.type === 'postgres' ? options.schema : undefined);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.sqlite) {
      this.incrementalVacuum = (await vacuumMode(this.store.dataSource)) === 'incremental';
      if (!this.incrementalVacuum) {
        this.logger.warn('The SQLite store was made before incremental vacuum and is too large to convert at start: pruned space is reused, but the file does not shrink. See docs/operations.md, Retention.');
      }
    }
    this.schedule();
  }

  /** Lets a running pass stop after its current page, before the store closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One pass now, after any pass already running here; undefined when another process is pruning
   * (PostgreSQL). `now` is the instant the retention periods count back from.
   */
  pruneOnce(now = new Date()): Promise<PruneReport | undefined> {
    const pass = this.running.then(() => this.store.alone('retention', () => this.pass(now)));
    this.running = pass.catch(() => undefined);
    return pass;
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.pruneOnce()
        .then((report) => {
          if (report && report.executions + report.events > 0) this.logger.info(report, 'pruned old executions and events');
        })
        .catch((err: unknown) => this.logger.warn({ err }, 'could not prune old executions and events; trying at the next pass'))
        .finally(() => this.schedule());
    }, this.settings.RETENTION_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  private async pass(now: Date): Promise<PruneReport> {
    const started = performance.now();
    const { deleted: executions, before } = await this.pruneExecutions(now);
    const events = await this.pruneEvents(now, before);
    const releasedPages = executions + events > 0 ? await this.releaseSpace() : 0;
    return { executions, events, releasedPages, ms: Math.round(performance.now() - started) };
  }

  /** Everything before the later of the age limit and the count limit, but for failed ones still on the list. */
  private async pruneExecutions(now: Date): Promise<{ deleted: number; before?: Position }> {
    const { EXECUTIONS_RETENTION_DAYS: days, EXECUTIONS_MAX_COUNT: maxCount, FAILED_RETENTION_DAYS: failedDays } = this.settings;
    const byAge = days > 0 ? { at: daysBefore(now, days), id: '' } : undefined;
    const byCount = maxCount > 0 ? (await this.read(this.sql.nthNewestExecution(maxCount)))[0] : undefined;
    const before = later(byAge, byCount);
    if (!before) return { deleted: 0 };
    const failedBefore = failedDays > 0 ? daysBefore(now, failedDays) : '';
    const deleted = await this.prunePages(
      (after) => this.sql.executionPage({ before, after, limit: PAGE }),
      (ids) => this.sql.deleteExecutions(ids, failedBefore),
    );
    return { deleted, before };
  }

  /**
   * Finished events older than EVENTS_RETENTION_DAYS with no execution left. A `done` event's
   * executions started after it arrived, so none older than the executions' limit can be free
   * yet: its walk stops there instead of reading through events whose executions are kept longer.
   */
  private async pruneEvents(now: Date, executionsBefore: Position | undefined): Promise<number> {
    const days = this.settings.EVENTS_RETENTION_DAYS;
    if (days === 0) return 0;
    const cutoff = daysBefore(now, days);
    let deleted = 0;
    for (const status of FINISHED_EVENT_STATUSES) {
      const before = status === 'done' ? doneBefore(cutoff, executionsBefore) : cutoff;
      if (before === undefined) continue;
      deleted += await this.prunePages(
        (after) => this.sql.eventPage({ status, before, after, limit: PAGE }),
        (ids) => this.sql.deleteEvents(ids),
      );
    }
    return deleted;
  }

  /** Walks candidates a page at a time, oldest first, deleting what the rule lets go. */
  private async prunePages(page: (after?: Position) => MaintenanceStatement, remove: (ids: string[]) => MaintenanceStatement): Promise<number> {
    let deleted = 0;
    let after: Position | undefined;
    while (!this.stopping) {
      const rows = await this.read(page(after));
      const last = rows[rows.length - 1];
      if (!last) break;
      const started = performance.now();
      deleted += await this.store.maintain(remove(rows.map((row) => row.id)));
      await this.rest(performance.now() - started);
      if (rows.length < PAGE) break;
      after = last;
    }
    return deleted;
  }

  /**
   * SQLite: gives the freed pages back in small steps. Giving back means moving the newest pages
   * (at the end of the file) into the holes the oldest rows left, so a reserve of 1/16 of the live
   * pages stays free: in a steady state new rows fill what each pass frees, and moving pages out
   * only for the file to grow again would be wasted writes.
   */
  private async releaseSpace(): Promise<number> {
    if (!this.incrementalVacuum) return 0;
    const dataSource = this.store.dataSource;
    const [pages, initially] = await Promise.all([pragmaNumber(dataSource, 'page_count'), pragmaNumber(dataSource, 'freelist_count')]);
    const reserve = Math.max(VACUUM_STEP_PAGES, Math.floor((pages - initially) / 16));
    let free = initially;
    while (free > reserve && !this.stopping) {
      const started = performance.now();
      const left = await this.store.releaseFreePages(Math.min(VACUUM_STEP_PAGES, free - reserve));
      await this.rest(performance.now() - started);
      if (left >= free) break;
      free = left;
    }
    return Math.max(0, initially - free);
  }

  private rest(tookMs: number): Promise<void> {
    return sleep(Math.min(MAX_REST_MS, Math.max(MIN_REST_MS, tookMs * REST_FACTOR)));
  }

  private async read(statement: MaintenanceStatement): Promise<Position[]> {
    const rows: unknown = await this.store.dataSource.query(statement.sql, statement.params);
    return Array.isArray(rows) ? rows.filter(isPosition) : [];
  }
}

function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Executions kept forever keep their `done` events too: no walk at all then. */
function doneBefore(cutoff: string, executionsBefore: Position | undefined): string | undefined {
  if (!executionsBefore) return undefined;
  return executionsBefore.at < cutoff ? executionsBefore.at : cutoff;
}

/** The later of two positions in (time, id) order. */
function later(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a || !b) return a ?? b;
  return a.at > b.at || (a.at === b.at && a.id > b.id) ? a : b;
}

function isPosition(row: unknown): row is Position {
  return typeof row === 'object' && row !== null && 'at' in row && typeof row.at === 'string' && 'id' in row && typeof row.id === 'string';
}
