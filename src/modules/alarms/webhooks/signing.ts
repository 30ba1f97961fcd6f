/**
 * The signature of an alarm webhook call, Stripe-style: `X-Symbiont-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed by the webhook's secret. Signing the timestamp with
 * the body lets a receiver refuse a replay of an old call (its `t` is too far from now) without
 * keeping a list of what it has seen; `v1` names the scheme so another can be added beside it.
 * Pure apart from the random secret: no I/O, no clock (callers pass the time).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How far a receiver should let `t` be from its own clock (docs/alarms-webhooks.md). */
export const DEFAULT_TOLERANCE_S = 300;

/** A new secret: 32 random bytes, prefixed so that one pasted in the wrong place is recognisable. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The hex HMAC-SHA256 of `<t>.<body>` keyed by the secret (UTF-8). */
export function signatureOf(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
}

/** The header value for a body sent at `nowMs`. */
export function signatureHeader(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${signatureOf(secret, t, body)}`;
}

/** The timestamp and every v1 signature of a header (a receiver accepts any that matches: rotation overlap). */
export function parseSignatureHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

/**
 * What a receiver does (the documented procedure, used by the tests as a receiver would): the
 * header parses, `t` is within `toleranceS` of now, and some v1 equals the HMAC of `<t>.<body>`,
 * compared in constant time.
 */
export function verifySignature(header: string, body: string, secret: string, nowMs: number, toleranceS = DEFAULT_TOLERANCE_S): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return false;
  if (Math.abs(nowMs / 1000 - parsed.t) > toleranceS) return false;
  const expected = Buffer.from(signatureOf(secret, parsed.t, body), 'hex');
  return parsed.v1.some((v) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
