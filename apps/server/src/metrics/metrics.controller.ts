// GET /metrics for Prometheus, in every role. Outside /api, so the auth guard lets it through
// without a session (like /healthz); METRICS_TOKEN, when set, is its own bearer check.
import { Controller, Get, Header, Inject, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../common/domain-errors';
import { SETTINGS, type Settings } from '../config/settings';
import { safeEqual } from '../intake/verification/constant-time';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get('metrics')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (text format); needs "Authorization: Bearer <METRICS_TOKEN>" when that is set' })
  async scrape(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!this.settings.METRICS_ENABLED) throw new NotFoundError('Metrics are turned off on this server (METRICS_ENABLED=false).');
    const token = this.settings.METRICS_TOKEN;
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      void reply.header('www-authenticate', 'Bearer realm="hookflow-metrics"');
      throw new UnauthorizedException('Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".');
    }
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.exposition();
  }
}

/** Compared in constant time, so the token cannot be guessed from how long a refusal takes. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header === undefined ? undefined : /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return safeEqual(given ?? '', token);
}
