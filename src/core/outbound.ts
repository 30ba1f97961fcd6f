/**
 * The outbound-webhook guard: every request the platform makes to a destination a tenant chose
 * (EPCIS subscriptions now; alarms, exchange and manifest webhooks later) goes through here, so a
 * tenant cannot make the node connect to itself, the park's internal network or a cloud metadata
 * service (SSRF).
 *
 * A destination is refused when
 *  - its scheme is not http or https, or it carries credentials;
 *  - any address its host resolves to is loopback, unspecified, link-local, private, CGNAT,
 *    unique-local, multicast or reserved — IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6
 *    forms of these included —
 * unless the park administrator allow-listed it (hosts, host:port, addresses, or CIDR ranges).
 *
 * The check runs on the RESOLVED addresses, at connect time: `postWebhook` connects through
 * node:http/https with a `lookup` that resolves the name, checks every address and hands the
 * socket exactly the addresses it checked, so a name that resolved to a public address when the
 * subscription was made and resolves to 127.0.0.1 now (DNS rebinding) is refused now. Redirects are
 * never followed (a 3xx is a failed delivery).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import type { FieldError } from './errors.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (injected in tests; dns.lookup otherwise). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const all = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Why a destination was refused; the message says so in words a tenant can act on. */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

// ---- addresses ---------------------------------------------------------------------------------

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An IP address (brackets and an IPv6 zone id allowed), IPv4-mapped IPv6 taken as its IPv4 address; or null. */
export function parseAddress(input: string): Address | null {
  const s = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  return ipaddr.isValid(s) && net.isIP(s) ? ipaddr.process(s) : null;
}

/** Phrases for the special-purpose ranges ipaddr.js names; any range not named here says its name. */
const RANGE_WHY: Record<string, string> = {
  unspecified: 'an unspecified ("this network") address',
  loopback: 'a loopback address',
  private: 'a private address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  linkLocal: 'a link-local address',
  multicast: 'a multicast address',
  broadcast: 'a reserved or broadcast address',
  reserved: 'a reserved or broadcast address',
  uniqueLocal: 'a unique-local address',
  deprecatedSiteLocal: 'a site-local address',
};

const v4At = (bytes: number[], at: number) => ipaddr.fromByteArray(bytes.slice(at, at + 4)) as ipaddr.IPv4;
const embedded = (why: string | null, form: string) => (why === null ? null : `${why} (${form})`);

function classifyV4(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === 'unicast' ? null : (RANGE_WHY[range] ?? `a special-purpose address (${range})`);
}

function classifyV6(ip: ipaddr.IPv6): string | null {
  const b = ip.toByteArray();
  const zeroUpTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  // Forms that carry an IPv4 address and reach it: that address decides.
  if (zeroUpTo(12) && !zeroUpTo(15)) return embedded(classifyV4(v4At(b, 12)), 'IPv4-compatible');
  if (ip.match(ipaddr.IPv6.parse('64:ff9b::'), 96)) return embedded(classifyV4(v4At(b, 12)), 'NAT64');
  if (ip.range() === '6to4') return embedded(classifyV4(v4At(b, 2)), '6to4');
  const range = ip.range();
  if (range !== 'unicast') return RANGE_WHY[range] ?? `a special-purpose address (${range})`;
  // Only 2000::/3 is allocated as global unicast; the rest of the space is reserved.
  return (b[0] & 0xe0) === 0x20 ? null : 'a reserved address';
}

/**
 * Why an IP address may not be a webhook destination (e.g. "a loopback address"), or null when it
 * is a public address. Anything that is not an IP address is refused.
 */
export function classifyAddress(address: string): string | null {
  const s = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!net.isIP(s)) return 'not an IP address';
  const ip = ipaddr.parse(s);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) return embedded(classifyV4((ip as ipaddr.IPv6).toIPv4Address()), 'IPv4-mapped');
  return ip.kind() === 'ipv4' ? classifyV4(ip as ipaddr.IPv4) : classifyV6(ip as ipaddr.IPv6);
}

// ---- the allow-list ----------------------------------------------------------------------------

export type AllowEntry =
  | { kind: 'host'; host: string; port: number | null }
  | { kind: 'address'; address: Address; port: number | null }
  | { kind: 'cidr'; range: [Address, number] };

/** Whether `ip` lies in the range (both as processed by parseAddress, so IPv4-mapped is IPv4). */
const inRange = (ip: Address, [base, bits]: [Address, number]) => ip.kind() === base.kind() && ip.match(base, bits);

