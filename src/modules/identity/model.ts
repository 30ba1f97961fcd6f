/**
 * Identifiers as pure logic: Handle-style names (prefix/suffix), the readable suffix scheme,
 * typed values in the Handle REST form, and GS1 keys (GTIN check digits, Digital Link paths).
 */
import { localDate } from '../../core/time-zone.ts';

export const IDENTIFIER_KINDS = ['lot', 'product', 'package', 'waste_batch', 'device', 'other'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Short upper-case tags of the kinds, used in generated suffixes. */
export const KIND_TAG: Record<IdentifierKind, string> = {
  lot: 'LOT',
  product: 'PRD',
  package: 'PKG',
  waste_batch: 'WST',
  device: 'DEV',
  other: 'OBJ',
};

/** A Handle prefix: dot-separated segments, e.g. 88.118.2 (China's Ecode/Handle prefixes look so). */
export const PREFIX_PATTERN = /^[0-9]+(\.[0-9A-Za-z]+)*$/;
/** Suffixes are printable, without spaces; they may contain '/' or '.'. */
export const SUFFIX_PATTERN = /^[A-Za-z0-9._\-:/]{1,200}$/;

export function parseHandle(handle: string): { prefix: string; suffix: string } | null {
  const slash = handle.indexOf('/');
  if (slash <= 0) return null;
  const prefix = handle.slice(0, slash);
  const suffix = handle.slice(slash + 1);
  return PREFIX_PATTERN.test(prefix) && SUFFIX_PATTERN.test(suffix) ? { prefix, suffix } : null;
}

/**
 * The readable suffix scheme: `{enterprise}.{KIND}.{yyyymmdd}.{sequence}`, e.g.
 * `pvc.LOT.20261123.0007`, in the park's local date. The sequence counts per enterprise, kind and day.
 */
export function suffixFor(enterpriseCode: string, kind: IdentifierKind, day: string, sequence: number): string {
  return `${enterpriseCode}.${KIND_TAG[kind]}.${day}.${String(sequence).padStart(4, '0')}`;
}

export function localDay(ts: number, timeZone: string): string {
  return localDate(ts, timeZone).replaceAll('-', '');
}

/** GS1 mod-10 check digit of the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A GTIN-8/12/13/14 with a valid check digit, as the 14-digit form Digital Link uses; else null. */
export function normalizeGtin(gtin: string): string | null {
  if (!/^\d{8}$|^\d{12,14}$/.test(gtin)) return null;
  const g = gtin.padStart(14, '0');
  return gs1CheckDigit(g.slice(0, 13)) === Number(g[13]) ? g : null;
}

/**
 * The canonical GS1 key an identifier holds: `01/{gtin14}/21/{serial}` when it has a serial (the
 * instance), else `01/{gtin14}/10/{lot}`, else `01/{gtin14}`; null without a GTIN. One identifier
 * per key (a unique index); migration 009 computes the same in SQL.
 */
export function gs1KeyOf(gtin: string | null, lot: string | null, serial: string | null): string | null {
  if (!gtin) return null;
  return serial ? `01/${gtin}/21/${serial}` : lot ? `01/${gtin}/10/${lot}` : `01/${gtin}`;
}

/** A GS1 company prefix as the park records it: 4–12 digits. */
export const COMPANY_PREFIX_PATTERN = '^[0-9]{4,12}$';

/**
 * Whether a GTIN (14-digit form) is under a GS1 company prefix: the prefix is matched against the
 * GTIN-13 part, after the indicator (or padding) digit — as GTIN-12 and GTIN-13 are written.
 */
export function gtinUnderPrefix(gtin14: string, prefix: string): boolean {
  return gtin14.slice(1).startsWith(prefix);
}

/** GS1 AI 10 (batch/lot) and 21 (serial): up to 20 characters of GS1 AI encodable set 82. */
export const GS1_ALNUM_PATTERN = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export interface HandleValue {
  index: number;
  type: string;
  data: { format: 'string'; value: string };
  ttl: number;
  timestamp: string;
}

export interface StoredValue {
  index: number;
  type: string;
  value: string;
  ttl: number;
  ts: number;
  publicRead: boolean;
}

export function toHandleValue(v: StoredValue): HandleValue {
  return { index: v.index, type: v.type, data: { format: 'string', value: v.value }, ttl: v.ttl, timestamp: new Date(v.ts).toISOString() };
}

/** Handle REST response codes used here. */
export const RESPONSE = { SUCCESS: 1, ERROR: 2, HANDLE_NOT_FOUND: 100, VALUES_NOT_FOUND: 200, AUTHENTICATION_NEEDED: 402 } as const;
