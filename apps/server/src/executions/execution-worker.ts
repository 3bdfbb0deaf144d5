// Where this process starts taking work: in roles that run executions (embedded, all, worker) the
// executor becomes the dispatcher's consumer once the application is assembled.
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Dispatcher } from '../dispatch/dispatcher';
import { ExecutorService } from './executor.service';

@Injectable()
export class ExecutionWorker implements OnApplicationBootstrap {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly executor: ExecutorService,
  ) {}

  onApplicationBootstrap(): void {
    this.dispatcher.consume(this.executor);
  }
}
