import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResourceSpec } from './spec.ts';
import { cleanStrings, isNameField, nameProblem, textProblem } from './text.ts';

const spec = {
  fields: {
    code: { column: 'code', type: 'string', required: true },
    name: { column: 'name', type: 'string', required: true },
    nameEn: { column: 'name_en', type: 'string', nullable: true },
    description: { column: 'description', type: 'string', nullable: true },
    kind: { column: 'kind', type: 'string', enum: ['a', 'b'] },
    capacity: { column: 'capacity', type: 'number', nullable: true },
  },
} as unknown as ResourceSpec;

/** Characters nobody sees or that reorder what is shown: refused in every name. */
const HIDDEN = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001B', '\u007F', '\u0085', '\u009F', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202A', '\u202E', '\u2066', '\u2069', '\u200E', '\u200F'];
/** Names people give: Chinese, accented, with inner spaces and punctuation. */
const GOOD = ['氯碱一厂', 'Chlor-alkali plant #1', 'Café Müller', 'a', '离子膜电解槽 A', 'PE (HDPE) 粒料'];

describe('names and codes', () => {
  it.each(GOOD)('accepts %j', (name) => {
    expect(nameProblem(name)).toBeNull();
    expect(cleanStrings(spec, { name }).errors).toEqual([]);
  });

  it.each(['', ' ', '   ', '\u3000', '\u00A0\t ', '\n'])('refuses the blank name %j', (name) => {
    expect(cleanStrings(spec, { name }).errors).toEqual([{ path: '/body/name', message: 'must not be empty or only spaces' }]);
  });

  it.each(['\u00AD', '\u034F', '\u2061', '\u3164', '\uFFA0', '\u115F', '\u2800', '\u180E', '\uFE0F', '\u{E0020}', '\u2800\uFE0F\u180E'])(
    'refuses the name %j, which shows nothing',
    (name) => {
      expect(nameProblem(name)).not.toBeNull();
      expect(cleanStrings(spec, { name, code: `a${name}` }).errors.map((e) => e.path)).toContain('/body/name');
    },
  );

  it('refuses a soft hyphen, filler or invisible operator inside a name, and keeps a variation selector after a visible character', () => {
    for (const hidden of ['\u00AD', '\u034F', '\u2062', '\u3164', '\uFFA0']) expect(nameProblem(`pla${hidden}nt`), JSON.stringify(hidden)).not.toBeNull();
    for (const fine of ['\u2603\uFE0F snow', '\u845B\u{E0100}', 'braille \u2800 blank inside']) expect(nameProblem(fine), JSON.stringify(fine)).toBeNull();
  });

  it('refuses a hidden character anywhere in a name or code (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom(...HIDDEN), fc.string(), fc.constantFrom('code', 'name', 'nameEn'), (before, hidden, after, field) => {
        const value = `x${before}${hidden}${after}x`;
        const r = cleanStrings(spec, { [field]: value });
        expect(r.errors).toHaveLength(1);
        expect(r.errors[0].path).toBe(`/body/${field}`);
      }),
    );
  });

  it('trims names and codes, and accepts what is left when it is printable (property)', () => {
    const printable = fc.string({ minLength: 1, unit: 'grapheme' }).filter((s) => s.trim() === s && s.length > 0 && nameProblem(s) === null);
    fc.assert(
      fc.property(printable, fc.constantFrom('', ' ', '  ', '\u3000'), (name, pad) => {
        const r = cleanStrings(spec, { name: pad + name + pad, code: name });
        expect(r.errors).toEqual([]);
        expect(r.values).toEqual({ name, code: name });
      }),
    );
  });

  it('sets an optional name left blank to null, and leaves other fields alone', () => {
    expect(cleanStrings(spec, { nameEn: '  ', kind: 'a', capacity: 3 }).values).toEqual({ nameEn: null, kind: 'a', capacity: 3 });
    expect(cleanStrings(spec, { nameEn: null }).values).toEqual({ nameEn: null });
  });

  it('knows which fields are names or codes', () => {
    for (const f of ['code', 'key', 'username', 'name', 'nameEn', 'displayName', 'contactName']) expect(isNameField(f), f).toBe(true);
    for (const f of ['description', 'address', 'contactPhone', 'model', 'serialNo']) expect(isNameField(f), f).toBe(false);
  });
});

describe('free text', () => {
  it('keeps line breaks, tabs and the joiners scripts need', () => {
    for (const t of ['line one\nline two', 'a\tb', 'crlf\r\n', 'family 👨\u200D👩\u200D👧', 'می\u200Cخواهم', '   ']) {
      expect(textProblem(t), JSON.stringify(t)).toBeNull();
    }
  });

  it.each(['\u0000', '\u0007', '\u001B[31m', '\u0085', '\uFEFF', '\u202E', '\u2067'])('refuses %j', (bad) => {
    expect(cleanStrings(spec, { description: `before${bad}after` }).errors).toEqual([{ path: '/body/description', message: expect.any(String) }]);
  });
});
