// Replays failed executions: one, a selection, or every failed execution of a flow, on the version
// each one ran or on the flow's current version. A replay is a new execution of the same stored
// event (retryOf points at the execution it replays), dispatched like any other.
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { z } from 'zod';
import { InvalidInputError } from '../common/domain-errors';
import type { CredentialUser } from '../credentials/credential-access';
import { CredentialUseCheck } from '../credentials/credential-use-check.service';
import { Dispatcher } from '../dispatch/dispatcher';
import { FlowEntity, FlowVersionEntity } from '../flows/flow.entities';
import { newRowId } from '../storage/row-id';
import { ExecutionEntity } from './execution.entity';
import { FailedExecutionsService, type FailedRef } from './failed-executions.service';

export const MAX_REPLAY_SELECTION = 1_000;

export const ReplayRequestSchema = z
  .object({
    executionIds: z.array(z.string().min(1).max(36)).min(1, 'select at least one execution').max(MAX_REPLAY_SELECTION).optional(),
    flowId: z.string().min(1).max(36).optional(),
    allFailed: z.boolean().optional(),
    version: z.enum(['original', 'current']).default('original'),
  })
  .strict()
  .superRefine((request, issue) => {
    const all = request.allFailed === true;
    if (all && !request.flowId) issue.addIssue({ code: 'custom', path: ['flowId'], message: 'allFailed replays the failed executions of one flow: give its flowId' });
    if (all && request.executionIds) issue.addIssue({ code: 'custom', path: ['executionIds'], message: 'give either executionIds or allFailed, not both' });
    if (!all && !request.executionIds) issue.addIssue({ code: 'custom', path: ['executionIds'], message: 'give the executionIds to replay, or flowId with allFailed: true' });
  });

export type ReplayRequest = z.output<typeof ReplayRequestSchema>;

export interface ReplayedExecution {
  /** The new execution's id. */
  executionId: string;
  retryOf: string;
  eventId: string;
  flowVersionId: string;
}

@Injectable()
export class ReplayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly failed: FailedExecutionsService,
    private readonly credentialUse: CredentialUseCheck,
  ) {}

  /** The replayed runs, and the flows they belong to (for the audit log; not part of the answer). */
  async replay(request: ReplayRequest, author: CredentialUser): Promise<{ replayed: ReplayedExecution[]; flowIds: string[] }> {
    const targets = request.executionIds ? await this.selected(request.executionIds, request.flowId) : await this.allFailed(request.flowId ?? '');
    const currentVersions = request.version === 'current' ? await this.currentVersions(targets) : new Map<string, string>();
    // The current version may be a draft nobody activated: whoever replays on it must be allowed
    // to use its credentials, as whoever activates it must.
    await this.assertMayRun([...new Set(currentVersions.values())], author);
    const jobs = targets.map((target) => ({
      eventId: target.eventId,
      executionId: newRowId(),
      flowVersionId: currentVersions.get(target.flowId) ?? target.flowVersionId,
      retryOf: target.id,
    }));
    // A replay that cannot be handed over fails here, and its execution stays on the failed list.
    await this.dispatcher.dispatchAll(jobs);
    return { replayed: jobs, flowIds: [...new Set(targets.map((target) => target.flowId))] };
  }

  private async selected(ids: string[], flowId: string | undefined): Promise<FailedRef[]> {
    const unique = [...new Set(ids)];
    const rows = await this.dataSource.getRepository(ExecutionEntity).find({
      select: { id: true, flowId: true, eventId: true, flowVersionId: true, status: true },
      where: { id: In(unique) },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const problems = unique.flatMap((id) => {
      const row = byId.get(id);
      const path = `executionIds.${ids.indexOf(id)}`;
      if (!row) return [{ path, message: `no execution with id ${id}` }];
      if (flowId && row.flowId !== flowId) return [{ path, message: `execution ${id} belongs to another flow` }];
      if (row.status === 'waiting') return [{ path, message: `execution ${id} is waiting at a delay and goes on by itself; it cannot be replayed while it waits` }];
      return [];
    });
    if (problems.length > 0) throw new InvalidInputError(problems);
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  private allFailed(flowId: string): Promise<FailedRef[]> {
    return this.failed.allOfFlow(flowId);
  }

  private async assertMayRun(versionIds: string[], author: CredentialUser): Promise<void> {
    if (versionIds.length === 0) return;
    const versions = await this.dataSource.getRepository(FlowVersionEntity).find({ select: { id: true, document: true }, where: { id: In(versionIds) } });
    for (const version of versions) await this.credentialUse.assertMayUse({ document: version.document, author });
  }

  private async currentVersions(targets: FailedRef[]): Promise<Map<string, string>> {
    const flowIds = [...new Set(targets.map((target) => target.flowId))];
    if (flowIds.length === 0) return new Map();
    const flows = await this.dataSource.getRepository(FlowEntity).find({ select: { id: true, currentVersionId: true }, where: { id: In(flowIds) } });
    return new Map(flows.map((flow) => [flow.id, flow.currentVersionId]));
  }
}
