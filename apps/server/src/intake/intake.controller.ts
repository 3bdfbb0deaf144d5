// Public trigger URLs: /hooks/<key>[/<path>]. Translates the HTTP request and nothing more.
import { All, Controller, HttpCode, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { IntakeService } from './intake.service';
import { flatHeaders, flatQuery } from './request-parts';

@ApiExcludeController()
@Controller('hooks')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @All([':key', ':key/*'])
  @HttpCode(202)
  accept(@Req() req: FastifyRequest<{ Params: { key: string; '*'?: string } }>): Promise<{ eventId: string }> {
    return this.intake.accept({
      key: req.params.key,
      suffix: (req.params['*'] ?? '').replace(/^\/+|\/+$/g, ''),
      method: req.method,
      url: req.url,
      headers: flatHeaders(req.headers),
      query: flatQuery(req.query),
      raw: Buffer.isBuffer(req.body) ? req.body : undefined,
    });
  }
}
