/**
 * EPCIS Event Hash ID (CBV 2.0 §8.9 "EPCIS event hash ID"), JSON/JSON-LD input.
 *
 * Implemented in Symbiont from the algorithm description published with GS1's reference implementation
 * (github.com/RalphTro/epcis-event-hash-generator, README "Algorithm" rules 1–24 and "Canonical property order")
 * and checked against the expected CBV2.0 hashes that project publishes (see hash.test.ts). No code was copied.
 *
 * Outline:
 *   pre-hash = "eventType=<type>"
 *            + standard fields in canonical property order (key=value, no separators, list children sorted)
 *            + ilmd ("ilmd" + sorted expanded key=value strings)
 *            + user extensions inside standard fields (prefixed with their field path, CBV 2.0 layout)
 *            + event-level user extensions (sorted)
 *   hash ID  = "ni:///sha-256;" + hex(SHA-256(UTF-8(pre-hash))) + "?ver=CBV2.0"
 * Not part of the hash: eventID, recordTime, errorDeclaration, certificationInfo, the `type` key itself
 * (it is the eventType), JSON-LD keywords (@context, @id, @type) and comments (rdfs:comment, comment).
 *
 * Normalisation of values:
 *   - times (fields whose name contains "time", not "offset") → UTC, millisecond precision (half-up), "Z";
 *   - bare CBV terms ("receiving", "po", "location", "Temperature") → GS1 Web URIs
 *     (https://ref.gs1.org/cbv/BizStep-receiving, …/BTT-po, …/SDT-location, https://ref.gs1.org/voc/Temperature);
 *   - CBV URNs (urn:epcglobal:cbv:bizstep:…) → the same Web URIs; CURIEs of the GS1 namespaces expanded;
 *   - numbers without trailing zeros (26.0 → 26, "23.0" → 23);
 *   - EPC URIs / EPC class / EPC pattern URIs → canonical GS1 Digital Link URIs on id.gs1.org, and GS1 Digital
 *     Link URIs constrained (custom domain → id.gs1.org, query string dropped, finest key level only).
 *     (CBV 2.0 converts URNs *to* Digital Link, not the other way round.)
 *   - extension keys expanded to "{namespace IRI}localName" using the event's / document's @context.
 */
import { createHash } from 'node:crypto';
import type { EpcisEvent, JsonLdContext } from './validate.ts';

export const HASH_ALGORITHM_VERSION = 'CBV2.0';

export interface HashOptions {
  /** JSON-LD context used to expand extension prefixes; defaults to the event's own `@context`. */
  context?: JsonLdContext;
}

// ---------------------------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------------------------

/**
 * The namespace of Symbiont's own annotations on the events it serves (`symbiont:recordedBy`, …).
 * They say who recorded the event here; they are not part of the event, so the hash skips event-level
 * keys in this namespace, and a capture may not carry them (capture-prepare.ts).
 */
export const SYMBIONT_NS = 'urn:symbiont:';

/** Prefixes defined by the standard EPCIS 2.0 JSON-LD context that the algorithm expands. */
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  gs1: 'https://ref.gs1.org/voc/',
  cbv: 'https://ref.gs1.org/cbv/',
  epcis: 'https://ref.gs1.org/epcis/',
  cbvmda: 'urn:epcglobal:cbv:mda',
};

function namespaceMap(context: unknown): Map<string, string> {
  const ns = new Map(Object.entries(WELL_KNOWN_PREFIXES));
  const entries = Array.isArray(context) ? context : context === undefined ? [] : [context];
  for (const c of entries) {
    if (c && typeof c === 'object' && !Array.isArray(c)) {
      for (const [prefix, def] of Object.entries(c as Record<string, unknown>)) {
        if (prefix.startsWith('@')) continue;
        if (typeof def === 'string') ns.set(prefix, def);
        else if (def && typeof def === 'object' && typeof (def as Record<string, unknown>)['@id'] === 'string') {
          ns.set(prefix, (def as Record<string, string>)['@id']);
        }
      }
    }
  }
  return ns;
}