const HOST_PATTERN = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/;

/** One allow-list entry: `host`, `host:port`, `1.2.3.4`, `1.2.3.4:8080`, `[::1]:8080`, `10.0.0.0/8`, `fd00::/8`. */
export function parseAllowEntry(entry: string): AllowEntry | string {
  const s = entry.trim().toLowerCase();
  const port = (p: string | undefined): number | null | string => {
    if (p === undefined) return null;
    const n = Number(p);
    return /^\d{1,5}$/.test(p) && n >= 1 && n <= 65535 ? n : `the port ${p} is not 1–65535`;
  };
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (cidr) {
    const base = parseAddress(cidr[1]);
    if (!base) return 'is not a CIDR range';
    const bits = Number(cidr[2]);
    const max = base.kind() === 'ipv4' ? 32 : 128;
    return bits <= max ? { kind: 'cidr', range: [base, bits] } : `an ${base.kind() === 'ipv4' ? 'IPv4' : 'IPv6'} prefix length is 0–${max}`;
  }
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracketed) {
    const address = net.isIPv6(bracketed[1]) ? parseAddress(bracketed[1]) : null;
    const p = port(bracketed[2]);
    if (!address) return 'is not an IPv6 address';
    return typeof p === 'string' ? p : { kind: 'address', address, port: p };
  }
  if (net.isIPv6(s)) return { kind: 'address', address: parseAddress(s)!, port: null };
  const hp = /^([^:]+)(?::(\d+))?$/.exec(s);
  if (!hp) return 'is not a host, host:port or CIDR range';
  const p = port(hp[2]);
  if (typeof p === 'string') return p;
  if (net.isIPv4(hp[1])) return { kind: 'address', address: parseAddress(hp[1])!, port: p };
  if (!HOST_PATTERN.test(hp[1])) return 'is not a host name';
  return { kind: 'host', host: hp[1].replace(/\.$/, ''), port: p };
}

/** Parses an allow-list; the errors name the offending entries as /body/entries/{i}. */
export function parseAllowlist(entries: readonly string[]): { entries: AllowEntry[]; errors: FieldError[] } {
  const out: AllowEntry[] = [];
  const errors: FieldError[] = [];
  entries.forEach((e, i) => {
    const r = parseAllowEntry(e);
    if (typeof r === 'string') errors.push({ path: `/body/entries/${i}`, message: r });
    else out.push(r);
  });
  return { entries: out, errors };
}

/** Whether the allow-list admits this host name (as written in the URL) and port. */
function hostAllowed(allow: readonly AllowEntry[], hostname: string, port: number): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return allow.some((e) => e.kind === 'host' && e.host === h && (e.port === null || e.port === port));
}

/** Whether the allow-list admits this resolved address and port. */
function addressAllowed(allow: readonly AllowEntry[], address: string, port: number): boolean {
  const ip = parseAddress(address);
  if (!ip) return false;
  return allow.some((e) =>
    e.kind === 'address' ? inRange(ip, [e.address, e.address.kind() === 'ipv4' ? 32 : 128]) && (e.port === null || e.port === port) : e.kind === 'cidr' ? inRange(ip, e.range) : false,
  );
}

// ---- destinations ------------------------------------------------------------------------------

export interface OutboundPolicy {
  /** The park's allow-list entries as stored (unparseable ones are ignored). */
  allowlist?: readonly string[];
  /** Name resolution (tests inject one); the system resolver otherwise. */
  resolve?: Resolver;
}

const ADVICE = 'webhooks may not reach internal addresses; a park administrator can allow-list the destination';

const defaultPort = (u: URL) => (u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80);
const bareHost = (u: URL) => u.hostname.replace(/^\[|\]$/g, '');

