// The caller's address for allowlists. X-Forwarded-For is only believed when the connection comes
// from a configured trusted proxy; then the hops are read right to left and the first address
// that is not itself a trusted proxy is the client (anything further left is the caller's claim).
import type ipaddr from 'ipaddr.js';
import { inRanges, parseAddress, type AddressRange } from './address-ranges';

export function clientAddress(args: {
  socketAddress: string | undefined;
  forwardedFor: string | undefined;
  trustedProxies: readonly AddressRange[];
}): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const peer = parseAddress(args.socketAddress);
  if (!peer || !args.forwardedFor || !inRanges(peer, args.trustedProxies)) return peer;
  const hops = args.forwardedFor.split(',').map((hop) => hop.trim());
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = parseAddress(stripPort(hops[i]));
    // A hop that is not an address cannot be trusted further; the last good one is the answer.
    if (!hop) return client;
    client = hop;
    if (!inRanges(hop, args.trustedProxies)) return hop;
  }
  return client;
}

/** "1.2.3.4:5678" and "[2001:db8::1]:443" as some proxies write them. */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  return v4WithPort ? v4WithPort[1] : hop;
}
