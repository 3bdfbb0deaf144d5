// The guard decides on addresses and names without sending anything; the client tests at the
// end only ever talk to servers on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from './http-client';
import { NodeRuntimeError } from './node-errors';
import { createOutboundGuard } from './outbound-guard';
import { guardedLookup, type ResolveAll } from './outbound-guard-connector';

const byDefault = createOutboundGuard();
const strict = createOutboundGuard({ denyPrivate: true });

/** A resolver that answers from a table, so no name is ever sent to a DNS server. */
function fakeDns(table: Record<string, string[]>): ResolveAll {
  return (hostname, _options, callback) => {
    const addresses = table[hostname];
    if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

function lookupWith({ guard, table, all }: { guard: typeof byDefault; table: Record<string, string[]>; all: boolean }) {
  const lookup = guardedLookup({ guard, resolveAll: fakeDns(table) });
  return (hostname: string) =>
    new Promise<{ err: Error | null; address: string | LookupAddress[] }>((resolve) => {
      lookup(hostname, { all }, (err, address) => resolve({ err, address }));
    });
}

describe('outbound guard: addresses', () => {
  it.each(['169.254.169.254', '169.254.0.1', 'fe80::1', 'fe80::1%eth0', 'fd00:ec2::254', '100.100.100.200', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe'])(
    'refuses the metadata or link-local address %s by default',
    (address) => {
      const verdict = byDefault.checkAddress(address);
      expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('cloud metadata or link-local') });
    },
  );

  it('names the address and the setting that allows it', () => {
    expect(byDefault.checkAddress('169.254.169.254')).toEqual({
      ok: false,
      reason: 'refused: 169.254.169.254 is a cloud metadata or link-local address; allow it with OUTBOUND_ALLOWLIST',
    });
  });

  it.each(['10.0.0.1', '10.255.255.255', '172.16.0.1', '192.168.1.10', '127.0.0.1', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fdff:ffff::1', 'fc00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '64:ff9b::a00:1', '2002:a00:1::1'])(
    'allows the private address %s by default and refuses it with denyPrivate',
    (address) => {
      expect(byDefault.checkAddress(address)).toEqual({ ok: true });
      expect(strict.checkAddress(address)).toEqual({ ok: false, reason: expect.stringContaining('private or loopback') });
    },
  );

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '172.32.0.1', '100.128.0.1', '::ffff:8.8.8.8'])('allows the public address %s with denyPrivate', (address) => {
    expect(strict.checkAddress(address)).toEqual({ ok: true });
  });

  it('lets allowlisted CIDRs, addresses and host names through', () => {
    const guard = createOutboundGuard({ denyPrivate: true, allow: ['10.1.0.0/16', '169.254.169.254', 'metadata.google.internal', '*.corp.example'] });
    expect(guard.checkAddress('10.1.2.3')).toEqual({ ok: true });
    expect(guard.checkAddress('::ffff:10.1.2.3')).toEqual({ ok: true });
    expect(guard.checkAddress('10.2.0.1').ok).toBe(false);
    expect(guard.checkAddress('169.254.169.254')).toEqual({ ok: true });
    expect(guard.checkAddress('169.254.169.253').ok).toBe(false);
    expect(guard.checkHost('metadata.google.internal')).toEqual({ ok: true });
    expect(guard.checkAddress('192.168.0.5', 'db.corp.example')).toEqual({ ok: true });
    expect(guard.checkAddress('192.168.0.5', 'corp.example.evil').ok).toBe(false);
  });
});

describe('outbound guard: hosts before resolution', () => {
  it.each([
    ['dotted', '169.254.169.254'],
    ['decimal', '2852039166'],
    ['octal', '0251.0376.0251.0376'],
    ['hex', '0xa9fea9fe'],
    ['bracketed IPv4-mapped IPv6', '[::ffff:169.254.169.254]'],
  ])('refuses the metadata address spelled %s, raw and as the URL parser normalizes it', (_spelling, host) => {
    expect(byDefault.checkHost(host).ok).toBe(false);
    const normalized = new URL(`http://${host}/latest/meta-data`).hostname;
    expect(byDefault.checkHost(normalized)).toEqual({ ok: false, reason: expect.stringContaining('cloud metadata or link-local') });
  });

  it.each(['metadata.google.internal', 'METADATA.google.internal.', 'metadata.goog', 'instance-data'])('refuses the metadata host name %s', (host) => {
    expect(byDefault.checkHost(host)).toEqual({ ok: false, reason: expect.stringContaining('cloud metadata host') });
  });

  it('leaves other names to the check after resolution', () => {
    expect(strict.checkHost('localhost')).toEqual({ ok: true });
    expect(strict.checkHost('api.example.com')).toEqual({ ok: true });
    expect(strict.checkHost('0x7f000001').ok).toBe(false);
  });
});

