// The SQL of a pruning pass, for SQLite and PostgreSQL. Reads find one keyset page of candidates,
// oldest first; each delete names the page's ids and checks the rule again itself, so whatever
// changed between the read and the delete (a replay recorded meanwhile) never deletes a row the rule
// keeps. Both engines evaluate a DELETE's WHERE against the rows as they were before the statement,
// so an execution and the later run that took it off the failed list may go in the same statement.
import type { MaintenanceStatement } from '../storage/batch-writer';

export type Dialect = 'sqlite' | 'postgres';

/** A place in a table's (time, id) order. */
export interface Position {
  at: string;
  id: string;
}

/** Statuses of events that will not run again; `accepted` ones are still waiting and never pruned. */
export const FINISHED_EVENT_STATUSES = ['done', 'rejected', 'duplicate', 'dropped'] as const;

export class RetentionSql {
  private readonly executions: string;
  private readonly events: string;

  constructor(
    private readonly dialect: Dialect,
    schema?: string,
  ) {
    const table = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
    this.executions = table('executions');
    this.events = table('events');
  }

  /** The `count`-th newest execution: everything older is beyond EXECUTIONS_MAX_COUNT. */
  nthNewestExecution(count: number): MaintenanceStatement {
    const p = this.params();
    return p.statement(`SELECT "startedAt" AS "at", "id" FROM ${this.executions} ORDER BY "startedAt" DESC, "id" DESC LIMIT ${p.add(1)} OFFSET ${p.add(count - 1)}`);
  }

  /** Executions before `before`, after `after`, oldest first. */
  executionPage({ before, after, limit }: { before: Position; after?: Position; limit: number }): MaintenanceStatement {
    const p = this.params();
    const where = [beforeClause(p, '"startedAt"', before)];
    if (after) where.push(afterClause(p, '"startedAt"', after));
    return p.statement(`SELECT "startedAt" AS "at", "id" FROM ${this.executions} WHERE ${where.join(' AND ')} ORDER BY "startedAt", "id" LIMIT ${p.add(limit)}`);
  }

  /**
   * Deletes those of `ids` the rule lets go: anything but a waiting run (parked at a delay) or a failed execution still on the failed
   * list (an error with no later run of its event, as failed-executions.service.ts defines it),
   * which goes only once it started before `failedBefore` ('' keeps it until replayed).
   */
  deleteExecutions(ids: string[], failedBefore: string): MaintenanceStatement {
    const p = this.params();
    const replaced =
      `EXISTS (SELECT 1 FROM ${this.executions} AS "later" WHERE "later"."eventId" = "e"."eventId" ` +
      `AND ("later"."startedAt" > "e"."startedAt" OR ("later"."startedAt" = "e"."startedAt" AND "later"."id" > "e"."id")))`;
    return p.statement(
      `DELETE FROM ${this.executions} AS "e" WHERE "e"."id" IN ${this.idList(p, ids)} ` +
        `AND "e"."status" <> 'waiting' AND ("e"."status" <> 'error' OR "e"."startedAt" < ${p.add(failedBefore)} OR ${replaced})`,
    );
  }

  /** Events of one finished status received before `before` (a time), after `after`, oldest first. */
  eventPage({ status, before, after, limit }: { status: string; before: string; after?: Position; limit: number }): MaintenanceStatement {
    const p = this.params();
    const where = [`"status" = ${p.add(status)}`, `"receivedAt" < ${p.add(before)}`];
    if (after) where.push(afterClause(p, '"receivedAt"', after));
    return p.statement(`SELECT "receivedAt" AS "at", "id" FROM ${this.events} WHERE ${where.join(' AND ')} ORDER BY "receivedAt", "id" LIMIT ${p.add(limit)}`);
  }

  /** Deletes those of `ids` that are not waiting to run and have no execution left. */
  deleteEvents(ids: string[]): MaintenanceStatement {
    const p = this.params();
    return p.statement(
      `DELETE FROM ${this.events} AS "ev" WHERE "ev"."id" IN ${this.idList(p, ids)} AND "ev"."status" <> 'accepted' ` +
        `AND NOT EXISTS (SELECT 1 FROM ${this.executions} AS "x" WHERE "x"."eventId" = "ev"."id")`,
    );
  }

  /** A list of ids as one JSON parameter, so each page's statement text is the same (prepared once). */
  private idList(p: Params, ids: string[]): string {
    const json = p.add(JSON.stringify(ids));
    return this.dialect === 'sqlite' ? `(SELECT "value" FROM json_each(${json}))` : `(SELECT jsonb_array_elements_text(${json}::jsonb))`;
  }

  private params(): Params {
    return new Params(this.dialect);
  }
}

class Params {
  private readonly values: Array<string | number> = [];

  constructor(private readonly dialect: Dialect) {}

  add(value: string | number): string {
    this.values.push(value);
    return this.dialect === 'sqlite' ? '?' : `$${this.values.length}`;
  }

  statement(sql: string): MaintenanceStatement {
    return { sql, params: this.values };
  }
}

// Written as a range on the time column plus a filter on the id, so both engines walk the
// (time, id) index in order instead of sorting.
function beforeClause(p: Params, time: string, before: Position): string {
  return `${time} <= ${p.add(before.at)} AND (${time} < ${p.add(before.at)} OR "id" < ${p.add(before.id)})`;
}

function afterClause(p: Params, time: string, after: Position): string {
  return `${time} >= ${p.add(after.at)} AND (${time} > ${p.add(after.at)} OR "id" > ${p.add(after.id)})`;
}