function expandKey(key: string, ns: Map<string, string>): string {
  const i = key.indexOf(':');
  if (i > 0) {
    const iri = ns.get(key.slice(0, i));
    if (iri !== undefined) return `{${iri}}${key.slice(i + 1)}`;
  }
  return key;
}

/** CURIE values are expanded only for the GS1 namespaces (user CURIEs stay as written). */
function expandValueCurie(value: string, ns: Map<string, string>): string {
  const i = value.indexOf(':');
  if (i > 0) {
    const iri = ns.get(value.slice(0, i));
    if (iri !== undefined && (iri.startsWith('https://ref.gs1.org') || iri.startsWith('https://gs1.org'))) {
      return iri + value.slice(i + 1);
    }
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Value canonicalisation
// ---------------------------------------------------------------------------------------------------------

const CBV_URN_PREFIXES: Array<[string, string]> = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

function webVocabulary(text: string): string {
  for (const [urn, web] of CBV_URN_PREFIXES) if (text.includes(urn)) text = text.split(urn).join(web);
  return text;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Decimal text without trailing zeros / exponent ("26.0" → "26", "1e-7" → "0.0000001"); others unchanged. */
export function canonicalNumber(text: string): string {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return text;
  const sign = m[1] === '-' ? '-' : '';
  let digits = (m[2] || '') + (m[3] || '');
  let pointPos = (m[2] || '').length + (m[4] ? Number(m[4]) : 0); // digits before the decimal point
  if (!Number.isFinite(pointPos) || Math.abs(pointPos) > 1000) return text;
  if (pointPos < 0) {
    digits = '0'.repeat(-pointPos) + digits;
    pointPos = 0;
  }
  if (pointPos > digits.length) digits = digits + '0'.repeat(pointPos - digits.length);
  let intPart = digits.slice(0, pointPos).replace(/^0+/, '') || '0';
  const frac = digits.slice(pointPos).replace(/0+$/, '');
  if (intPart === '') intPart = '0';
  return frac ? `${sign}${intPart}.${frac}` : `${sign}${intPart}`;
}

/** Time stamp → UTC, millisecond precision rounded half-up, 'Z'. Unparseable text is returned unchanged. */
export function canonicalTime(text: string): string {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s = '0', frac = ''] = m;
  const micros = Number((frac + '000000').slice(0, 6));
  const millis = Math.floor((micros + 500) / 1000);
  let offsetMin = 0;
  const tz = m[8];
  if (tz && tz !== 'Z' && tz !== 'z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  const ms = date.getTime() - offsetMin * 60_000 + millis;
  if (!Number.isFinite(ms)) return text;
  return new Date(ms).toISOString();
}

// ----- GS1 keys: EPC URI → canonical GS1 Digital Link URI (GS1 Tag Data Standard / Digital Link 1.2 §4.11) -----

function checkDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const n = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? n * 3 : n;
  }
  return String((10 - (sum % 10)) % 10);
}
const withCheck = (digits: string) => digits + checkDigit(digits);

/** Characters that must be percent-encoded in a Digital Link path segment but may appear raw in EPC URIs. */
function dlEncode(s: string): string {
  return s.replace(/[!()*+,:]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** One character of the EPC URI encoding of GS1 AI character set 82 (TDS §5). */
const EPC_CHAR = "(?:%[0-9A-Fa-f]{2}|[!')(*+,.0-9:;=A-Za-z_-])";
const GCP_REF = (total: number) => `(\\d{6,12})\\.(\\d{${0},${total - 6}})`;

function split(gcp: string, ref: string, total: number): boolean {
  return gcp.length + ref.length === total;
}

type EpcRule = { re: RegExp; build: (m: RegExpExecArray) => string | null };

const EPC_RULES: EpcRule[] = [
  {
    re: new RegExp(`^urn:epc:id:sgtin:${GCP_REF(13)}\\.(${EPC_CHAR}{1,20})$`),
    build: ([, g, r, s]) => (split(g, r, 13) ? `https://id.gs1.org/01/${withCheck(r[0] + g + r.slice(1))}/21/${dlEncode(s)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:sscc:${GCP_REF(17)}$`),
    build: ([, g, r]) => (split(g, r, 17) ? `https://id.gs1.org/00/${withCheck(r[0] + g + r.slice(1))}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:sgln:${GCP_REF(12)}\\.(${EPC_CHAR}{1,20})$`),
    build: ([, g, r, ext]) =>
      split(g, r, 12) ? `https://id.gs1.org/414/${withCheck(g + r)}${ext === '0' ? '' : `/254/${dlEncode(ext)}`}` : null,
  },
  {
    re: new RegExp(`^urn:epc:id:grai:${GCP_REF(12)}\\.(${EPC_CHAR}{1,16})$`),
    build: ([, g, r, s]) => (split(g, r, 12) ? `https://id.gs1.org/8003/${withCheck('0' + g + r)}${dlEncode(s)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:giai:(\\d{6,12})\\.(${EPC_CHAR}{1,24})$`),
    build: ([, g, r]) => (g.length + r.length <= 30 ? `https://id.gs1.org/8004/${g}${dlEncode(r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:gsrn:${GCP_REF(17)}$`),
    build: ([, g, r]) => (split(g, r, 17) ? `https://id.gs1.org/8018/${withCheck(g + r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:gsrnp:${GCP_REF(17)}$`),
    build: ([, g, r]) => (split(g, r, 17) ? `https://id.gs1.org/8017/${withCheck(g + r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:gdti:${GCP_REF(12)}\\.(${EPC_CHAR}{0,17})$`),
    build: ([, g, r, s]) => (split(g, r, 12) ? `https://id.gs1.org/253/${withCheck(g + r)}${dlEncode(s)}` : null),
  },
  {
    re: /^urn:epc:id:cpi:(\d{6,12})\.((?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-]){1,24})\.(\d{1,12})$/,
    build: ([, g, r, s]) => (g.length + r.length <= 30 ? `https://id.gs1.org/8010/${dlEncode(g + r)}/8011/${s}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:sgcn:${GCP_REF(12)}\\.(\\d{1,12})$`),
    build: ([, g, r, s]) => (split(g, r, 12) ? `https://id.gs1.org/255/${withCheck(g + r)}${s}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:ginc:(\\d{6,12})\\.(${EPC_CHAR}{1,24})$`),
    build: ([, g, r]) => (g.length + r.length <= 30 ? `https://id.gs1.org/401/${g}${dlEncode(r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:gsin:${GCP_REF(16)}$`),
    build: ([, g, r]) => (split(g, r, 16) ? `https://id.gs1.org/402/${withCheck(g + r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:itip:${GCP_REF(13)}\\.(\\d{2})\\.(\\d{2})\\.(${EPC_CHAR}{1,20})$`),
    build: ([, g, r, p, t, s]) =>
      split(g, r, 13) ? `https://id.gs1.org/8006/${withCheck(r[0] + g + r.slice(1))}${p}${t}/21/${dlEncode(s)}` : null,
  },
  {
    re: new RegExp(`^urn:epc:id:upui:${GCP_REF(13)}\\.(${EPC_CHAR}{1,28})$`),
    build: ([, g, r, s]) => (split(g, r, 13) ? `https://id.gs1.org/01/${withCheck(r[0] + g + r.slice(1))}/235/${dlEncode(s)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:id:pgln:${GCP_REF(12)}$`),
    build: ([, g, r]) => (split(g, r, 12) ? `https://id.gs1.org/417/${withCheck(g + r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:class:lgtin:${GCP_REF(13)}\\.(${EPC_CHAR}{1,20})$`),
    build: ([, g, r, lot]) => (split(g, r, 13) ? `https://id.gs1.org/01/${withCheck(r[0] + g + r.slice(1))}/10/${dlEncode(lot)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:idpat:sgtin:${GCP_REF(13)}\\.\\*$`),
    build: ([, g, r]) => (split(g, r, 13) ? `https://id.gs1.org/01/${withCheck(r[0] + g + r.slice(1))}` : null),
  },
  {
    re: new RegExp(`^urn:epc:idpat:grai:${GCP_REF(12)}\\.\\*$`),
    build: ([, g, r]) => (split(g, r, 12) ? `https://id.gs1.org/8003/${withCheck('0' + g + r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:idpat:gdti:${GCP_REF(12)}\\.\\*$`),
    build: ([, g, r]) => (split(g, r, 12) ? `https://id.gs1.org/253/${withCheck(g + r)}` : null),
  },
  {
    re: new RegExp(`^urn:epc:idpat:sgcn:${GCP_REF(12)}\\.\\*$`),
    build: ([, g, r]) => (split(g, r, 12) ? `https://id.gs1.org/255/${withCheck(g + r)}` : null),
  },
  {
    re: /^urn:epc:idpat:cpi:(\d{6,12})\.((?:%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-]){1,24})\.\*$/,
    build: ([, g, r]) => `https://id.gs1.org/8010/${dlEncode(g + r)}`,
  },
  {
    re: new RegExp(`^urn:epc:idpat:itip:${GCP_REF(13)}\\.(\\d{2})\\.(\\d{2})\\.\\*$`),
    build: ([, g, r, p, t]) => (split(g, r, 13) ? `https://id.gs1.org/8006/${withCheck(r[0] + g + r.slice(1))}${p}${t}` : null),
  },
  {
    re: new RegExp(`^urn:epc:idpat:upui:${GCP_REF(13)}\\.\\*$`),
    build: ([, g, r]) => (split(g, r, 13) ? `https://id.gs1.org/01/${withCheck(r[0] + g + r.slice(1))}` : null),
  },
];

const SHORT_NAMES: Record<string, string> = {
  gtin: '01', itip: '8006', cpid: '8010', gln: '414', party: '417', gsrnp: '8017', gsrn: '8018', gcn: '255',
  sscc: '00', gdti: '253', ginc: '401', gsin: '402', grai: '8003', giai: '8004', cpv: '22', lot: '10', ser: '21',
};
const PRIMARY_KEYS = ['00', '01', '253', '255', '401', '402', '414', '417', '8003', '8004', '8006', '8010', '8017', '8018'];
const DL_DETECT = new RegExp(
  `^https?://[^/?#]*(?:/[^?#]*)?/(?:${[...PRIMARY_KEYS, 'gtin', 'itip', 'cpid', 'gln', 'party', 'gsrnp', 'gsrn', 'gcn', 'sscc', 'gdti', 'ginc', 'gsin', 'grai', 'giai'].join('|')})/\\d{4}[^/?#]*`,
);
const DL_CHAR = "[\"'\\-.0-9;-?A-Z_a-z]";
const DL_VALID: RegExp[] = [
  /^https:\/\/id\.gs1\.org\/00\/\d{18}$/,
  new RegExp(`^https://id\\.gs1\\.org/01/\\d{14}/21/${DL_CHAR}{0,20}$`),
  new RegExp(`^https://id\\.gs1\\.org/01/\\d{14}/10/${DL_CHAR}{0,20}$`),
  /^https:\/\/id\.gs1\.org\/01\/\d{14}$/,
  new RegExp(`^https://id\\.gs1\\.org/01/\\d{14}/235/${DL_CHAR}{0,28}$`),
  new RegExp(`^https://id\\.gs1\\.org/253/\\d{13}${DL_CHAR}{0,17}$`),
  /^https:\/\/id\.gs1\.org\/255\/\d{13}\d{0,12}$/,
  new RegExp(`^https://id\\.gs1\\.org/401/${DL_CHAR}{0,30}$`),
  /^https:\/\/id\.gs1\.org\/402\/\d{17}$/,
  /^https:\/\/id\.gs1\.org\/414\/\d{13}$/,
  new RegExp(`^https://id\\.gs1\\.org/414/\\d{13}/254/${DL_CHAR}{0,20}$`),
  /^https:\/\/id\.gs1\.org\/417\/\d{13}$/,
  new RegExp(`^https://id\\.gs1\\.org/8003/\\d{14}${DL_CHAR}{0,16}$`),
  new RegExp(`^https://id\\.gs1\\.org/8004/${DL_CHAR}{0,30}$`),
  new RegExp(`^https://id\\.gs1\\.org/8006/\\d{18}/21/${DL_CHAR}{0,20}$`),
  new RegExp(`^https://id\\.gs1\\.org/8006/\\d{18}/10/${DL_CHAR}{0,20}$`),
  /^https:\/\/id\.gs1\.org\/8006\/\d{18}$/,
  /^https:\/\/id\.gs1\.org\/8010\/[#\-/0-9A-Z]{0,30}\/8011\/\d{0,12}$/,
  /^https:\/\/id\.gs1\.org\/8010\/[#\-/0-9A-Z]{0,30}$/,
  /^https:\/\/id\.gs1\.org\/8017\/\d{18}$/,
  /^https:\/\/id\.gs1\.org\/8018\/\d{18}$/,
];

function constrainDigitalLink(uri: string): string | null {
  if (!DL_DETECT.test(uri)) return null;
  let u = uri.split('?')[0].split('#')[0];
  u = u.replace(/\/([a-z]+)\//g, (whole, name: string) => (SHORT_NAMES[name] ? `/${SHORT_NAMES[name]}/` : whole));
  // rebase on id.gs1.org at the primary key
  if (!/^https:\/\/id\.gs1\.org\/(?:01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004)\/\d{4}/.test(u)) {
    const key = PRIMARY_KEYS.find((k) => u.includes(`/${k}/`));
    if (!key) return null;
    u = 'https://id.gs1.org' + u.slice(u.indexOf(`/${key}/`));
  }
  u = u.replace(/\/$/, '');
  // GTIN-8/12/13 → GTIN-14
  const g = /^https:\/\/id\.gs1\.org\/01\/(\d+)/.exec(u);
  if (g) {
    const n = g[1].length;
    const pad = n === 13 ? 1 : n === 12 ? 2 : n >= 8 && n < 12 ? 6 : 0;
    if (pad) u = u.replace('/01/', '/01/' + '0'.repeat(pad));
  }
  // drop the consumer product variant and, when a serial is present, the lot
  u = u.replace(/^(https:\/\/id\.gs1\.org\/(?:01\/\d{14}|8006\/\d{18}))\/22\/[^/]*/, '$1');
  u = u.replace(/^(https:\/\/id\.gs1\.org\/(?:01\/\d{14}|8006\/\d{18}))\/10\/[^/]*(\/21\/[^/]*)$/, '$1$2');
  return DL_VALID.some((re) => re.test(u)) ? u : null;
}

/**
 * Canonical GS1 Digital Link form of an EPC URI, EPC class / pattern URI or GS1 Digital Link URI
 * (constrained: id.gs1.org, no query string, finest key level). `null` when `uri` carries no GS1 key.
 */
export function toCanonicalDigitalLink(uri: string): string | null {
  if (uri.startsWith('urn:epc:')) {
    for (const rule of EPC_RULES) {
      const m = rule.re.exec(uri);
      if (m) return rule.build(m);
    }
    return null;
  }
  if (uri.startsWith('http://') || uri.startsWith('https://')) return constrainDigitalLink(uri);
  return null;
}

function canonicalValue(text: string): string {
  const t = canonicalNumber(webVocabulary(text));
  return toCanonicalDigitalLink(t) ?? t;
}

// ---------------------------------------------------------------------------------------------------------
// Pre-hash construction
// ---------------------------------------------------------------------------------------------------------

/** Code-point order (UTF-8 byte order), as the algorithm prescribes. */
function byCodePoint(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}
const sorted = (xs: string[]) => [...xs].sort(byCodePoint);

type Vocab = 'BizStep' | 'Disp' | 'BTT' | 'SDT' | 'ER' | 'Measurement' | 'Alert' | 'Comp';
const VOCAB_BASE: Record<Vocab, string> = {
  BizStep: 'https://ref.gs1.org/cbv/BizStep-',
  Disp: 'https://ref.gs1.org/cbv/Disp-',
  BTT: 'https://ref.gs1.org/cbv/BTT-',
  SDT: 'https://ref.gs1.org/cbv/SDT-',
  ER: 'https://ref.gs1.org/cbv/ER-',
  Measurement: 'https://ref.gs1.org/voc/',
  Alert: 'https://ref.gs1.org/voc/SensorAlertType-',
  Comp: 'https://ref.gs1.org/cbv/Comp-',
};

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return '';
}

/** Keys that never take part in the hash, at event level. */
const IGNORED_EVENT_KEYS = new Set([
  'type', 'eventID', 'recordTime', 'errorDeclaration', 'certificationInfo',
  '@context', '@id', '@type', 'rdfs:comment', 'comment',
]);
/** Keys ignored anywhere (comments and JSON-LD keywords). */
const IGNORED_KEYS = new Set(['rdfs:comment', 'comment', '@context', '@id', '@type', '#text']);

interface Ctx {
  ns: Map<string, string>;
}

/** "key=value" for a standard field; '' when the value is empty. */
function kv(ctx: Ctx, key: string, raw: unknown, vocab?: Vocab): string {
  let text = scalarText(raw).trim();
  if (!text) return '';
  text = expandValueCurie(text, ctx.ns);
  if (vocab && !text.includes(':')) text = VOCAB_BASE[vocab] + text;
  const lower = key.toLowerCase();
  text = lower.includes('time') && !lower.includes('offset') ? canonicalTime(text) : canonicalValue(text);
  return text ? `${key}=${text}` : '';
}

/** Generic (extension) serialisation: expanded key, "=value" if any, nested children; siblings sorted. */
function generic(ctx: Ctx, obj: Record<string, unknown>): string {
  const entries: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (IGNORED_KEYS.has(k)) continue;
    const key = expandKey(k, ctx.ns);
    for (const item of flatten(v)) entries.push(genericEntry(ctx, key, item));
  }
  return sorted(entries).join('');
}

function flatten(v: unknown): unknown[] {
  return Array.isArray(v) ? v.flatMap(flatten) : [v];
}

function genericEntry(ctx: Ctx, key: string, v: unknown): string {
  if (isObj(v)) return key + generic(ctx, v);
  let text = scalarText(v).trim();
  if (!text) return key;
  text = canonicalValue(expandValueCurie(text, ctx.ns));
  return `${key}=${text}`;
}

const QUANTITY_FIELDS = ['epcClass', 'quantity', 'uom'];
const SENSOR_METADATA_FIELDS = [
  'time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules',
];
const SENSOR_REPORT_FIELDS = [
  'type', 'exception', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time', 'microorganism',
  'chemicalSubstance', 'value', 'component', 'stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue',
  'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue', 'uom', 'coordinateReferenceSystem',
];
const SENSOR_REPORT_VOCAB: Record<string, Vocab> = { type: 'Measurement', exception: 'Alert', component: 'Comp' };

const EPC_LISTS = ['epcList', 'inputEPCList', 'childEPCs', 'outputEPCList'];
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];

/** Canonical property order of CBV 2.0 (event level). */
const ORDER = [
  'eventTime', 'eventTimeZoneOffset', 'epcList', 'parentID', 'inputEPCList', 'childEPCs', 'quantityList',
  'childQuantityList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'action', 'transformationID',
  'bizStep', 'disposition', 'persistentDisposition', 'readPoint', 'bizLocation', 'bizTransactionList',
  'sourceList', 'destinationList', 'sensorElementList',
] as const;
const STANDARD_KEYS = new Set<string>([...ORDER, 'ilmd']);

function fields(ctx: Ctx, obj: Record<string, unknown>, order: string[], vocab: Record<string, Vocab> = {}): string {
  return order.map((f) => sorted(asArray(obj[f]).map((v) => kv(ctx, f, v, vocab[f]))).join('')).join('');
}

function extensionsOf(ctx: Ctx, obj: Record<string, unknown>, standard: readonly string[]): string {
  const ext: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!standard.includes(k) && !IGNORED_KEYS.has(k)) ext[k] = v;
  return Object.keys(ext).length ? generic(ctx, ext) : '';
}

