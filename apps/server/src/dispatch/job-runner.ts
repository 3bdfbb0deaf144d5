// Runs one job with the handler and hands its follow-up jobs back to the dispatcher. Follow-ups are
// what keeps the executor free of the dispatcher: it answers them instead of dispatching itself.
import type { Logger } from 'pino';
import type { Dispatcher, ExecutionJob, JobHandler } from './dispatcher';

export class JobRunner {
  constructor(
    private readonly handler: JobHandler,
    private readonly dispatcher: Pick<Dispatcher, 'dispatch'>,
    private readonly logger: Logger,
  ) {}

  /** Rejects when the execution could not be recorded; its event stays accepted in the store. */
  async run(job: ExecutionJob): Promise<void> {
    const followUps = await this.handler.handle(job);
    for (const followUp of followUps) this.dispatcher.dispatch(followUp);
  }

  /** Like run, for dispatchers that only log: the sweeper hands the event out again later. */
  async runLogged(job: ExecutionJob): Promise<void> {
    try {
      await this.run(job);
    } catch (err) {
      this.logger.error({ err, eventId: job.eventId, executionId: job.executionId }, 'execution could not be recorded; its event will run again');
    }
  }
}
