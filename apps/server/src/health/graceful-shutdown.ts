// What a process does on SIGTERM (and SIGINT), in this order, so an upgrade or a scale-down loses
// nothing and answers nobody with an error for an event it kept:
//   1. /readyz fails at once (a load balancer or Kubernetes stops sending traffic);
//   2. after SHUTDOWN_DELAY_SECONDS new connections are refused;
//   3. requests already in flight are answered; a request that still arrives on an open
//      keep-alive connection is served too (with `Connection: close`) rather than answered 503;
//   4. running executions get SHUTDOWN_GRACE_SECONDS to finish (the dispatchers' shutdown hook);
//      events still waiting stay accepted in the store and run at the next start;
//   5. the process exits 0.
// Requests still open after the grace (a client sending very slowly) are cut. A second signal, or
// a close that hangs past its bounds, ends the process at once (exit 1).
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { Settings } from '../config/settings';
import { ShutdownState } from './shutdown-state';

/** Time allowed beyond the delay and the grace for the last steps (closing the store, Redis). */
const CLOSE_MARGIN_MS = 10_000;

type Signal = 'SIGTERM' | 'SIGINT';

export function exitGracefullyOnSignals({ app, settings, logger }: { app: NestFastifyApplication; settings: Settings; logger: Logger }): void {
  let started = false;
  const onSignal = (signal: Signal) => {
    if (started) {
      logger.warn({ signal }, 'second signal: stopping now; waiting events run at the next start');
      process.exit(1);
    }
    started = true;
    shutDown({ app, settings, logger, signal }).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function shutDown({ app, settings, logger, signal }: { app: NestFastifyApplication; settings: Settings; logger: Logger; signal: Signal }): Promise<void> {
  const delayMs = settings.SHUTDOWN_DELAY_SECONDS * 1000;
  const graceMs = settings.SHUTDOWN_GRACE_SECONDS * 1000;
  // Requests under way and then running executions each get the grace, at worst one after the other.
  const boundMs = delayMs + 2 * graceMs + CLOSE_MARGIN_MS;
  const deadline = setTimeout(() => {
    logger.error({ afterMs: boundMs }, 'shutdown did not finish in time; stopping now');
    process.exit(1);
  }, boundMs);
  deadline.unref();

  app.get(ShutdownState).begin();
  logger.info({ signal, refuseConnectionsInMs: delayMs, graceMs }, 'shutting down: /readyz now answers 503');
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

  // Stops listening and waits for the requests under way; connections that stay open past the
  // grace (a client sending very slowly) are cut so the shutdown stays bounded.
  const fastify = app.getHttpAdapter().getInstance();
  const cut = setTimeout(() => fastify.server.closeAllConnections(), graceMs);
  cut.unref();
  await fastify.close();
  clearTimeout(cut);
  logger.info('new connections refused; requests under way answered');

  // Nest's shutdown hooks: the dispatcher lets running executions finish (bounded by the grace),
  // then the store and Redis close. Fastify is closed already; closing it again is a no-op.
  await app.close();
  logger.info('stopped');
}