function standardPart(ctx: Ctx, ev: Record<string, unknown>): string {
  let out = '';
  for (const f of ORDER) {
    const v = ev[f];
    if (v === undefined || v === null) continue;
    if (EPC_LISTS.includes(f)) {
      const s = sorted(asArray(v).map((e) => kv(ctx, 'epc', e)).filter(Boolean)).join('');
      if (s) out += f + s;
    } else if (QUANTITY_LISTS.includes(f)) {
      const s = sorted(
        asArray(v).filter(isObj).map((q) => {
          const inner = fields(ctx, q, QUANTITY_FIELDS);
          return inner ? 'quantityElement' + inner : '';
        }).filter(Boolean),
      ).join('');
      if (s) out += f + s;
    } else if (f === 'persistentDisposition') {
      if (!isObj(v)) continue;
      const s = fields(ctx, v, ['set', 'unset'], { set: 'Disp', unset: 'Disp' });
      if (s) out += f + s;
    } else if (f === 'readPoint' || f === 'bizLocation') {
      if (!isObj(v)) continue;
      const s = kv(ctx, 'id', v.id);
      if (s) out += f + s;
    } else if (f === 'bizTransactionList' || f === 'sourceList' || f === 'destinationList') {
      const idKey = f === 'bizTransactionList' ? 'bizTransaction' : f === 'sourceList' ? 'source' : 'destination';
      const typeVocab: Vocab = f === 'bizTransactionList' ? 'BTT' : 'SDT';
      const s = sorted(
        asArray(v).filter(isObj).map((e) => kv(ctx, 'type', e.type, typeVocab) + kv(ctx, idKey, e[idKey])).filter(Boolean),
      ).join('');
      if (s) out += f + s;
    } else if (f === 'sensorElementList') {
      // CBV 2.0: the "sensorElementList" name itself is not written, each element is "sensorElement…"
      const s = sorted(
        asArray(v).filter(isObj).map((se) => {
          const md = isObj(se.sensorMetadata) ? fields(ctx, se.sensorMetadata, SENSOR_METADATA_FIELDS) : '';
          const reports = sorted(
            asArray(se.sensorReport).filter(isObj).map((r) => {
              const inner = fields(ctx, r, SENSOR_REPORT_FIELDS, SENSOR_REPORT_VOCAB);
              return inner ? 'sensorReport' + inner : '';
            }).filter(Boolean),
          ).join('');
          const inner = (md ? 'sensorMetadata' + md : '') + reports;
          return inner ? 'sensorElement' + inner : '';
        }).filter(Boolean),
      ).join('');
      out += s;
    } else {
      const vocab: Vocab | undefined = f === 'bizStep' ? 'BizStep' : f === 'disposition' ? 'Disp' : undefined;
      out += kv(ctx, f, v, vocab);
    }
  }
  return out;
}

