// The seam between accepting an event and running it. The store is the source of truth; a
// dispatcher only carries ids. Two implementations: in this process (in-process.dispatcher.ts) and
// Bull on Redis (bull.dispatcher.ts); one contract test suite runs against both.

export interface ExecutionJob {
  eventId: string;
  /**
   * Id the execution is stored under; also the job's id, so handing the same work over twice runs
   * it once. An event's first run uses the event's own id (see firstRunOf).
   */
  executionId: string;
  /** Version to run; defaults to the version the event was accepted for. */
  flowVersionId?: string;
  /** Set when re-running a past execution. */
  retryOf?: string;
  /**
   * Goes on with the run parked under executionId (a delay's time came): the lease its claim set
   * (resumeAt as claimed), so a stale or repeated job finds the run claimed again, or gone on, and stops.
   */
  resume?: string;
}

/** The job of an event's first run: its execution id is the event id, wherever it is handed out from. */
export function firstRunOf(eventId: string): ExecutionJob {
  return { eventId, executionId: eventId };
}

/** The job that resumes a parked run: a job of its own, so it never waits behind the run that parked. */
export function resumeOf(run: { eventId: string; executionId: string; lease: string }): ExecutionJob {
  return { eventId: run.eventId, executionId: run.executionId, resume: run.lease };
}

/** What makes two jobs the same work: the execution, and whether it starts or resumes (which claim). */
export function jobKey(job: ExecutionJob): string {
  return job.resume ? `${job.executionId}:resume:${job.resume}` : job.executionId;
}

export interface DispatchCounts {
  waiting: number;
  running: number;
}

export abstract class Dispatcher {
  /**
   * Hands a job over and returns at once; never throws. A job whose execution id is already
   * waiting or running is not added again. If the hand-over fails, the event is still accepted in
   * the store and the sweeper hands it out again.
   */
  abstract dispatch(job: ExecutionJob): void;
  /** Hands jobs over, waiting while the queue is long; rejects when they could not be handed over. */
  abstract dispatchAll(jobs: ExecutionJob[]): Promise<void>;
  /** From now on this process runs jobs with the handler (roles all and worker). */
  abstract consume(handler: JobHandler): void;
  /** Jobs waiting and running, as far as this dispatcher can see. */
  abstract counts(): Promise<DispatchCounts>;
  /** Whether work can be handed over right now (queue mode: Redis answers). */
  abstract reachable(): Promise<boolean>;
}

export abstract class JobHandler {
  /** Runs one job and records it; answers the follow-up jobs to hand out (an on-error flow's run). */
  abstract handle(job: ExecutionJob): Promise<ExecutionJob[]>;
}

/**
 * The in-process dispatcher's own view of its work, which only a single process can give: how much
 * is waiting here, and when it is all done (tests, graceful shutdown, paced recovery).
 */
export abstract class LocalDrain {
  abstract get backlog(): number;
  /** Resolves when the backlog is at most `size`. */
  abstract waitForBacklogBelow(size: number): Promise<void>;
  /** Resolves once nothing is waiting or running. */
  abstract whenIdle(): Promise<void>;
}
