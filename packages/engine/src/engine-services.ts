// What the host hands the engine for a run (outbound HTTP, credentials, logging, clock, settings),
// with safe defaults so a test or a benchmark can pass nothing.
import { createHttpClient } from './http-client';
import { NodeConfigError } from './node-errors';
import type { CodeSandbox } from './code-sandbox';
import type { CredentialStore, HttpClient, NodeLogger } from './node-type';

export interface EngineServices {
  http?: HttpClient;
  /**
   * The client a node of this type gets instead of `http`: lets the host tell callers apart (counts
   * by node type) without the engine knowing why. Called once per step that runs; keep it cheap.
   */
  httpFor?: (nodeType: string) => HttpClient;
  credentials?: CredentialStore;
  logger?: NodeLogger;
  now?: () => Date;
  settings?: Record<string, string | undefined>;
  /** Where code nodes run user JavaScript; absent: in-thread (tests, benchmarks). */
  sandbox?: CodeSandbox;
}

export type ResolvedServices = Required<Omit<EngineServices, 'httpFor' | 'sandbox'>> & Pick<EngineServices, 'httpFor' | 'sandbox'>;

const noop = (): void => undefined;

export const silentLogger: NodeLogger = { debug: noop, info: noop, warn: noop, error: noop };

export const noCredentials: CredentialStore = {
  async get(id) {
    throw new NodeConfigError(`credential "${id}" not found: no credential store is configured`);
  },
};

const systemNow = (): Date => new Date();
const noSettings: Record<string, string | undefined> = Object.freeze({});
let defaultHttp: HttpClient | undefined;
let defaults: ResolvedServices | undefined;

/** Fills in what the host left out; allocation-free when it passes nothing. */
export function resolveServices(services: EngineServices | undefined): ResolvedServices {
  if (!services) return (defaults ??= { http: defaultHttpClient(), credentials: noCredentials, logger: silentLogger, now: systemNow, settings: noSettings });
  return {
    http: services.http ?? defaultHttpClient(),
    credentials: services.credentials ?? noCredentials,
    logger: services.logger ?? silentLogger,
    now: services.now ?? systemNow,
    settings: services.settings ?? noSettings,
    httpFor: services.httpFor,
    sandbox: services.sandbox,
  };
}

function defaultHttpClient(): HttpClient {
  return (defaultHttp ??= createHttpClient());
}