/** User extensions nested in standard fields, CBV 2.0 layout: field path + sorted extension strings. */
function fieldExtensionPart(ctx: Ctx, ev: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const f of ORDER) {
    const v = ev[f];
    if (QUANTITY_LISTS.includes(f)) {
      const inner = sorted(asArray(v).filter(isObj).map((q) => {
        const e = extensionsOf(ctx, q, QUANTITY_FIELDS);
        return e ? 'quantityElement' + e : '';
      }).filter(Boolean)).join('');
      if (inner) parts.push(f + inner);
    } else if (f === 'persistentDisposition' || f === 'readPoint' || f === 'bizLocation') {
      if (!isObj(v)) continue;
      const e = extensionsOf(ctx, v, f === 'persistentDisposition' ? ['set', 'unset'] : ['id']);
      if (e) parts.push(f + e);
    } else if (f === 'bizTransactionList' || f === 'sourceList' || f === 'destinationList') {
      const idKey = f === 'bizTransactionList' ? 'bizTransaction' : f === 'sourceList' ? 'source' : 'destination';
      const inner = sorted(asArray(v).filter(isObj).map((e) => extensionsOf(ctx, e, ['type', idKey])).filter(Boolean)).join('');
      if (inner) parts.push(f + inner);
    } else if (f === 'sensorElementList') {
      const inner = sorted(asArray(v).filter(isObj).map((se) => {
        let s = '';
        if (isObj(se.sensorMetadata)) {
          const e = extensionsOf(ctx, se.sensorMetadata, SENSOR_METADATA_FIELDS);
          if (e) s += 'sensorMetadata' + e;
        }
        s += sorted(asArray(se.sensorReport).filter(isObj).map((r) => {
          const e = extensionsOf(ctx, r, SENSOR_REPORT_FIELDS);
          return e ? 'sensorReport' + e : '';
        }).filter(Boolean)).join('');
        s += extensionsOf(ctx, se, ['sensorMetadata', 'sensorReport', 'type']);
        return s ? 'sensorElement' + s : '';
      }).filter(Boolean)).join('');
      if (inner) parts.push(inner);
    }
  }
  return parts.join('');
}

