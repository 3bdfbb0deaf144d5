// Public trigger URLs: /hooks/<key>[/<path>]. Translates the HTTP request and the intake's answer
// and nothing more; refusals are thrown and answered by the exception filter.
import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IntakeService } from './intake.service';
import { flatHeaders, flatQuery } from './request-parts';

@ApiExcludeController()
@Controller('hooks')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @All([':key', ':key/*'])
  async accept(@Req() req: FastifyRequest<{ Params: { key: string; '*'?: string } }>, @Res() reply: FastifyReply): Promise<void> {
    const answer = await this.intake.receive({
      key: req.params.key,
      suffix: (req.params['*'] ?? '').replace(/^\/+|\/+$/g, ''),
      method: req.method,
      url: req.url,
      headers: flatHeaders(req.headers),
      query: flatQuery(req.query),
      raw: Buffer.isBuffer(req.body) ? req.body : undefined,
      remoteAddress: req.socket.remoteAddress,
    });
    if (answer.headers) void reply.headers(answer.headers);
    await reply.status(answer.status).send(answer.body);
  }
}
