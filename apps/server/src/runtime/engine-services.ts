// What the engine may use while running one execution: the shared HTTP client (counted by node
// type when metrics are on), credentials, settings, the code sandbox and a logger that carries the
// event and execution ids.
import { Inject, Injectable } from '@nestjs/common';
import type { CodeSandbox, EngineServices, HttpClient } from '@hookflow/engine';
import type { Logger } from 'pino';
import { SETTINGS, type Settings } from '../config/settings';
import { EngineCredentialStore } from '../credentials/engine-credential-store';
import { LOGGER } from '../logging/logger';
import { MetricsService } from '../metrics/metrics.service';
import { CODE_SANDBOX } from '../sandbox/sandbox.tokens';
import { HTTP_CLIENT } from './tokens';

@Injectable()
export class EngineServicesFactory {
  private readonly settingsForNodes: Record<string, string | undefined>;
  private readonly httpFor: ((nodeType: string) => HttpClient) | undefined;

  constructor(
    @Inject(HTTP_CLIENT) private readonly http: HttpClient,
    @Inject(SETTINGS) settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly credentials: EngineCredentialStore,
    metrics: MetricsService,
    @Inject(CODE_SANDBOX) private readonly sandbox: CodeSandbox,
  ) {
    this.settingsForNodes = {
      SLACK_API_URL: settings.SLACK_API_URL,
      CODE_MAX_TIMEOUT_MS: String(settings.CODE_MAX_TIMEOUT_MS),
      CODE_MAX_MEMORY_MB: String(settings.CODE_MAX_MEMORY_MB),
    };
    this.httpFor = metrics.meterHttp(http);
  }

  forExecution(ids: { eventId: string; executionId: string; flowId: string }): EngineServices {
    // Made on first use: most executions log nothing, and a pino child per execution is not free.
    let child: Logger | undefined;
    const log = (): Logger => (child ??= this.logger.child(ids));
    return {
      http: this.http,
      httpFor: this.httpFor,
      credentials: this.credentials,
      settings: this.settingsForNodes,
      sandbox: this.sandbox,
      now: () => new Date(),
      logger: {
        debug: (msg, data) => log().debug(data ?? {}, msg),
        info: (msg, data) => log().info(data ?? {}, msg),
        warn: (msg, data) => log().warn(data ?? {}, msg),
        error: (msg, data) => log().error(data ?? {}, msg),
      },
    };
  }
}
