// Structured JSON logs through pino; Nest's own messages go through the same logger.
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Fields that may hold secrets if anything ever logs them: auth headers, credential fields,
 * secret settings, and the bound parameters TypeORM attaches to a failed query (row values).
 */
const REDACT_PATHS = [
  ...['authorization', 'cookie', 'set-cookie', 'x-api-key'].flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`, `req.headers["${name}"]`]),
  ...['password', 'token', 'secret', 'webhookUrl', 'ENCRYPTION_KEY', 'OWNER_PASSWORD'].flatMap((name) => [name, `*.${name}`]),
  'err.parameters',
  '*.err.parameters',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'hookflow' }, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  // Nest's own progress messages (modules loaded, routes mapped) are debug detail.
  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

export const LOGGER = Symbol('LOGGER');
