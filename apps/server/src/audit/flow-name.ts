// The name a flow has now, for entries about its events and executions; null once it is deleted
// (a run can be retried while its flow is being deleted: the entry is still written).
import { NotFoundError } from '../common/domain-errors';
import type { FlowsService } from '../flows/flows.service';

export async function flowNameOf(flows: FlowsService, flowId: string): Promise<string | null> {
  try {
    return (await flows.find(flowId)).name;
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
