// Which addresses outbound HTTP may reach. Cloud metadata and link-local addresses are refused
// unless allowlisted, because a flow's URL is user input and metadata endpoints hand out cloud
// credentials; with denyPrivate, private and loopback ranges are refused too. Checks run on the
// addresses a name resolves to (see outbound-guard-connector.ts), so every spelling of an IP and
// every redirect hop ends up here.
import ipaddr from 'ipaddr.js';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [IpAddress, number];

export interface OutboundGuardOptions {
  /** Also refuse private, loopback, carrier-grade NAT and "this network" ranges. */
  denyPrivate?: boolean;
  /** CIDRs, single IPs or host names ("api.internal", "*.corp.example") that are always allowed. */
  allow?: string[];
}

export type OutboundVerdict = { ok: true } | { ok: false; reason: string };

/** Thrown (and turned into a non-retryable NodeRuntimeError) when the guard refuses a target. */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
  readonly code = 'E_OUTBOUND_REFUSED';
}

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

const METADATA_RANGES = cidrs([
  '169.254.0.0/16', // IPv4 link-local: AWS, GCP, Azure, Oracle metadata at 169.254.169.254
  'fe80::/10', // IPv6 link-local
  'fd00:ec2::254/128', // AWS metadata over IPv6
  '100.100.100.200/32', // Alibaba Cloud metadata
]);

const PRIVATE_RANGES = cidrs([
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '100.64.0.0/10',
  '0.0.0.0/8',
  '::1/128',
  '::/128',
  'fc00::/7',
]);

export interface OutboundGuard {
  /** Verdict on one resolved address; `host` is the name it was resolved from, if any. */
  checkAddress(address: string, host?: string): OutboundVerdict;
  /** Verdict on a URL's host before resolution: metadata names and IP literals in any spelling. */
  checkHost(host: string): OutboundVerdict;
}

export function createOutboundGuard(options: OutboundGuardOptions = {}): OutboundGuard {
  const allow = parseAllowlist(options.allow ?? []);
  const denyPrivate = options.denyPrivate ?? false;

  function checkAddress(address: string, host?: string): OutboundVerdict {
    if (host !== undefined && allow.hostAllowed(host)) return { ok: true };
    const ip = parseIp(address);
    if (!ip) return { ok: false, reason: `refused: ${address} is not an IP address` };
    if (allow.addressAllowed(ip)) return { ok: true };
    for (const candidate of embeddedAddresses(ip)) {
      if (inAny(candidate, METADATA_RANGES)) return refuse(address, 'a cloud metadata or link-local address');
      if (denyPrivate && inAny(candidate, PRIVATE_RANGES)) return refuse(address, 'a private or loopback address (OUTBOUND_DENY_PRIVATE is on)');
    }
    return { ok: true };
  }

  function checkHost(host: string): OutboundVerdict {
    const name = host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
    if (allow.hostAllowed(name)) return { ok: true };
    if (METADATA_HOSTS.has(name)) return refuse(name, 'a cloud metadata host');
    return parseIp(name) ? checkAddress(name) : { ok: true };
  }

  return { checkAddress, checkHost };
}

function refuse(target: string, what: string): OutboundVerdict {
  return { ok: false, reason: `refused: ${target} is ${what}; allow it with OUTBOUND_ALLOWLIST` };
}

/** Parses any spelling ipaddr.js accepts (dotted, decimal, octal, hex IPv4; IPv6 with zone). */
function parseIp(text: string): IpAddress | undefined {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return undefined;
  return ipaddr.parse(bare);
}

/**
 * The address itself plus any IPv4 address it carries: IPv4-mapped (::ffff:a.b.c.d), NAT64
 * (64:ff9b::/96) and 6to4 (2002::/16) all reach the embedded IPv4 host.
 */
function embeddedAddresses(ip: IpAddress): IpAddress[] {
  if (ip.kind() === 'ipv4' || !(ip instanceof ipaddr.IPv6)) return [ip];
  const parts = ip.parts;
  const fromParts = (high: number, low: number): ipaddr.IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (ip.isIPv4MappedAddress()) return [ip, ip.toIPv4Address()];
  if (ip.match(NAT64[0], NAT64[1])) return [ip, fromParts(parts[6], parts[7])];
  if (ip.match(SIX_TO_FOUR[0], SIX_TO_FOUR[1])) return [ip, fromParts(parts[1], parts[2])];
  return [ip];
}

const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');

function inAny(ip: IpAddress, ranges: Cidr[]): boolean {
  return ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
}

function cidrs(list: string[]): Cidr[] {
  return list.map((cidr) => ipaddr.parseCIDR(cidr));
}

function parseAllowlist(entries: string[]): { hostAllowed(host: string): boolean; addressAllowed(ip: IpAddress): boolean } {
  const ranges: Cidr[] = [];
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of entries.map((entry) => entry.trim().toLowerCase()).filter(Boolean)) {
    if (ipaddr.isValidCIDR(raw)) ranges.push(ipaddr.parseCIDR(raw));
    else if (ipaddr.isValid(raw)) {
      const ip = ipaddr.parse(raw);
      ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else if (raw.startsWith('*.')) suffixes.push(raw.slice(1));
    else hosts.add(raw);
  }
  return {
    hostAllowed: (host) => {
      const name = host.replace(/\.$/, '').toLowerCase();
      return hosts.has(name) || suffixes.some((suffix) => name.endsWith(suffix));
    },
    addressAllowed: (ip) => embeddedAddresses(ip).some((candidate) => inAny(candidate, ranges)),
  };
}

/** Why an allowlist entry cannot be used, or undefined when it can (for settings validation). */
export function allowlistEntryProblem(entry: string): string | undefined {
  const text = entry.trim();
  if (ipaddr.isValidCIDR(text) || ipaddr.isValid(text)) return undefined;
  if (/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(text)) return undefined;
  return `"${entry}" is neither a CIDR, an IP address nor a host name`;
}
