// Flows and their immutable versions. Every save writes a new version; an active flow runs its
// latest saved version, so saving an active flow must pass the full check, and its author (who
// activates, or saves an active flow) must be allowed to use each credential it names.
import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NodeRegistry } from '@hookflow/engine';
import { parseFlowDocument, type FlowDocument, type ValidationIssue } from '@hookflow/flow-model';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import type { CredentialUser } from '../credentials/credential-access';
import { CredentialUseCheck } from '../credentials/credential-use-check.service';
import { EventEntity } from '../events/event.entity';
import { ExecutionEntity } from '../executions/execution.entity';
import { FlowEntity, FlowVersionEntity } from './flow.entities';
import { StoreService } from '../storage/store.service';
import { FlowChangesService } from '../runtime/flow-changes.service';
import { FlowRuntimeService } from '../runtime/flow-runtime.service';
import { triggerNodeOf } from '../runtime/trigger-node';
import { keepStoredSecrets, redactFlowSecrets } from './flow-secrets';
import { checkFlowDocument } from './flow-check';
import { asKeyConflict, assertKeyFree, withoutNullKey, withStoredKey } from './flow-keys';
import { toFlowDto, toFlowSummary, type FlowDto, type FlowSummaryDto, type TriggerInfo } from './flow-dto';

const DAY = 86_400_000;

