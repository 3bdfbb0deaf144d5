// Typed settings, read once from the environment at start-up and validated: a wrong value stops
// the process with a message naming the variable, rather than failing later.
import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { allowlistEntryProblem } from '@hookflow/engine';
import { z } from 'zod';
import { decodeEncryptionKey, ENCRYPTION_KEY_HINT } from '../credentials/encryption-key-format';

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const SettingsSchema = z.object({
  PORT: integer(3000, 0, 65535).describe('TCP port of the HTTP server.'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Address to listen on.'),
  DATA_DIR: z.string().min(1).default('./data').describe('Folder of the SQLite file (and, later, generated keys).'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded SQLite store)')
    .optional()
    .describe('PostgreSQL connection URL; unset means SQLite in DATA_DIR.'),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional().describe('PostgreSQL schema to use (default: public).'),
  PUBLIC_URL: z.string().url().optional().describe('Base of the trigger URLs shown to users; default http://localhost:PORT.'),
  MAX_BODY_BYTES: integer(1024 * 1024, 1024, 100 * 1024 * 1024).describe('Largest webhook body accepted, in bytes.'),
  MAX_JSON_DEPTH: integer(64, 4, 1000).describe('Deepest nesting accepted in a JSON or XML body.'),
  MAX_JSON_KEYS: integer(10_000, 10, 1_000_000).describe('Most keys and array items accepted in one body.'),
  EXECUTION_CONCURRENCY: integer(64, 1, 10_000).describe('Executions run at once by this process (embedded mode).'),
  DATABASE_POOL_SIZE: integer(10, 1, 1_000).describe('PostgreSQL connections per process.'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss:// (leave it unset for the embedded mode)')
    .optional()
    .describe('Redis for queue mode (Bull); unset means executions run in this process.'),
  ROLE: z.enum(['all', 'main', 'worker']).default('all').describe('Queue mode: main (API, editor, intake, recovery), worker (executions only) or all (both).'),
  WORKER_CONCURRENCY: integer(10, 1, 1_000).describe('Queue mode: executions run at once by each worker process.'),
  REDISPATCH_AFTER_SECONDS: integer(60, 1, 86_400).describe('An event still waiting this long with no execution under way is handed out again.'),
  SCHEDULE_MISSED_AFTER_SECONDS: integer(60, 1, 3_600).describe('A schedule tick not fired this long after its time (no server was running, or it was stalled) is skipped and logged, not run late.'),
  STALLED_JOB_SECONDS: integer(30, 1, 3_600).describe('Queue mode: a job whose worker stopped renewing its lock this long ago (it died) runs again on another worker.'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'use up to 64 letters, digits, "_", ".", ":" or "-"')
    .default('hookflow')
    .describe('Queue mode: prefix of every Redis key, so several installations can share one Redis.'),
  SHUTDOWN_DELAY_SECONDS: integer(0, 0, 600).describe('On SIGTERM, /readyz fails at once and new connections are still taken this long, so a load balancer moves away first.'),
  SHUTDOWN_GRACE_SECONDS: integer(30, 0, 3_600).describe('On SIGTERM, how long running executions get to finish; unfinished events stay accepted and run at the next start.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SQLITE_SYNCHRONOUS: z
    .enum(['FULL', 'NORMAL'])
    .default('FULL')
    .describe('SQLite fsync policy: FULL survives power loss; NORMAL survives process crashes only.'),
  EXECUTIONS_RETENTION_DAYS: integer(14, 0, 36_500).describe('Executions older than this are pruned in the background; 0 keeps them forever.'),
  EVENTS_RETENTION_DAYS: integer(14, 0, 36_500).describe('Received events older than this are pruned once no execution of theirs is left and they are not waiting to run; 0 keeps them forever.'),
  FAILED_RETENTION_DAYS: integer(30, 0, 36_500).describe('Executions still on the failed list are kept until replayed or older than this (and than EXECUTIONS_RETENTION_DAYS); 0 keeps them until replayed.'),
  EXECUTIONS_MAX_COUNT: integer(0, 0, 1_000_000_000).describe('Keep at most this many executions, the newest (failed ones still on the list are kept beyond it); 0: no limit.'),
  RETENTION_INTERVAL_SECONDS: integer(60, 1, 86_400).describe('How often the background pruning pass runs.'),
  EDITOR_DIR: z.string().optional().describe('Folder of the built editor; default apps/editor/dist.'),
  SLACK_API_URL: z.string().url().default('https://slack.com/api/').describe('Base URL of the Slack Web API (tests point it at a fake).'),
  CODE_MAX_TIMEOUT_MS: integer(10_000, 10, 600_000).describe('Longest a code node may run; a node asking more gets this.'),
  CODE_MAX_MEMORY_MB: integer(128, 1, 1_024).describe('Most memory a code node may use; a node asking more gets this.'),
  CODE_WORKERS: integer(2, 1, 64).describe('Worker threads that run code nodes, one run each at a time; each takes about 25 MB, plus up to CODE_MAX_MEMORY_MB while code runs on it.'),
  ENCRYPTION_KEY: z
    .string()
    .refine((value) => decodeEncryptionKey(value) !== undefined, ENCRYPTION_KEY_HINT)
    .optional()
    .describe('Key of stored credentials (32 bytes, hex or base64); unset: generated once into DATA_DIR/encryption.key.'),
  OUTBOUND_DENY_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Also refuse outbound calls (http, slack) to private and loopback addresses; cloud metadata is always refused.'),
  OUTBOUND_ALLOWLIST: z
    .string()
    .default('')
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
    .superRefine((entries, issue) => {
      for (const entry of entries) {
        const problem = allowlistEntryProblem(entry);
        if (problem) issue.addIssue({ code: 'custom', message: problem });
      }
    })
    .describe('Comma-separated CIDRs, IPs or host names (*.example.com) outbound calls may always reach.'),
  OWNER_EMAIL: z.email().optional().describe('Creates the owner account at first start (with OWNER_PASSWORD) when no user exists yet.'),
  OWNER_PASSWORD: z.string().min(8).max(256).optional().describe('Password of the owner created from OWNER_EMAIL; at least 8 characters.'),
  SESSION_TTL_HOURS: integer(168, 1, 24 * 365).describe('How long a sign-in lasts before the editor asks again.'),
  COOKIE_SECURE: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('Mark the session cookie Secure (HTTPS only); auto: when PUBLIC_URL starts with https.'),
  LOGIN_MAX_ATTEMPTS: integer(10, 1, 10_000).describe('Failed sign-ins allowed per IP address and per email within LOGIN_WINDOW_MINUTES.'),
  LOGIN_WINDOW_MINUTES: integer(15, 1, 24 * 60).describe('Window of the sign-in attempt limit; answers 429 with Retry-After once used up.'),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .refine((list) => splitList(list).every(isAddressOrRange), 'must be a comma-separated list of IP addresses or CIDR ranges')
    .describe('Proxies whose X-Forwarded-For is believed when checking a trigger\'s IP allowlist; default none.'),
  METRICS_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .describe('Serve Prometheus metrics at GET /metrics (every role); false: /metrics answers 404 and nothing is counted.'),
  METRICS_TOKEN: z
    .string()
    .min(16, 'use at least 16 characters, e.g. `openssl rand -hex 32`')
    .optional()
    .describe('When set, GET /metrics needs "Authorization: Bearer <token>" (else 401); unset: /metrics is open to whoever reaches the port.'),
});

export type Settings = z.output<typeof SettingsSchema> & {
  publicUrl: string;
  dataDir: string;
  /** REDIS_URL is set: work goes through Bull on Redis, and the store is PostgreSQL. */
  queueMode: boolean;
};

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = SettingsSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SettingsError(`Invalid settings:\n  ${lines.join('\n  ')}`);
  }
  const settings = parsed.data;
  if ((settings.OWNER_EMAIL === undefined) !== (settings.OWNER_PASSWORD === undefined)) {
    throw new SettingsError('Invalid settings:\n  OWNER_EMAIL and OWNER_PASSWORD go together: set both or neither');
  }
  const modeProblem = queueModeProblem(settings);
  if (modeProblem) throw new SettingsError(modeProblem);
  const publicUrl = (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, '');
  return { ...settings, publicUrl, dataDir: resolve(settings.DATA_DIR), queueMode: settings.REDIS_URL !== undefined };
}

/** Queue mode needs a store every process shares; the roles need the queue. One line, said at start. */
function queueModeProblem(settings: z.output<typeof SettingsSchema>): string | undefined {
  if (settings.REDIS_URL && !settings.DATABASE_URL) {
    return 'REDIS_URL turns on queue mode, which needs DATABASE_URL (PostgreSQL) so that every main and worker shares one store; the SQLite file belongs to one process. Set DATABASE_URL, or unset REDIS_URL to run embedded.';
  }
  if (settings.REDIS_URL && !settings.ENCRYPTION_KEY) {
    return 'Queue mode (REDIS_URL) needs ENCRYPTION_KEY, the same on every main and worker, so that all of them can read stored credentials; make one with `openssl rand -base64 32`.';
  }
  if (!settings.REDIS_URL && settings.ROLE !== 'all') {
    return `ROLE=${settings.ROLE} splits the work between processes through Redis: set REDIS_URL (and DATABASE_URL), or unset ROLE to run everything in this process.`;
  }
  return undefined;
}

/** Whether this process runs executions (embedded, ROLE=all or ROLE=worker). */
export function runsExecutions(settings: Pick<Settings, 'ROLE'>): boolean {
  return settings.ROLE !== 'main';
}

/** Whether this process serves the API, the editor and trigger URLs (everything but a worker). */
export function servesApi(settings: Pick<Settings, 'ROLE'>): boolean {
  return settings.ROLE !== 'worker';
}

export const SETTINGS = Symbol('SETTINGS');

export function splitList(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isAddressOrRange(value: string): boolean {
  return ipaddr.isValid(value) || ipaddr.isValidCIDR(value);
}
