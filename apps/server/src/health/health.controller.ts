// Probes for Docker and orchestrators, in every role. /healthz is liveness: the process answers and
// its store does. /readyz says whether to send it traffic: the store answers (and so its
// migrations ran, which happens before the server listens), in queue mode Redis answers, and the
// process is not shutting down.
import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { SETTINGS, type Settings } from '../config/settings';
import { Dispatcher } from '../dispatch/dispatcher';
import { ShutdownState } from './shutdown-state';

const PROBE_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: Dispatcher,
    private readonly shutdown: ShutdownState,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get('healthz')
  @ApiOperation({ summary: 'Liveness and store check' })
  async health() {
    if (!(await this.storeAnswers())) throw new HttpException({ status: 'error', store: 'unreachable' }, 503);
    const counts = await withTimeout(this.dispatcher.counts(), undefined);
    return { status: 'ok', role: this.settings.ROLE, store: this.dataSource.options.type, backlog: counts ? counts.waiting + counts.running : null };
  }

  @Get('readyz')
  @ApiOperation({ summary: 'Readiness: store and (queue mode) Redis answer, and the process is not shutting down' })
  async ready() {
    const [store, queue] = await Promise.all([this.storeAnswers(), withTimeout(this.dispatcher.reachable(), false)]);
    const checks = { store: store ? 'ok' : 'unreachable', queue: queue ? 'ok' : 'unreachable', shuttingDown: this.shutdown.closing };
    if (!store || !queue || this.shutdown.closing) throw new HttpException({ status: 'not_ready', ...checks }, 503);
    return { status: 'ready', ...checks };
  }

  private async storeAnswers(): Promise<boolean> {
    return withTimeout(
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      false,
    );
  }
}

function withTimeout<T, F>(promise: Promise<T>, fallback: F): Promise<T | F> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), PROBE_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
