// IP addresses and CIDR ranges, compared the way people mean them: an IPv4 client seen as
// IPv4-mapped IPv6 (::ffff:1.2.3.4) still matches 1.2.3.0/24.
import ipaddr from 'ipaddr.js';

export type AddressRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Ranges from "1.2.3.4" or "1.2.3.0/24" strings; entries that do not parse are skipped (params and settings validate them). */
export function parseRanges(entries: readonly string[]): AddressRange[] {
  const ranges: AddressRange[] = [];
  for (const entry of entries) {
    const range = parseRange(entry.trim());
    if (range) ranges.push(range);
  }
  return ranges;
}

export function parseAddress(value: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!value || !ipaddr.isValid(value)) return undefined;
  return ipaddr.process(value);
}

export function inRanges(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly AddressRange[]): boolean {
  return ranges.some(([network, bits]) => {
    if (address.kind() !== network.kind()) return false;
    return address.kind() === 'ipv4' ? ipv4Matches(address, network, bits) : ipv6Matches(address, network, bits);
  });
}

function parseRange(entry: string): AddressRange | undefined {
  if (ipaddr.isValidCIDR(entry)) {
    const [network, bits] = ipaddr.parseCIDR(entry);
    return network.kind() === 'ipv6' && network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96
      ? [network.toIPv4Address(), bits - 96]
      : [network, bits];
  }
  const address = parseAddress(entry);
  if (!address) return undefined;
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

function ipv4Matches(address: ipaddr.IPv4 | ipaddr.IPv6, network: ipaddr.IPv4 | ipaddr.IPv6, bits: number): boolean {
  return address instanceof ipaddr.IPv4 && network instanceof ipaddr.IPv4 && address.match(network, bits);
}

function ipv6Matches(address: ipaddr.IPv4 | ipaddr.IPv6, network: ipaddr.IPv4 | ipaddr.IPv6, bits: number): boolean {
  return address instanceof ipaddr.IPv6 && network instanceof ipaddr.IPv6 && address.match(network, bits);
}
