// A pino logger whose JSON lines are kept in memory, so a test can search everything the server
// logged (e.g. that a secret never appears).
import type { Logger } from 'pino';
import { createLogger } from '../../src/logging/logger';

export interface CapturedLogs {
  logger: Logger;
  lines: string[];
  text(): string;
}

export function captureLogs(level = 'debug'): CapturedLogs {
  const lines: string[] = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { logger, lines, text: () => lines.join('') };
}
