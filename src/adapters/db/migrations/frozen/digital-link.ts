/**
 * FROZEN copy of `toCanonicalDigitalLink` (src/modules/trace/epcis/hash.ts) as it was when
 * migrations 006 and 008 shipped. Migrations must give the same result on every database, whenever
 * they run, so they must not change when module code does: never edit this file to follow
 * hash.ts. If a later migration needs a newer behaviour, give it its own frozen copy.
 * (Migrations import nothing from src/modules; .dependency-cruiser.cjs enforces it.)
 */

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
