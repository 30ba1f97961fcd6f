import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, numberFormatProblems } from './numbering.ts';

const parts = { parkCode: 'SIP', regionCode: '320506', year: 2026, month: 3, seq: 42 };

describe('manifest numbers', () => {
  it('formats the park default and the other tokens', () => {
    expect(formatNumber('{park}-{YYYY}-{seq:6}', parts)).toBe('SIP-2026-000042');
    expect(formatNumber('{region}{YY}{MM}{seq:4}', parts)).toBe('32050626030042');
    expect(formatNumber('HW.{YYYY}.{seq}', parts)).toBe('HW.2026.42');
    // A serial past its padding grows rather than wraps.
    expect(formatNumber('{YYYY}-{seq:2}', { ...parts, seq: 1234 })).toBe('2026-1234');
  });

  it('finds what is wrong with a format', () => {
    expect(numberFormatProblems('{park}-{YYYY}-{seq:6}')).toEqual([]);
    expect(numberFormatProblems('{park}-{seq:6}')).toEqual([expect.stringContaining('year')]);
    expect(numberFormatProblems('{park}-{YYYY}')).toEqual([expect.stringContaining('serial')]);
    expect(numberFormatProblems('{YYYY}{seq}{seq:3}')).toEqual([expect.stringContaining('once')]);
    expect(numberFormatProblems('{YYYY}-{seq:0}')).toEqual([expect.stringContaining('{seq:0} is not a token'), expect.stringContaining('serial')]);
    expect(numberFormatProblems('{YYYY}-{seq:13}')[0]).toContain('not a token');
    expect(numberFormatProblems('{YYYY}-{day}-{seq}')[0]).toContain('{day} is not a token');
    expect(numberFormatProblems('{YYYY}-{seq')[0]).toContain('unmatched brace');
    expect(numberFormatProblems('{YYYY} {seq}')[0]).toContain('literal text');
    expect(numberFormatProblems('{YYYY}/{seq}')[0]).toContain('literal text');
    expect(numberFormatProblems('')).toEqual(['the format is empty']);
  });

  it('needs a region code only where the format uses {region}', () => {
    expect(numberFormatProblems('{region}-{YYYY}-{seq:5}')).toEqual([]);
    expect(numberFormatProblems('{region}-{YYYY}-{seq:5}', { regionCode: null })).toEqual([expect.stringContaining('regionCode')]);
    expect(numberFormatProblems('{region}-{YYYY}-{seq:5}', { regionCode: '320506' })).toEqual([]);
    expect(numberFormatProblems('{park}-{YYYY}-{seq:5}', { regionCode: null })).toEqual([]);
    expect(() => formatNumber('{region}-{YYYY}-{seq:5}', { ...parts, regionCode: null })).toThrow(/regionCode/);
    expect(() => formatNumber('{YYYY}-{seq:5}', { ...parts, seq: 0 })).toThrow(/serial/);
  });

  it('gives distinct serials of one year distinct numbers, whatever the format and month', () => {
    const piece = fc.constantFrom('{park}', '{region}', '{MM}', '{YY}', '{YYYY}', '-', '_', '.', 'A', '7', '');
    const formatArb = fc
      .tuple(fc.array(piece, { maxLength: 3 }), fc.constantFrom('{seq}', '{seq:1}', '{seq:3}', '{seq:6}'), fc.array(piece, { maxLength: 3 }), fc.constantFrom('{YYYY}', '{YY}'))
      .map(([before, seq, after, year]) => [...before, seq, ...after, year].join(''))
      .filter((f) => numberFormatProblems(f, { regionCode: '320506' }).length === 0);
    fc.assert(
      fc.property(
        formatArb,
        fc.integer({ min: 2000, max: 2100 }),
        fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 12 })),
        fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 12 })),
        (format, year, [s1, m1], [s2, m2]) => {
          fc.pre(s1 !== s2);
          const a = formatNumber(format, { ...parts, year, seq: s1, month: m1 });
          const b = formatNumber(format, { ...parts, year, seq: s2, month: m2 });
          expect(a).not.toBe(b);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
