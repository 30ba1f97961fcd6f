import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDestination, classifyAddress, OutboundRefused, parseAllowEntry, parseAllowlist, postWebhook, type Resolver } from './outbound.ts';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade'],
    ['100.127.255.255', 'carrier-grade'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved or broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback address (IPv4-mapped)'],
    ['::ffff:7f00:1', 'loopback address (IPv4-mapped)'],
    ['::ffff:10.0.0.1', 'private address (IPv4-mapped)'],
    ['::ffff:169.254.169.254', 'link-local address (IPv4-mapped)'],
    ['0:0:0:0:0:ffff:192.168.0.1', 'private address (IPv4-mapped)'],
    ['::127.0.0.1', 'loopback address (IPv4-'], // ipaddr.js reads the compatible form as mapped: refused either way
    ['::7f00:1', 'loopback address (IPv4-compatible)'],
    ['64:ff9b::a00:1', 'private address (NAT64)'],
    ['2002:7f00:1::', 'loopback address (6to4)'],
    ['not-an-ip', 'not an IP address'],
  ])('refuses %s', (address, why) => {
    expect(classifyAddress(address)).toContain(why);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '169.253.255.255', '223.255.255.255', '2001:4860:4860::8888', '::ffff:8.8.8.8', '2606:4700::1111', '64:ff9b::808:808'])(
    'lets the public address %s through',
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );

  const v4 = (a: number, b: number, c: number, d: number) => `${a}.${b}.${c}.${d}`;
  const byte = fc.integer({ min: 0, max: 255 });
  /** Every address of an IPv4 range: the fixed leading bits, anything after. */
  const inV4 = (base: number, bits: number) =>
    fc.integer({ min: 0, max: 2 ** (32 - bits) - 1 }).map((n) => {
      const ip = (base + n) >>> 0;
      return v4(ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255);
    });
  const num = (a: string) => a.split('.').reduce((acc, x) => acc * 256 + Number(x), 0);
  const refusedV4 = fc.oneof(
    inV4(num('0.0.0.0'), 8), inV4(num('127.0.0.0'), 8), inV4(num('10.0.0.0'), 8), inV4(num('172.16.0.0'), 12), inV4(num('192.168.0.0'), 16),
    inV4(num('100.64.0.0'), 10), inV4(num('169.254.0.0'), 16), inV4(num('224.0.0.0'), 4), inV4(num('240.0.0.0'), 4),
  );
  const hex = (n: number) => n.toString(16);
  const toMappedHex = (a: string) => {
    const [p, q, r, s] = a.split('.').map(Number);
    return `::ffff:${hex(p * 256 + q)}:${hex(r * 256 + s)}`;
  };
  const word = fc.integer({ min: 0, max: 0xffff });
  const refusedV6 = fc.oneof(
    fc.tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), word, word).map(([a, b, c]) => `${hex(a)}:${hex(b)}::${hex(c)}`),
    fc.tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), word, word).map(([a, b, c]) => `${hex(a)}:${hex(b)}::${hex(c)}`),
    fc.tuple(fc.integer({ min: 0xff00, max: 0xffff }), word).map(([a, b]) => `${hex(a)}::${hex(b)}`),
    fc.constantFrom('::', '::1', '0::0', '0:0:0:0:0:0:0:0', '0000:0000:0000:0000:0000:0000:0000:0001'),
  );

  it('refuses every address of every refused range, in every IPv6 form of an IPv4 one (property)', () => {
    fc.assert(
      fc.property(refusedV4, (a) => {
        expect(classifyAddress(a)).not.toBeNull();
        expect(classifyAddress(`::ffff:${a}`)).not.toBeNull();
        expect(classifyAddress(toMappedHex(a))).not.toBeNull();
        expect(classifyAddress(`0:0:0:0:0:ffff:${a}`)).not.toBeNull();
        expect(classifyAddress(`[::ffff:${a}]`)).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(refusedV6, (a) => {
        expect(classifyAddress(a)).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('treats an IPv4-mapped address exactly as its IPv4 address (property)', () => {
    fc.assert(
      fc.property(byte, byte, byte, byte, (a, b, c, d) => {
        const ip = v4(a, b, c, d);
        expect(classifyAddress(`::ffff:${ip}`) === null).toBe(classifyAddress(ip) === null);
        expect(classifyAddress(toMappedHex(ip)) === null).toBe(classifyAddress(ip) === null);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the allow-list', () => {
  it('accepts hosts, host:port, addresses and CIDR ranges, and names what it refuses', () => {
    expect(parseAllowEntry('hooks.internal')).toMatchObject({ kind: 'host', host: 'hooks.internal', port: null });
    expect(parseAllowEntry('Hooks.Internal:8443')).toMatchObject({ kind: 'host', host: 'hooks.internal', port: 8443 });
    expect(parseAllowEntry('127.0.0.1:5432')).toMatchObject({ kind: 'address', port: 5432 });
    expect(parseAllowEntry('[::1]:80')).toMatchObject({ kind: 'address', port: 80 });
    expect(parseAllowEntry('10.20.0.0/16')).toMatchObject({ kind: 'cidr', range: [expect.anything(), 16] });
    expect(parseAllowEntry('fd00::/8')).toMatchObject({ kind: 'cidr', range: [expect.anything(), 8] });
    const { errors } = parseAllowlist(['ok.example', 'host:99999', '10.0.0.0/33', 'bad host', 'http://x']);
    expect(errors.map((e) => e.path)).toEqual(['/body/entries/1', '/body/entries/2', '/body/entries/3', '/body/entries/4']);
  });
});

describe('checkDestination', () => {
  const resolveTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses internal addresses, literal or resolved, and other schemes', async () => {
    await expect(checkDestination('http://127.0.0.1:5432/')).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
    await expect(checkDestination('http://[::ffff:127.0.0.1]/')).rejects.toThrow(/loopback/);
    await expect(checkDestination('http://169.254.169.254/latest/meta-data')).rejects.toThrow(/link-local/);
    await expect(checkDestination('ftp://example.com/')).rejects.toThrow(/http or https/);
    await expect(checkDestination('http://localhost:8080/')).rejects.toThrow(/localhost resolves to .*loopback/);
    await expect(checkDestination('https://hooks.example/x', { resolve: resolveTo('93.184.216.34', '10.0.0.5') })).rejects.toThrow(/10\.0\.0\.5.*private/);
    await expect(checkDestination('https://hooks.example/x', { resolve: resolveTo('93.184.216.34') })).resolves.toMatchObject({ addresses: [{ address: '93.184.216.34' }] });
  });

  it('lets allow-listed destinations through: by address and port, by host, by range', async () => {
    await expect(checkDestination('http://127.0.0.1:5432/', { allowlist: ['127.0.0.1:5432'] })).resolves.toBeTruthy();
    await expect(checkDestination('http://127.0.0.1:5433/', { allowlist: ['127.0.0.1:5432'] })).rejects.toBeInstanceOf(OutboundRefused);
    await expect(checkDestination('http://hooks.internal/', { allowlist: ['hooks.internal'], resolve: resolveTo('10.1.1.1') })).resolves.toBeTruthy();
    await expect(checkDestination('http://a.internal:8080/', { allowlist: ['10.0.0.0/8'], resolve: resolveTo('10.9.9.9') })).resolves.toBeTruthy();
    await expect(checkDestination('http://a.internal:8080/', { allowlist: ['10.0.0.0/8'], resolve: resolveTo('10.9.9.9', '127.0.0.1') })).rejects.toThrow(/loopback/);
    await expect(checkDestination('http://[::ffff:10.1.2.3]/', { allowlist: ['10.0.0.0/8'] })).resolves.toBeTruthy();
  });
});

describe('postWebhook', () => {
  let server: http.Server;
  let port: number;
  const calls: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      req.resume();
      if (req.url === '/redirect') res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
      else res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses loopback unless allow-listed, and then delivers', async () => {
    const refused = await postWebhook(`http://127.0.0.1:${port}/hook`, { body: '{}', timeoutMs: 2000 });
    expect(refused).toMatchObject({ ok: false, refused: true });
    expect(calls).toEqual([]);
    const ok = await postWebhook(`http://127.0.0.1:${port}/hook`, { body: '{}', timeoutMs: 2000, allowlist: [`127.0.0.1:${port}`] });
    expect(ok).toEqual({ ok: true, status: 204 });
    expect(calls).toEqual(['POST /hook']);
  });

  it('checks at connect time: a name that resolved to a public address at creation and to 127.0.0.1 now is refused (DNS rebinding)', async () => {
    let answers = 0;
    const rebinding: Resolver = async () => [{ address: answers++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    const dest = `http://rebind.example:${port}/hook`;
    await expect(checkDestination(dest, { resolve: rebinding })).resolves.toBeTruthy();
    const before = calls.length;
    const r = await postWebhook(dest, { body: '{}', timeoutMs: 2000, resolve: rebinding });
    expect(r).toMatchObject({ ok: false, refused: true });
    expect(!r.ok && r.error).toMatch(/refused at connect: rebind\.example resolves to 127\.0\.0\.1, which is a loopback address/);
    expect(calls.length).toBe(before);
  });

  it('connects to exactly the address it checked, and follows no redirect', async () => {
    const named: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const ok = await postWebhook(`http://hooks.internal:${port}/named`, { body: 'x', timeoutMs: 2000, resolve: named, allowlist: [`127.0.0.1:${port}`] });
    expect(ok).toEqual({ ok: true, status: 204 });
    const redirect = await postWebhook(`http://127.0.0.1:${port}/redirect`, { body: 'x', timeoutMs: 2000, allowlist: [`127.0.0.1:${port}`] });
    expect(redirect).toMatchObject({ ok: false, status: 302 });
    expect(calls.filter((c) => c === 'POST /')).toEqual([]);
  });

  it('reports an unreachable destination without throwing', async () => {
    const r = await postWebhook('http://127.0.0.1:1/', { body: 'x', timeoutMs: 2000, allowlist: ['127.0.0.1'] });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/could not be reached: ECONNREFUSED/) });
  });
});