/**
 * The canonical pre-hash string of an event (CBV 2.0 event hash ID algorithm). Exposed for debugging and
 * for comparing with other implementations; `eventHash` is SHA-256 over its UTF-8 bytes.
 */
export function preHashString(event: EpcisEvent | Record<string, unknown>, options: HashOptions = {}): string {
  const ev = event as Record<string, unknown>;
  const ctx: Ctx = { ns: namespaceMap(options.context ?? ev['@context']) };
  let out = `eventType=${String(ev.type)}` + standardPart(ctx, ev);
  if (ev.ilmd !== undefined) {
    out += 'ilmd' + (isObj(ev.ilmd) ? generic(ctx, ev.ilmd) : '');
  }
  out += fieldExtensionPart(ctx, ev);
  const ext: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ev)) {
    // The repository's own annotations (symbiont:recordedBy, …) are not part of the event.
    if (!STANDARD_KEYS.has(k) && !IGNORED_EVENT_KEYS.has(k) && !expandKey(k, ctx.ns).startsWith(`{${SYMBIONT_NS}`)) ext[k] = v;
  }
  out += generic(ctx, ext);
  return out;
}

/** EPCIS event hash ID: `ni:///sha-256;<hex>?ver=CBV2.0`. */
export function eventHash(event: EpcisEvent | Record<string, unknown>, options: HashOptions = {}): string {
  const digest = createHash('sha256').update(preHashString(event, options), 'utf8').digest('hex');
  return `ni:///sha-256;${digest}?ver=${HASH_ALGORITHM_VERSION}`;
}
