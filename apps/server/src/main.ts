// Every Hookflow process: by ROLE, intake, API and editor (main), executions (worker) or both
// (all, the default); each answers /healthz and /readyz on PORT.
import { getHeapStatistics } from 'node:v8';
import { createApp } from './app.factory';
import { loadSettings, SettingsError } from './config/settings';
import { exitGracefullyOnSignals } from './health/graceful-shutdown';
import { createLogger } from './logging/logger';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings();
  } catch (err) {
    if (err instanceof SettingsError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(settings.LOG_LEVEL);
  const app = await createApp({ settings, logger });
  exitGracefullyOnSignals({ app, settings, logger });
  await app.listen({ port: settings.PORT, host: settings.HOST });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : settings.PORT;
  // With PORT=0 the port is only known now; trigger URLs must carry it.
  if (!settings.PUBLIC_URL) settings.publicUrl = `http://localhost:${port}`;
  const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
  const mode = settings.queueMode ? { mode: 'queue', role: settings.ROLE, workerConcurrency: settings.WORKER_CONCURRENCY } : { mode: 'embedded' };
  const store = settings.DATABASE_URL ? { store: 'postgres' } : { store: 'sqlite', dataDir: settings.dataDir };
  logger.info({ port, heapLimitMb, ...mode, ...store, publicUrl: settings.publicUrl }, `Hookflow is listening on http://localhost:${port}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`Hookflow failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
