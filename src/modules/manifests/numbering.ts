/**
 * Manifest numbers in the park's format (ManifestSettings.numberFormat): tokens {park} the park's
 * code, {region} the 行政区划代码, {YYYY}, {YY}, {MM}, {seq:N} the year's serial padded to N digits
 * ({seq} unpadded); anything else is literal text. A format must contain {seq…} once and {YYYY} or
 * {YY}, so that the serial, which restarts every year, still names one manifest.
 *
 * Every token but the serial has a fixed width within a year, so two different serials of one year
 * always give two different numbers, whatever literal text surrounds them.
 */

const TOKEN = /\{([^{}]*)\}/g;
/** Literal text the number may carry: it goes into URNs, QR codes and file names unescaped. */
const LITERAL = /^[A-Za-z0-9._-]*$/;
const MAX_PAD = 12;

type Token = { kind: 'park' | 'region' | 'YYYY' | 'YY' | 'MM' } | { kind: 'seq'; pad: number };

function tokenOf(body: string): Token | null {
  if (body === 'park' || body === 'region' || body === 'YYYY' || body === 'YY' || body === 'MM') return { kind: body };
  if (body === 'seq') return { kind: 'seq', pad: 0 };
  const m = /^seq:(\d{1,2})$/.exec(body);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= MAX_PAD) return { kind: 'seq', pad: Number(m[1]) };
  return null;
}

/** The format split into literal text and tokens; problems for what is neither. */
function parse(format: string): { parts: (string | Token)[]; problems: string[] } {
  const parts: (string | Token)[] = [];
  const problems: string[] = [];
  let last = 0;
  const literal = (text: string) => {
    if (!text) return;
    if (/[{}]/.test(text)) problems.push(`an unmatched brace in "${text}"`);
    else if (!LITERAL.test(text)) problems.push(`"${text}": literal text may hold only letters, digits, '-', '_' and '.'`);
    parts.push(text);
  };
  for (const match of format.matchAll(TOKEN)) {
    literal(format.slice(last, match.index));
    const token = tokenOf(match[1]);
    if (token) parts.push(token);
    else problems.push(`{${match[1]}} is not a token (${'{park} {region} {YYYY} {YY} {MM} {seq:N}'}, N 1–${MAX_PAD})`);
    last = match.index + match[0].length;
  }
  literal(format.slice(last));
  return { parts, problems };
}

/**
 * What is wrong with a number format (empty: it holds). With `context`, also whether the tokens it
 * uses have their values: {region} needs a regionCode.
 */
export function numberFormatProblems(format: string, context?: { regionCode: string | null }): string[] {
  if (typeof format !== 'string' || format.trim() === '') return ['the format is empty'];
  const { parts, problems } = parse(format);
  const tokens = parts.filter((p): p is Token => typeof p !== 'string');
  const seqs = tokens.filter((t) => t.kind === 'seq').length;
  if (seqs === 0) problems.push('the format needs the serial {seq:N}');
  if (seqs > 1) problems.push('the format names the serial {seq…} once');
  if (!tokens.some((t) => t.kind === 'YYYY' || t.kind === 'YY')) problems.push('the format needs the year {YYYY} or {YY}: the serial restarts every year');
  if (context && tokens.some((t) => t.kind === 'region') && !context.regionCode) problems.push('{region} needs the settings\' regionCode');
  return problems;
}

export interface NumberParts {
  parkCode: string;
  regionCode: string | null;
  year: number;
  /** 1–12. */
  month: number;
  /** The year's serial, from 1. */
  seq: number;
}

/** The number `format` gives these parts. Throws on a format numberFormatProblems refuses (settings are checked when written). */
export function formatNumber(format: string, parts: NumberParts): string {
  const problems = numberFormatProblems(format, { regionCode: parts.regionCode });
  if (problems.length) throw new Error(`manifest number format "${format}": ${problems.join('; ')}`);
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new Error(`manifest serial ${parts.seq} is not a whole number ≥ 1`);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return parse(format)
    .parts.map((p) => {
      if (typeof p === 'string') return p;
      switch (p.kind) {
        case 'park':
          return parts.parkCode;
        case 'region':
          return parts.regionCode ?? '';
        case 'YYYY':
          return pad(parts.year, 4);
        case 'YY':
          return pad(parts.year % 100, 2);
        case 'MM':
          return pad(parts.month, 2);
        case 'seq':
          return pad(parts.seq, p.pad);
      }
    })
    .join('');
}