describe('outbound guard: names after resolution', () => {
  const table = {
    'internal.example': ['10.20.30.40'],
    'rebind.example': ['93.184.216.34', '169.254.169.254'],
    'v6-private.example': ['fd12:3456::1'],
    'public.example': ['93.184.216.34', '2606:2800:220:1::1'],
  };

  it('refuses a name that resolves to a private address when denyPrivate is on', async () => {
    const { err } = await lookupWith({ guard: strict, table, all: false })('internal.example');
    expect(err?.message).toBe('refused: 10.20.30.40 is a private or loopback address (OUTBOUND_DENY_PRIVATE is on); allow it with OUTBOUND_ALLOWLIST');
    expect((await lookupWith({ guard: strict, table, all: true })('v6-private.example')).err?.message).toContain('fd12:3456::1');
  });

  it('refuses a name when any of its addresses is a metadata address', async () => {
    const { err } = await lookupWith({ guard: byDefault, table, all: true })('rebind.example');
    expect(err?.message).toContain('169.254.169.254 is a cloud metadata');
  });

  it('answers one address or all of them, as net.connect asks', async () => {
    expect(await lookupWith({ guard: strict, table, all: false })('public.example')).toEqual({ err: null, address: '93.184.216.34' });
    const all = await lookupWith({ guard: strict, table, all: true })('public.example');
    expect(all.address).toHaveLength(2);
    expect((await lookupWith({ guard: byDefault, table, all: false })('internal.example')).err).toBeNull();
  });

  it('passes resolution errors through', async () => {
    const { err } = await lookupWith({ guard: strict, table, all: false })('nowhere.example');
    expect(err?.message).toContain('ENOTFOUND');
  });
});

describe('http client with the guard (loopback only)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function serve(answer: (url: string) => { status: number; location?: string }): Promise<{ port: number; hits: string[] }> {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const { status, location } = answer(req.url ?? '');
      res.writeHead(status, location ? { location } : {});
      res.end('ok');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, hits };
  }

  it('refuses 127.0.0.1 with denyPrivate before sending anything, without retrying', async () => {
    const target = await serve(() => ({ status: 200 }));
    const http = createHttpClient({ outbound: { denyPrivate: true } });
    const sent = http.request({ method: 'GET', url: `http://127.0.0.1:${target.port}/x`, retry: { attempts: 3, backoffMs: 1 } });
    await expect(sent).rejects.toThrow(NodeRuntimeError);
    await expect(sent).rejects.toMatchObject({ retryable: false, attempts: 1, message: expect.stringContaining('refused: 127.0.0.1 is a private or loopback address') });
    expect(target.hits).toEqual([]);
  });

  it('checks every redirect hop after resolving its name', async () => {
    const second = await serve(() => ({ status: 200 }));
    const first = await serve(() => ({ status: 302, location: `http://blocked.test:${second.port}/next` }));
    const http = createHttpClient({
      outbound: { denyPrivate: true, allow: ['allowed.test'] },
      resolveAll: fakeDns({ 'allowed.test': ['127.0.0.1'], 'blocked.test': ['127.0.0.1'] }),
    });
    const sent = http.request({ method: 'GET', url: `http://allowed.test:${first.port}/start` });
    await expect(sent).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('refused: 127.0.0.1') });
    expect(first.hits).toEqual(['/start']);
    expect(second.hits).toEqual([]);
  });

  it('reaches an allowlisted loopback server', async () => {
    const target = await serve(() => ({ status: 200 }));
    const http = createHttpClient({ outbound: { denyPrivate: true, allow: ['127.0.0.0/8'] } });
    const res = await http.request({ method: 'GET', url: `http://127.0.0.1:${target.port}/ok` });
    expect(res.status).toBe(200);
    expect(target.hits).toEqual(['/ok']);
  });
});
