// After a Retry, a Replay or a Re-send the server answers at once and runs the event afterwards, so
// lists refreshed on that answer still show the old state until their next poll (10-30 s later).
// This waits, polling briefly, until what was started is done, then refreshes every view of it.
import type { QueryClient } from '@tanstack/react-query';
import { api } from './endpoints';
import { ApiError } from './http';
import { queryKeys } from './query-keys';

/** Backoff between checks; about 15 s in all, then the lists' own polling takes over. */
const DELAYS_MS = [200, 300, 500, 1000, 1000, 2000, 2000, 4000, 4000];

export interface StartedRuns {
  flowId: string;
  /** Executions started (retry, replay): done once the server has stored them. */
  executionIds?: readonly string[];
  /** An event sent again: done once it is no longer "accepted". */
  eventId?: string;
}

export async function refreshAfterRuns(queryClient: QueryClient, started: StartedRuns): Promise<void> {
  refresh(queryClient, started.flowId);
  for (const delay of DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (await isDone(started)) break;
  }
  refresh(queryClient, started.flowId);
  for (const id of started.executionIds ?? []) void queryClient.invalidateQueries({ queryKey: queryKeys.execution(id) });
}

async function isDone({ flowId, executionIds = [], eventId }: StartedRuns): Promise<boolean> {
  try {
    for (const id of executionIds) await api.execution(id);
    if (eventId) {
      const events = await api.events({ flowId, limit: 50 });
      if (events.items.some((event) => event.id === eventId && event.status === 'accepted')) return false;
    }
    return true;
  } catch (error) {
    // Not stored yet: an execution is written when it ends.
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

function refresh(queryClient: QueryClient, flowId: string): void {
  void queryClient.invalidateQueries({ queryKey: ['executions', flowId] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.executionStats(flowId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.events(flowId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.flows, exact: true });
}
