// The seam between accepting an event and running it. The store is the source of truth; a
// dispatcher only carries work. In-process today; a Bull/Redis dispatcher plugs in here.
import type { TriggerOutput } from '@hookflow/flow-model';

export interface ExecutionJob {
  eventId: string;
  /** Id the execution will be stored under (known up front so a retry can answer with it). */
  executionId: string;
  /** Version to run; defaults to the version the event was accepted for. */
  flowVersionId?: string;
  /** Set when re-running a past execution. */
  retryOf?: string;
  /** In-process hint: the event's trigger output, so the executor need not read it back. */
  trigger?: TriggerOutput;
  /** Size of the request body behind `trigger`, so a backlog can bound the memory it holds. */
  payloadBytes?: number;
}

export abstract class Dispatcher {
  /** Hands a job over; never throws (the store keeps the event if the job is lost). */
  abstract dispatch(job: ExecutionJob): void;
  /** Jobs waiting or running in this process. */
  abstract get backlog(): number;
  /** Resolves when the backlog is at most `size`. */
  abstract waitForBacklogBelow(size: number): Promise<void>;
  /** Resolves once nothing is waiting or running. */
  abstract whenIdle(): Promise<void>;
}

export abstract class JobHandler {
  abstract handle(job: ExecutionJob): Promise<void>;
}
