// Whether the process is shutting down: set first thing on SIGTERM (graceful-shutdown.ts), so
// /readyz fails at once and a load balancer moves away while running work finishes. A close
// through Nest alone (tests, embedding) sets it too. Long-lived answers (the editor's event
// streams) end on `closing$`, so they do not hold the shutdown up.
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { ReplaySubject } from 'rxjs';

@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  closing = false;
  /** Emits once, when shutting down begins. */
  readonly closing$ = new ReplaySubject<void>(1);

  begin(): void {
    if (this.closing) return;
    this.closing = true;
    this.closing$.next();
    this.closing$.complete();
  }

  beforeApplicationShutdown(): void {
    this.begin();
  }
}
