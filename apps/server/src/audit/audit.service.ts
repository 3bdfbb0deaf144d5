// Writes and reads the audit log. Controllers call record() once an action has succeeded (they
// know the caller; see README.md). An entry that cannot be written is logged as an error and the
// action still answers success: it has already happened, and failing it would invite a retry that
// does it twice.
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { SETTINGS, splitList, type Settings } from '../config/settings';
import { parseRanges, type AddressRange } from '../intake/verification/address-ranges';
import { LOGGER } from '../logging/logger';
import { newRowId } from '../storage/row-id';
import { StoreService } from '../storage/store.service';
import { requestActor, requestAddress } from './audit-actor';
import { isActorKind, isAuditAction, type AuditAction, type AuditActor, type AuditDetails, type AuditEntryDto, type AuditTarget, type AuditTargetType } from './audit-entry';
import { AuditEntity } from './audit.entity';
import { safeDetails } from './safe-details';

const NAME_MAX = 254;
/** Entries that wrote a new version of a flow; their details carry its number. */
const VERSION_ACTIONS: readonly AuditAction[] = ['flow.created', 'flow.imported', 'flow.saved'];

@Injectable()
export class AuditService {
  private readonly trustedProxies: AddressRange[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.trustedProxies = parseRanges(splitList(settings.TRUSTED_PROXIES));
  }

  /** Never throws. `actor` defaults to whoever the request was authenticated as. */
  async record(entry: NewAuditEntry): Promise<void> {
    const row = this.rowOf(entry);
    try {
      await this.store.transaction((manager) => manager.insert(AuditEntity, row));
    } catch (err) {
      const { action, actorKind, actorId, targetType, targetId } = row;
      this.logger.error({ err, audit: { action, actorKind, actorId, targetType, targetId } }, 'audit entry not written; the action itself was done');
    }
  }

  async list(query: AuditQuery): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
    const after = decodeCursor(query.cursor);
    const builder = this.dataSource.getRepository(AuditEntity).createQueryBuilder('a');
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.actor) builder.andWhere('a.actorId = :actor', { actor: query.actor });
    if (after) builder.andWhere('(a.at < :at OR (a.at = :at AND a.id < :id))', after);
    const rows = await builder.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null;
    return { items: page.flatMap(toAuditEntryDto), nextCursor };
  }

  /**
   * Who saved each version of a flow, by version number: the actors of its flow.created,
   * flow.imported and flow.saved entries written at or after `since` (an entry is written just
   * after its version, so `since` is the oldest version's time).
   */
  async versionAuthors({ flowId, since }: { flowId: string; since: string }): Promise<Map<number, AuditActor>> {
    const rows = await this.dataSource
      .getRepository(AuditEntity)
      .createQueryBuilder('a')
      .where('a.action IN (:...actions)', { actions: VERSION_ACTIONS })
      .andWhere('a.targetType = :type AND a.targetId = :flowId AND a.at >= :since', { type: 'flow', flowId, since })
      .getMany();
    const authors = new Map<number, AuditActor>();
    for (const row of rows) {
      const version = parseDetails(row.details).version;
      if (typeof version === 'number' && isActorKind(row.actorKind)) authors.set(version, { kind: row.actorKind, id: row.actorId, name: row.actorName });
    }
    return authors;
  }

  private rowOf({ request, actor, action, target, details }: NewAuditEntry): AuditEntity {
    const who = actor ?? (request ? requestActor(request) : undefined);
    return {
      id: newRowId(),
      at: new Date().toISOString(),
      actorKind: who?.kind ?? 'system',
      actorId: who?.id ?? null,
      actorName: clip(who?.name ?? null),
      action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      targetName: clip(target?.name ?? null),
      ip: request ? requestAddress(request, this.trustedProxies) : null,
      details: details ? JSON.stringify(safeDetails(details)) : null,
    };
  }
}

function clip(text: string | null): string | null {
  return text === null ? null : text.slice(0, NAME_MAX);
}

/** Rows with an action or actor this build does not know (written by a newer one) are left out. */
function toAuditEntryDto(row: AuditEntity): AuditEntryDto[] {
  if (!isAuditAction(row.action) || !isActorKind(row.actorKind)) return [];
  const target = row.targetType && isTargetType(row.targetType) ? { type: row.targetType, id: row.targetId, name: row.targetName } : null;
  return [
    {
      id: row.id,
      at: row.at,
      actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
      action: row.action,
      target,
      ip: row.ip,
      details: parseDetails(row.details),
    },
  ];
}

const TARGET_TYPES: readonly AuditTargetType[] = ['flow', 'credential', 'user', 'api_key', 'event', 'execution'];

function isTargetType(value: string): value is AuditTargetType {
  return TARGET_TYPES.some((type) => type === value);
}

function parseDetails(text: string | null): AuditDetails {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return safeDetails(parsed);
  } catch {
    return {};
  }
}

export interface NewAuditEntry {
  /** The request the action came with: gives the actor (unless given) and the client's address. */
  request?: FastifyRequest;
  actor?: AuditActor;
  action: AuditAction;
  target?: AuditTarget;
  details?: AuditDetails;
}

export interface AuditQuery {
  limit: number;
  cursor?: string;
  action?: string;
  actor?: string;
}
