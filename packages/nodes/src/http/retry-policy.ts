// The retry policy of outbound nodes (http, slack) as params the editor shows: how many tries,
// how long to wait, and which answers are worth another try. The http client runs the policy;
// this file only describes it and turns it into the client's shape.
import { z } from 'zod';
import type { HttpRetryPolicy } from '@hookflow/engine';

/** A status code ("503") or a class of them ("5xx"). */
const STATUS_PATTERN = /^([1-5]\d\d|[1-5]xx)$/i;

export const DEFAULT_RETRY_STATUSES: RetryStatus[] = [408, 429, '5xx'];
export const DEFAULT_RETRY = { attempts: 3, backoffMs: 500, maxDelayMs: 30_000, statuses: DEFAULT_RETRY_STATUSES, networkErrors: true };

const retryStatus = z.union([
  z.number().int().min(100, 'a status is between 100 and 599').max(599, 'a status is between 100 and 599'),
  z.string().trim().regex(STATUS_PATTERN, 'use a status such as 503, or a class such as "5xx"'),
]);

export const retryParams = z
  .object({
    attempts: z.number().int().min(1).max(10).default(DEFAULT_RETRY.attempts).meta({
      title: 'Attempts',
      description: 'Total tries, the first one included (1 = no retry).',
      examples: [3],
    }),
    backoffMs: z.number().int().min(0).max(60_000).default(DEFAULT_RETRY.backoffMs).meta({
      title: 'Backoff (ms)',
      description: 'Base wait between tries; it doubles with each try, with random jitter. A Retry-After header from the server wins.',
      examples: [500],
    }),
    maxDelayMs: z.number().int().min(0).max(300_000).default(DEFAULT_RETRY.maxDelayMs).meta({
      title: 'Max delay (ms)',
      description: 'Longest single wait between two tries, Retry-After included.',
      examples: [30_000],
    }),
    statuses: z.array(retryStatus).max(50).default(DEFAULT_RETRY_STATUSES).meta({
      title: 'Retry on statuses',
      description: 'Answer statuses worth another try: codes such as 409, or classes such as "5xx". Default: 408, 429 and every 5xx.',
      examples: [[408, 429, '5xx'], [503]],
    }),
    networkErrors: z.boolean().default(DEFAULT_RETRY.networkErrors).meta({
      title: 'Retry network errors',
      description: 'Also try again when the server cannot be reached or a try times out.',
      examples: [true],
    }),
  })
  .default(DEFAULT_RETRY)
  .meta({
    title: 'Retries',
    description: 'What to do when a call fails in a way that may pass on a new try. A call that still fails after the last try fails the execution, which then waits in the failed list for a replay.',
  });

export type RetryParams = z.output<typeof retryParams>;

/** The client's policy for these params. */
export function toRetryPolicy(params: RetryParams): HttpRetryPolicy {
  return {
    attempts: params.attempts,
    backoffMs: params.backoffMs,
    maxDelayMs: params.maxDelayMs,
    retryOnStatus: statusMatcher(params.statuses),
    retryOnNetworkError: params.networkErrors,
  };
}

/** A predicate for a list of codes and classes ("5xx" matches 500 to 599). */
export function statusMatcher(statuses: readonly RetryStatus[]): (status: number) => boolean {
  const exact = new Set<number>();
  const classes = new Set<number>();
  for (const entry of statuses) {
    const text = String(entry).trim().toLowerCase();
    if (text.endsWith('xx')) classes.add(Number(text[0]));
    else exact.add(Number(text));
  }
  return (status) => exact.has(status) || classes.has(Math.floor(status / 100));
}

export type RetryStatus = z.output<typeof retryStatus>;
