// Whether the process is shutting down: set first thing on SIGTERM, so /readyz fails at once and a
// load balancer moves away while running work finishes.
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  closing = false;

  beforeApplicationShutdown(): void {
    this.closing = true;
  }
}
