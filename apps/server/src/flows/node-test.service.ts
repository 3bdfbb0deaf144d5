// The editor's "Test this node": runs one node of a flow's draft on its own, with the sample as its
// trigger and outputs of earlier nodes the editor holds (from its last test run or execution), and
// answers that one step. Nothing is stored and no other node runs, but the node really runs: an
// http or slack node calls its endpoint with the credentials it names.
import { Injectable } from '@nestjs/common';
import { compileFlow, NodeRegistry, runNode } from '@hookflow/engine';
import type { StepRecord } from '@hookflow/flow-model';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import type { CredentialUser } from '../credentials/credential-access';
import { CredentialUseCheck } from '../credentials/credential-use-check.service';
import { EngineServicesFactory } from '../runtime/engine-services';
import { triggerNodeOf } from '../runtime/trigger-node';
import { keepStoredSecrets } from './flow-secrets';
import { FlowsService } from './flows.service';
import { sampleTrigger, TestRunSchema } from './test-run.service';

export const NodeTestSchema = TestRunSchema.extend({
  /** Outputs of earlier nodes, by node id, as the node's templates read them (`nodes.<id>`). */
  nodes: z.record(z.string(), z.unknown()).default({}),
});

export type NodeTestRequest = z.output<typeof NodeTestSchema>;

@Injectable()
export class NodeTestService {
  constructor(
    private readonly flows: FlowsService,
    private readonly registry: NodeRegistry,
    private readonly services: EngineServicesFactory,
    private readonly credentialUse: CredentialUseCheck,
  ) {}

  async test({ flowId, nodeId, request, author }: { flowId: string; nodeId: string; request: NodeTestRequest; author: CredentialUser }): Promise<{ step: StepRecord }> {
    const saved = await this.flows.find(flowId);
    // A draft from the editor carries "[redacted]" where the saved flow has secrets.
    const draft = request.flow === undefined ? undefined : keepStoredSecrets(request.flow, saved.document);
    // A template elsewhere that reads a missing node fails that node's step, not this test.
    const compiled = compileFlow({ flow: draft ?? saved.document, registry: this.registry, brokenReferences: 'fail-step' });
    if (!compiled.ok) throw new InvalidInputError(compiled.errors);
    const { document } = compiled.value;
    const node = document.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) throw new NotFoundError(`No node "${nodeId}" in this flow${draft ? "'s draft" : ''}.`);
    await this.credentialUse.assertMayUse({ document: { ...document, nodes: [node] }, author });
    const trigger = sampleTrigger(request, triggerNodeOf(saved.document, this.registry)?.method);
    const eventId = trigger.eventId;
    const step = await runNode({
      compiled: compiled.value,
      nodeId,
      trigger,
      nodes: request.nodes,
      flow: { id: saved.id, name: saved.name },
      services: this.services.forExecution({ eventId, executionId: eventId, flowId }),
    });
    return { step };
  }
}
