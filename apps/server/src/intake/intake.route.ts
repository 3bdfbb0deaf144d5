// Public trigger URLs: /hooks/<key>[/<path>]. Registered on Fastify itself rather than as a Nest
// controller, because intake is the hot path and Nest's per-request pipeline (guards,
// interceptors, pipes, filters, a route context) has nothing to do here: trigger URLs are public
// (each trigger's own checks decide who may call it), and errors are answered by the same
// errorAnswer as every API route. Translates the HTTP request and the intake's answer, nothing more.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { IntakeRejection } from '../common/domain-errors';
import { errorAnswer } from '../common/http-exception.filter';
import { refusedBeforeIntake } from '../metrics/trigger-outcome';
import { triggerPath } from '../runtime/trigger-node';
import type { IntakeService } from './intake.service';
import { flatHeaders, flatQuery } from './request-parts';

interface HookParams {
  key: string;
  '*'?: string;
}
type HookRequest = FastifyRequest<{ Params: HookParams }>;

export function registerIntakeRoutes(fastify: FastifyInstance, intake: IntakeService, logger: Logger): void {
  const handler = async (req: HookRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (req.params.key === '') {
      const err = new IntakeRejection(404, 'unknown_trigger', 'The URL has no trigger key: it should look like /hooks/<key>.');
      intake.refusedEarly({ key: '', err, seconds: reply.elapsedTime / 1000 });
      throw err;
    }
    const answer = await intake.receive({
      key: req.params.key,
      suffix: triggerPath(req.params['*'] ?? ''),
      method: req.method,
      url: req.url,
      headers: flatHeaders(req.headers),
      query: flatQuery(req.query),
      raw: Buffer.isBuffer(req.body) ? req.body : undefined,
      remoteAddress: req.socket.remoteAddress,
    });
    if (answer.headers) void reply.headers(answer.headers);
    return reply.status(answer.status).send(answer.body);
  };
  const errorHandler = (err: unknown, req: HookRequest, reply: FastifyReply): void => {
    // Errors from receive() were counted there; Fastify's own (body too large) never reached it.
    if (refusedBeforeIntake(err)) intake.refusedEarly({ key: req.params.key, err, seconds: reply.elapsedTime / 1000 });
    const answer = errorAnswer(err, logger);
    if (answer.headers) void reply.headers(answer.headers);
    void reply.status(answer.status).send(answer.body);
  };
  fastify.all<{ Params: HookParams }>('/hooks/:key', { errorHandler }, handler);
  fastify.all<{ Params: HookParams }>('/hooks/:key/*', { errorHandler }, handler);
}
