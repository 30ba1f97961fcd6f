import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { KPI_DIRECTION, targetStatus, targetValueOf, trajectoryAt, type Direction, type Target } from './targets.ts';

// Hand-computed, on the 13th Five-Year Plan's form: energy intensity −15 % from 2015 to 2020.
// The base value 0.80 tce/万元 is illustrative.
const energy: Target = { kind: 'reduction', percent: 15, baseYear: 2015, baseValue: 0.8, targetYear: 2020 };

describe('reduction target (−15 %, 2015 → 2020)', () => {
  it('target value = 0.80 × (1 − 0.15) = 0.68', () => {
    expect(targetValueOf(energy)).toBeCloseTo(0.68, 12);
  });

  it('trajectory in 2018 = 0.80 + (0.68 − 0.80) × 3/5 = 0.728', () => {
    expect(trajectoryAt(energy, 2018)).toBeCloseTo(0.728, 12);
    expect(trajectoryAt(energy, 2010)).toBe(0.8);
    expect(trajectoryAt(energy, 2030)).toBeCloseTo(0.68, 12);
  });

  it('statuses in 2018', () => {
    const d = KPI_DIRECTION.energy_intensity_tce_per_10k_cny;
    expect(targetStatus(0.72, 2018, energy, d).status).toBe('on_track'); // 0.72 ≤ 0.728
    expect(targetStatus(0.75, 2018, energy, d).status).toBe('off_track'); // 0.75 > 0.728
    expect(targetStatus(0.67, 2018, energy, d).status).toBe('met'); // 0.67 ≤ 0.68
    expect(targetStatus(0.70, 2020, energy, d).status).toBe('off_track'); // target year, not met
    expect(targetStatus(0.70, 2018, null, d)).toEqual({ status: 'no_target' });
  });
});

describe('absolute target (utilization ≥ 73 % by 2025 from 60 % in 2020)', () => {
  const t: Target = { kind: 'absolute', value: 73, baseYear: 2020, baseValue: 60, targetYear: 2025 };
  it('trajectory in 2023 = 60 + (73 − 60) × 3/5 = 67.8; higher is better', () => {
    const d = KPI_DIRECTION.solid_waste_utilization_rate;
    expect(d).toBe('higher_is_better');
    expect(targetStatus(68, 2023, t, d)).toMatchObject({ status: 'on_track', targetValue: 73 });
    expect(targetStatus(67, 2023, t, d).trajectoryValue).toBeCloseTo(67.8, 12);
    expect(targetStatus(67, 2023, t, d).status).toBe('off_track');
    expect(targetStatus(73, 2023, t, d).status).toBe('met');
  });
});

describe('target properties', () => {
  const direction = fc.constantFrom<Direction>('lower_is_better', 'higher_is_better');
  const target = fc
    .record({
      baseYear: fc.integer({ min: 2000, max: 2030 }),
      years: fc.integer({ min: 1, max: 10 }),
      baseValue: fc.double({ min: 1, max: 1e4, noNaN: true }),
      change: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
    });

  it('a value on the trajectory before the target year is on track', () => {
    fc.assert(
      fc.property(target, direction, fc.double({ min: 0, max: 0.999, noNaN: true }), (p, d, share) => {
        // The target moves in the good direction from the base.
        const value = d === 'lower_is_better' ? p.baseValue * (1 - p.change) : p.baseValue * (1 + p.change);
        const t: Target = { kind: 'absolute', value, baseYear: p.baseYear, baseValue: p.baseValue, targetYear: p.baseYear + p.years };
        const year = p.baseYear + share * p.years;
        return targetStatus(trajectoryAt(t, year), year, t, d).status === 'on_track';
      }),
    );
  });

  it('status is monotonic in the value', () => {
    const rank = { off_track: 0, on_track: 1, met: 2, no_target: -1 } as const;
    fc.assert(
      fc.property(
        target,
        direction,
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        (p, d, share, a, b) => {
          const t: Target = { kind: 'reduction', percent: p.change * 100, baseYear: p.baseYear, baseValue: p.baseValue, targetYear: p.baseYear + p.years };
          const year = p.baseYear + share * p.years;
          const [better, worse] = (d === 'lower_is_better') === a <= b ? [a, b] : [b, a];
          return rank[targetStatus(better, year, t, d).status] >= rank[targetStatus(worse, year, t, d).status];
        },
      ),
    );
  });
});
