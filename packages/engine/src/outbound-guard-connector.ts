// Puts the outbound guard where the socket is opened, so it sees what is really connected to:
// undici calls the connector for every new origin (first request and each redirect hop), and
// the socket's DNS lookup is ours, so names are checked after resolution and a name that
// resolves differently on the next request (DNS rebinding) is checked again.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { OutboundRefusedError, type OutboundGuard } from './outbound-guard';

/** Resolves every address of a name, as dns.lookup with { all: true } does. */
export type ResolveAll = (hostname: string, options: LookupAllOptions, callback: (err: Error | null, addresses: LookupAddress[]) => void) => void;

const systemResolveAll: ResolveAll = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * A lookup that refuses the name when any of its addresses is refused: picking only the allowed
 * ones would let a name mixing public and metadata records through on some tries.
 */
export function guardedLookup({ guard, resolveAll = systemResolveAll }: { guard: OutboundGuard; resolveAll?: ResolveAll }): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    resolveAll(hostname, { family, hints: options.hints, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const { address } of addresses) {
        const verdict = guard.checkAddress(address, hostname);
        if (!verdict.ok) return callback(new OutboundRefusedError(verdict.reason), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address found for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** An undici connector that checks IP literals itself (net.connect skips lookup for those). */
export function guardedConnector({ guard, resolveAll }: { guard: OutboundGuard; resolveAll?: ResolveAll }): buildConnector.connector {
  const connect = buildConnector({ lookup: guardedLookup({ guard, resolveAll }) });
  return (options, callback) => {
    const verdict = guard.checkHost(options.hostname);
    if (!verdict.ok) {
      callback(new OutboundRefusedError(verdict.reason), null);
      return;
    }
    connect(options, callback);
  };
}

/** The guard's refusal in an error or its causes (undici and fetch may wrap it). */
export function findOutboundRefusal(err: unknown): OutboundRefusedError | undefined {
  for (let current = err, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof OutboundRefusedError) return current;
  }
  return undefined;
}
