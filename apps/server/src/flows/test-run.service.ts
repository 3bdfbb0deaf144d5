// The editor's "test" button: runs a flow's current draft on a sample payload, synchronously and
// without a webhook, and returns every step. Nothing is stored, but the run really uses the
// credentials it names, so whoever runs it must be allowed to use them.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { compileFlow, NodeRegistry, runFlow, type ExecutionResult } from '@hookflow/engine';
import type { TriggerOutput } from '@hookflow/flow-model';
import { z } from 'zod';
import { InvalidInputError } from '../common/domain-errors';
import type { CredentialUser } from '../credentials/credential-access';
import { CredentialUseCheck } from '../credentials/credential-use-check.service';
import { EngineServicesFactory } from '../runtime/engine-services';
import { toTriggerOutput } from '../events/trigger-output';
import { triggerNodeOf } from '../runtime/trigger-node';
import { keepStoredSecrets } from './flow-secrets';
import { FlowsService } from './flows.service';

export const TestRunSchema = z.object({
  payload: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  method: z.string().optional(),
  /** An unsaved draft to run instead of the saved one. */
  flow: z.unknown().optional(),
});

export type TestRunRequest = z.output<typeof TestRunSchema>;

@Injectable()
export class TestRunService {
  constructor(
    private readonly flows: FlowsService,
    private readonly registry: NodeRegistry,
    private readonly services: EngineServicesFactory,
    private readonly credentialUse: CredentialUseCheck,
  ) {}

  async run({ flowId, request, author }: { flowId: string; request: TestRunRequest; author: CredentialUser }): Promise<ExecutionResult & { eventId: string }> {
    const saved = await this.flows.find(flowId);
    // A draft from the editor carries "[redacted]" where the saved flow has secrets.
    const draft = request.flow === undefined ? undefined : keepStoredSecrets(request.flow, saved.document);
    const compiled = compileFlow({ flow: draft ?? saved.document, registry: this.registry });
    if (!compiled.ok) throw new InvalidInputError(compiled.errors);
    await this.credentialUse.assertMayUse({ document: compiled.value.document, author });
    const trigger = sampleTrigger(request, triggerNodeOf(saved.document, this.registry)?.method);
    const eventId = trigger.eventId;
    const result = await runFlow({
      compiled: compiled.value,
      flow: { id: saved.id, name: saved.name },
      trigger,
      services: this.services.forExecution({ eventId, executionId: eventId, flowId }),
    });
    return { ...result, eventId };
  }
}

/**
 * The trigger output a test starts from: the editor's sample as a request to the trigger (its
 * method unless the sample names one), under an event id of its own that is never stored.
 */
export function sampleTrigger(request: Pick<TestRunRequest, 'headers' | 'query' | 'method' | 'payload'>, triggerMethod: string | undefined): TriggerOutput {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const method = (request.method ?? triggerMethod ?? 'POST').toUpperCase();
  return toTriggerOutput({ id: `test-${randomUUID()}`, method, headers, query: request.query, body: request.payload ?? null, receivedAt: new Date().toISOString() });
}