@Injectable()
export class FlowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StoreService,
    private readonly registry: NodeRegistry,
    private readonly runtime: FlowRuntimeService,
    private readonly changes: FlowChangesService,
    private readonly credentialUse: CredentialUseCheck,
  ) {}

  async list(): Promise<FlowSummaryDto[]> {
    const flows = await this.dataSource.getRepository(FlowEntity).find({ order: { updatedAt: 'DESC' } });
    const failures = await this.failuresSince(new Date(Date.now() - DAY).toISOString());
    return Promise.all(
      flows.map(async (flow) => {
        const last = await this.dataSource.getRepository(ExecutionEntity).findOne({
          select: { startedAt: true, status: true },
          where: { flowId: flow.id },
          order: { startedAt: 'DESC' },
        });
        const activity = { lastExecutionAt: last?.startedAt ?? null, lastExecutionStatus: last?.status ?? null, failures24h: failures.get(flow.id) ?? 0 };
        return toFlowSummary(flow, this.triggersOf(flow), activity);
      }),
    );
  }

  /** Open failures per flow: error runs since then with no later run of their event, as the failed list counts them. */
  private async failuresSince(since: string): Promise<Map<string, number>> {
    const rows: Array<{ flowId: string; count: string | number }> = await this.dataSource
      .getRepository(ExecutionEntity)
      .createQueryBuilder('e')
      .leftJoin(ExecutionEntity, 'later', 'later.eventId = e.eventId AND (later.startedAt > e.startedAt OR (later.startedAt = e.startedAt AND later.id > e.id))')
      .select('e.flowId', 'flowId')
      .addSelect('COUNT(*)', 'count')
      .where('e.status = :status AND e.startedAt >= :since', { status: 'error', since })
      .andWhere('later.id IS NULL')
      .groupBy('e.flowId')
      .getRawMany();
    return new Map(rows.map((row) => [row.flowId, Number(row.count)]));
  }

  async get(id: string): Promise<FlowDto> {
    const flow = await this.find(id);
    return toFlowDto(this.forAnswer(flow), this.triggersOf(flow), this.testUrlOf(flow), this.check(flow.document));
  }

  async create(input: unknown): Promise<FlowDto> {
    const document = this.parse(input);
    const now = new Date().toISOString();
    const id = randomUUID();
    const flow = await this.saving({ document, flowId: id }, (manager) => {
      const row = manager.create(FlowEntity, {
        id,
        key: null,
        name: document.name,
        document,
        currentVersionId: '',
        currentVersion: 0,
        active: false,
        triggerKey: null,
        createdAt: now,
        updatedAt: now,
      });
      return this.saveVersion(manager, row, document, now);
    });
    return toFlowDto(this.forAnswer(flow), [], this.testUrlOf(flow), this.check(document));
  }

  async update(id: string, input: unknown, { restoredFrom, author }: { restoredFrom?: string; author: CredentialUser }): Promise<FlowDto> {
    // The API answers secrets as "[redacted]"; a document saved back keeps the stored ones, and
    // one without a key keeps the stored key. A restored old version (`restoredFrom`, its id) then
    // gets that version's secrets where the latest has none: a secret rotated since stays rotated.
    const stored = await this.find(id);
    const kept = keepStoredSecrets(input, stored.document);
    const restored = restoredFrom ? keepStoredSecrets(kept, (await this.versionOf(id, restoredFrom)).document) : kept;
    const document = this.parse(withStoredKey(restored, stored.key));
    const validation = this.check(document);
    const refusal = await this.refusalToRun(document, author);
    // An inactive flow that is an active flow's on-error flow runs anyway, on its latest version.
    const runsLive = stored.active || (await this.isOnErrorFlowOfActive(id));
    const flow = await this.saving({ document, flowId: id }, async (manager) => {
      const row = await manager.findOneBy(FlowEntity, { id });
      if (!row) throw new NotFoundError(`No flow with id ${id}.`);
      if (row.active && !validation.valid) throw new InvalidInputError(validation.errors);
      if ((row.active || runsLive) && refusal) throw refusal;
      return this.saveVersion(manager, row, document, new Date().toISOString());
    });
    this.changes.changed(flow.triggerKey);
    return toFlowDto(this.forAnswer(flow), this.triggersOf(flow), this.testUrlOf(flow), validation);
  }

  /**
   * Why `author` may not make this document run live, if they may not: a credential it names, or
   * one its on-error flow's latest version names (that flow runs when this one fails, active or not).
   */
  private async refusalToRun(document: FlowDocument, author: CredentialUser): Promise<Error | undefined> {
    const own = await this.credentialUse.refusal({ document, author });
    if (own) return own;
    const errorFlowId = document.settings?.onErrorFlowId;
    const errorFlow = errorFlowId ? await this.dataSource.getRepository(FlowEntity).findOneBy({ id: errorFlowId }) : null;
    return errorFlow ? this.credentialUse.refusal({ document: errorFlow.document, author }) : undefined;
  }

  private async isOnErrorFlowOfActive(id: string): Promise<boolean> {
    const active = await this.dataSource.getRepository(FlowEntity).find({ select: { id: true, document: true }, where: { active: true } });
    return active.some((flow) => flow.document.settings?.onErrorFlowId === id);
  }

  /** A version of this flow; another flow's version is refused like an unknown one. */
  async versionOf(flowId: string, versionId: string): Promise<FlowVersionEntity> {
    const version = await this.dataSource.getRepository(FlowVersionEntity).findOneBy({ id: versionId, flowId });
    if (!version) throw new NotFoundError(`Flow ${flowId} has no version with id ${versionId}.`);
    return version;
  }

  async remove(id: string): Promise<void> {
    const flow = await this.find(id);
    await this.store.transaction(async (manager) => {
      await manager.delete(ExecutionEntity, { flowId: id });
      await manager.delete(EventEntity, { flowId: id });
      await manager.delete(FlowVersionEntity, { flowId: id });
      await manager.delete(FlowEntity, { id });
    });
    this.changes.changed(flow.triggerKey);
  }

  async activate(id: string, author: CredentialUser): Promise<FlowDto> {
    const existing = await this.find(id);
    const validation = this.check(existing.document);
    if (!validation.valid) throw new InvalidInputError(validation.errors);
    const refusal = await this.refusalToRun(existing.document, author);
    if (refusal) throw refusal;
    const flow = await this.store.transaction(async (manager) => {
      const row = await manager.findOneBy(FlowEntity, { id });
      if (!row) throw new NotFoundError(`No flow with id ${id}.`);
      if (row.currentVersionId !== existing.currentVersionId) throw new ConflictError('The flow changed while activating; try again.');
      row.active = true;
      row.triggerKey ??= randomBytes(18).toString('base64url');
      row.updatedAt = new Date().toISOString();
      return manager.save(row);
    });
    this.changes.changed(flow.triggerKey);
    return toFlowDto(this.forAnswer(flow), this.triggersOf(flow), this.testUrlOf(flow), validation);
  }

  async deactivate(id: string): Promise<FlowDto> {
    const flow = await this.store.transaction(async (manager) => {
      const row = await manager.findOneBy(FlowEntity, { id });
      if (!row) throw new NotFoundError(`No flow with id ${id}.`);
      row.active = false;
      row.updatedAt = new Date().toISOString();
      return manager.save(row);
    });
    this.changes.changed(flow.triggerKey);
    return toFlowDto(this.forAnswer(flow), this.triggersOf(flow), this.testUrlOf(flow));
  }

  async find(id: string): Promise<FlowEntity> {
    const flow = await this.dataSource.getRepository(FlowEntity).findOneBy({ id });
    if (!flow) throw new NotFoundError(`No flow with id ${id}.`);
    return flow;
  }

  /** The full check: graph, node types, params and templates. */
  check(document: FlowDocument): { valid: boolean; errors: ValidationIssue[] } {
    return checkFlowDocument(document, this.registry);
  }

  triggersOf(flow: FlowEntity): TriggerInfo[] {
    const node = triggerNodeOf(flow.document, this.registry);
    if (node?.type !== 'webhook' || !flow.triggerKey) return [];
    return [{ nodeId: node.id, method: node.method, url: this.runtime.triggerUrl(flow.triggerKey, node.path) }];
  }

  testUrlOf(flow: FlowEntity): string {
    return this.runtime.testUrl(flow.id, triggerNodeOf(flow.document, this.registry)?.path ?? '');
  }

  /** The flow as answered: secrets in node params replaced by "[redacted]". */
  private forAnswer(flow: FlowEntity): FlowEntity {
    return { ...flow, document: redactFlowSecrets(flow.document, this.registry) };
  }

  private parse(input: unknown): FlowDocument {
    const parsed = parseFlowDocument(input);
    if (!parsed.ok) throw new InvalidInputError(parsed.errors);
    return withoutNullKey(parsed.value);
  }

  /** A save in one transaction that first refuses a key another flow has. */
  private async saving(
    { document, flowId }: { document: FlowDocument; flowId: string },
    save: (manager: EntityManager) => Promise<FlowEntity>,
  ): Promise<FlowEntity> {
    const key = document.key ?? null;
    try {
      return await this.store.transaction(async (manager) => {
        await assertKeyFree(manager, { key, flowId });
        return save(manager);
      });
    } catch (err) {
      throw asKeyConflict(err, key);
    }
  }

  private async saveVersion(manager: EntityManager, flow: FlowEntity, document: FlowDocument, now: string): Promise<FlowEntity> {
    const version = manager.create(FlowVersionEntity, {
      id: randomUUID(),
      flowId: flow.id,
      version: flow.currentVersion + 1,
      document,
      createdAt: now,
    });
    await manager.save(version);
    flow.name = document.name;
    flow.key = document.key ?? null;
    flow.document = document;
    flow.currentVersionId = version.id;
    flow.currentVersion = version.version;
    flow.updatedAt = now;
    return manager.save(flow);
  }
}
