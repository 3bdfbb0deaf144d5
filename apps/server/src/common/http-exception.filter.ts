// The one place where errors become HTTP answers: domain errors keep their meaning, Fastify's own
// errors (body too large, bad content) keep their status, anything else is a logged 500 that says
// nothing about internals.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { ConflictError, ForbiddenError, IntakeRejection, InvalidInputError, NotFoundError, PayloadTooLargeError, ServiceUnavailableError } from './domain-errors';

interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function errorAnswer(err: unknown, logger: Logger): ErrorAnswer {
  if (err instanceof InvalidInputError) return { status: 400, body: { errors: err.errors } };
  if (err instanceof NotFoundError) return { status: 404, body: { error: 'not_found', message: err.message } };
  if (err instanceof ConflictError) return { status: 409, body: { error: 'conflict', message: err.message } };
  if (err instanceof ForbiddenError) return { status: 403, body: { error: 'forbidden', message: err.message, ...(err.errors.length > 0 ? { errors: err.errors } : {}) } };
  if (err instanceof ServiceUnavailableError) {
    return { status: 503, body: { error: 'unavailable', message: err.message }, headers: { 'retry-after': String(err.retryAfterSeconds) } };
  }
  if (err instanceof PayloadTooLargeError) {
    return { status: 413, body: { error: 'payload_too_large', message: err.message }, headers: { connection: 'close' } };
  }
  if (err instanceof IntakeRejection) {
    return { status: err.status, body: { error: err.code, message: err.message }, headers: err.headers };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    return { status, body: { error: codeFor(status), message: err.message } };
  }
  const fastifyStatus = statusOf(err);
  if (fastifyStatus !== undefined && fastifyStatus >= 400 && fastifyStatus < 500) {
    return { status: fastifyStatus, body: { error: codeFor(fastifyStatus), message: fastifyMessage(err, fastifyStatus) } };
  }
  logger.error({ err }, 'unexpected error');
  return { status: 500, body: { error: 'internal_error', message: 'Something went wrong on our side; it has been logged.' } };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const answer = errorAnswer(err, this.logger);
    if (answer.headers) reply.headers(answer.headers);
    void reply.status(answer.status).send(answer.body);
  }
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('statusCode' in err)) return undefined;
  return typeof err.statusCode === 'number' ? err.statusCode : undefined;
}

function fastifyMessage(err: unknown, status: number): string {
  if (status === 413) return 'The request body is larger than the limit (MAX_BODY_BYTES).';
  return err instanceof Error ? err.message : 'Bad request';
}

function codeFor(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    429: 'too_many_requests',
  };
  return codes[status] ?? 'error';
}
