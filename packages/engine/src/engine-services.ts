// What the host hands the engine for a run (outbound HTTP, credentials, logging, clock, settings),
// with safe defaults so a test or a benchmark can pass nothing.
import { createHttpClient } from './http-client';
import { NodeConfigError } from './node-errors';
import type { CredentialStore, HttpClient, NodeLogger } from './node-type';

export interface EngineServices {
  http?: HttpClient;
  credentials?: CredentialStore;
  logger?: NodeLogger;
  now?: () => Date;
  settings?: Record<string, string | undefined>;
}

export type ResolvedServices = Required<EngineServices>;

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
  };
}

function defaultHttpClient(): HttpClient {
  return (defaultHttp ??= createHttpClient());
}