/** The URL if its form may be a webhook destination (scheme, no credentials); throws OutboundRefused. */
export function checkUrl(dest: string | URL): URL {
  let u: URL;
  try {
    u = typeof dest === 'string' ? new URL(dest) : dest;
  } catch {
    throw new OutboundRefused('must be an absolute http or https URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new OutboundRefused(`must be an http or https URL, not ${u.protocol}`);
  if (u.username || u.password) throw new OutboundRefused('must not carry credentials');
  return u;
}

/** Checks resolved addresses against the refused ranges and the allow-list; throws OutboundRefused. */
function checkAddresses(u: URL, addresses: readonly ResolvedAddress[], allow: readonly AllowEntry[]): void {
  const port = defaultPort(u);
  if (addresses.length === 0) throw new OutboundRefused(`${u.hostname} does not resolve to any address`);
  if (hostAllowed(allow, bareHost(u), port)) return;
  for (const a of addresses) {
    const why = classifyAddress(a.address);
    if (why !== null && !addressAllowed(allow, a.address, port)) {
      const what = net.isIP(bareHost(u)) ? a.address : `${u.hostname} resolves to ${a.address}, which`;
      throw new OutboundRefused(`${what} is ${why}: ${ADVICE}`);
    }
  }
}

/**
 * Checks a destination now: its form, then every address its host resolves to. Returns the URL and
 * the addresses checked. Throws OutboundRefused with the reason. (A check at creation; `postWebhook`
 * checks again at every connect.)
 */
export async function checkDestination(dest: string | URL, policy: OutboundPolicy = {}): Promise<{ url: URL; addresses: ResolvedAddress[] }> {
  const u = checkUrl(dest);
  const allow = parseAllowlist(policy.allowlist ?? []).entries;
  const host = bareHost(u);
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIPv6(host) ? 6 : 4 }];
  else {
    try {
      addresses = await (policy.resolve ?? systemResolver)(host);
    } catch (err) {
      throw new OutboundRefused(`${host} could not be resolved: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  checkAddresses(u, addresses, allow);
  return { url: u, addresses };
}

export interface WebhookRequest extends OutboundPolicy {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
}

export type WebhookResult = { ok: true; status: number } | { ok: false; status?: number; refused?: boolean; error: string };

/**
 * One guarded webhook call: the destination is checked, the name resolved, every address checked,
 * and the socket connects to exactly those addresses. Never follows redirects; reads and discards
 * the answer's body. Never throws: failures come back as `{ ok: false, error }` (refused: true when
 * the guard refused the destination).
 */
export async function postWebhook(dest: string | URL, req: WebhookRequest): Promise<WebhookResult> {
  let u: URL;
  const allow = parseAllowlist(req.allowlist ?? []).entries;
  try {
    u = checkUrl(dest);
    const host = bareHost(u);
    // An address literal is not looked up by the socket: check it here.
    if (net.isIP(host)) checkAddresses(u, [{ address: host, family: net.isIPv6(host) ? 6 : 4 }], allow);
  } catch (err) {
    return { ok: false, refused: true, error: `the destination was refused: ${(err as Error).message}` };
  }
  const resolve = req.resolve ?? systemResolver;
  let refusal: OutboundRefused | null = null;
  // The socket's name lookup: resolve, check every address, hand over exactly the checked ones.
  const lookup = (hostname: string, options: { all?: boolean; family?: number | string }, callback: (...args: unknown[]) => void) => {
    resolve(hostname.replace(/^\[|\]$/g, ''))
      .then((addresses) => {
        const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const wanted = family ? addresses.filter((a) => a.family === family) : addresses;
        try {
          checkAddresses(u, wanted, allow);
        } catch (err) {
          refusal = err as OutboundRefused;
          return callback(err);
        }
        if (options.all) callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
        else callback(null, wanted[0].address, wanted[0].family);
      })
      .catch((err: Error) => callback(err));
  };
  const transport = u.protocol === 'https:' ? https : http;
  return new Promise<WebhookResult>((resolvePromise) => {
    let settled = false;
    const done = (r: WebhookResult) => {
      if (!settled) {
        settled = true;
        resolvePromise(r);
      }
    };
    const request = transport.request(
      u,
      {
        method: req.method ?? 'POST',
        headers: { ...(req.headers ?? {}), ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) },
        lookup: lookup as unknown as net.LookupFunction,
        agent: false,
        timeout: req.timeoutMs,
        signal: AbortSignal.timeout(req.timeoutMs),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        res.on('error', () => {});
        if (status >= 200 && status < 300) done({ ok: true, status });
        else if (status >= 300 && status < 400) done({ ok: false, status, error: `the webhook answered HTTP ${status} (redirects are not followed)` });
        else done({ ok: false, status, error: `the webhook answered HTTP ${status}` });
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (refusal) return done({ ok: false, refused: true, error: `the destination was refused at connect: ${refusal.message}` });
      if (err.name === 'TimeoutError' || err.name === 'AbortError') return done({ ok: false, error: `the webhook did not answer within ${req.timeoutMs / 1000} s` });
      done({ ok: false, error: `the webhook could not be reached: ${err.code ?? err.message}` });
    });
    request.end(req.body);
  });
}
