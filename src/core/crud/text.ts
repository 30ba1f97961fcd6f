/**
 * What a stored string may hold. A name or a code is something people read, compare and search
 * for: one that is blank, or that carries characters nobody sees (NUL, control characters,
 * zero-width characters, a byte-order mark, bidirectional overrides that reorder what is shown),
 * looks like another record's or like nothing at all, so it is refused. Free text (descriptions,
 * addresses) may have line breaks and the zero-width joiners some scripts and emoji need, but not
 * the rest.
 */
import type { FieldError } from '../errors.ts';
import type { ResourceSpec } from './spec.ts';

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
/** Zero-width space, non-joiner and joiner, word joiner, byte-order mark (zero-width no-break space). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/u;
/**
 * As invisible, and with no use in a name: the soft hyphen, the combining grapheme joiner, the
 * invisible mathematical operators and the Hangul fillers (blank-looking letters).
 */
// (The combining grapheme joiner stands apart: in a class it would read as combining with its neighbour.)
const HIDDEN_FORMAT = /[\u00AD\u2061-\u2064\u115F\u1160\u3164\uFFA0]|\u034F/u;
/** Nothing to see: white space, default-ignorable code points (variation selectors, tags, …), the braille blank. */
const SHOWS_NOTHING = /^[\s\p{Default_Ignorable_Code_Point}\u2800]*$/u;
/** Bidirectional embeddings, overrides and isolates, and the implicit marks (LRM, RLM, ALM). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** Free text keeps tab, line feed and carriage return; every other control character is refused. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Fields that name or identify a record (and so are held to the strict rule). */
export function isNameField(field: string): boolean {
  return /^(code|key|username)$/.test(field) || /name/i.test(field);
}

/** Why a name or code is not acceptable, or null. The value is expected already trimmed. */
export function nameProblem(value: string): string | null {
  if (value.length === 0) return 'must not be empty or only spaces';
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (INVISIBLE.test(value)) return 'must not contain zero-width characters or a byte-order mark';
  if (BIDI.test(value)) return 'must not contain bidirectional formatting characters';
  if (HIDDEN_FORMAT.test(value)) return 'must not contain invisible characters (soft hyphen, filler, invisible operator)';
  if (SHOWS_NOTHING.test(value)) return 'must show at least one visible character';
  return null;
}

/** Why free text is not acceptable, or null. */
export function textProblem(value: string): string | null {
  if (TEXT_CONTROL.test(value)) return 'must not contain control characters other than tab and line breaks';
  if (/\uFEFF/u.test(value)) return 'must not contain a byte-order mark';
  if (BIDI.test(value)) return 'must not contain bidirectional formatting characters';
  return null;
}

/**
 * Checks every string field of a record about to be written and returns it with names and codes
 * trimmed (leading and trailing spaces are a paste accident, not part of a name) and optional ones
 * left blank set to null; `errors` lists
 * each field that is refused, with its JSON pointer under `base`.
 */
export function cleanStrings(spec: ResourceSpec, input: Record<string, unknown>, base = '/body'): { values: Record<string, unknown>; errors: FieldError[] } {
  const values: Record<string, unknown> = { ...input };
  const errors: FieldError[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const f = spec.fields[name];
    if (!f || f.type !== 'string' || typeof raw !== 'string' || f.enum) continue;
    if (isNameField(name)) {
      const value = raw.trim();
      // An optional name left blank is an absent one.
      if (value === '' && f.nullable) {
        values[name] = null;
        continue;
      }
      const problem = nameProblem(value);
      if (problem) errors.push({ path: `${base}/${name}`, message: problem });
      else values[name] = value;
    } else {
      const problem = textProblem(raw);
      if (problem) errors.push({ path: `${base}/${name}`, message: problem });
    }
  }
  return { values, errors };
}
