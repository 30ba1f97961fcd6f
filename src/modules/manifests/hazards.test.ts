import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HAZARDS, hazardsOf } from './hazards.ts';
import { HAZARD_CHARACTERISTICS } from './model.ts';

/** Every full HW code the shipped catalogue names (its materials' hwCode fields). */
function catalogueCodes(): string[] {
  const text = readFileSync(new URL('../registry/catalogue/materials.v2.json', import.meta.url), 'utf8');
  const codes = new Set<string>();
  for (const m of text.matchAll(/"hwCode":\s*"([^"]*)"/g)) {
    const code = /HW(\d{2})[/\s]+(\d{3}-\d{3}-\d{2})/.exec(m[1]);
    if (code) codes.add(`HW${code[1]}/${code[2]}`);
  }
  return [...codes].sort();
}

describe('default hazard characteristics', () => {
  it('covers every HW code of the catalogue', () => {
    const codes = catalogueCodes();
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((c) => hazardsOf(c) === null)).toEqual([]);
  });

  it('lists valid, distinct characteristics, one or more per code, whose class matches the code', () => {
    for (const [code, hazards] of Object.entries(DEFAULT_HAZARDS)) {
      expect(code).toMatch(/^HW(\d{2})\/\d{3}-\d{3}-\1$/);
      expect(hazards.length).toBeGreaterThan(0);
      expect(new Set(hazards).size).toBe(hazards.length);
      for (const h of hazards) expect(HAZARD_CHARACTERISTICS).toContain(h);
    }
  });

  it('reads spent solvents as toxic and ignitable, waste acid as corrosive, and knows nothing it was not given', () => {
    expect(hazardsOf('HW06/900-402-06')).toEqual(['T', 'I']);
    expect(hazardsOf(' hw06/900-402-06 ')).toEqual(['T', 'I']);
    expect(hazardsOf('HW34/251-014-34')).toContain('C');
    expect(hazardsOf('HW99/000-000-99')).toBeNull();
    // A copy: changing it must not change the defaults.
    hazardsOf('HW06/900-402-06')!.push('R');
    expect(hazardsOf('HW06/900-402-06')).toEqual(['T', 'I']);
  });
});
