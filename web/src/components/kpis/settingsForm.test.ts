import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_KPI_SETTINGS, type KpiSettings } from '../../../../src/modules/kpi/model.ts';
import { fromFormValues, toFormValues } from './settingsForm';

const code = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const settings: fc.Arbitrary<KpiSettings> = fc.record({
  electricityBasis: fc.constantFrom('equivalent' as const, 'equal_value' as const),
  electricityEqualValueKgcePerKWh: fc.option(fc.double({ min: 0.1, max: 1, noNaN: true }), { nil: null }),
  combustionSet: fc.constantFrom('ipcc2006' as const, 'cn_chem_2013' as const),
  gridFactorTCO2PerMWh: fc.double({ min: 0, max: 2, noNaN: true }),
  heatFactorTCO2PerGJ: fc.double({ min: 0, max: 1, noNaN: true }),
  oxidationFactors: fc.dictionary(code, fraction),
  avoidedFactors: fc.dictionary(code, fc.double({ min: 0, max: 10, noNaN: true })),
  circularity: fc.dictionary(
    code,
    fc.record(
      {
        recoveryPotential: fraction,
        actualRecovery: fraction,
        recycledContent: fraction,
        mci: fc.record(
          {
            recycledFeedstock: fraction,
            reusedFeedstock: fraction,
            recyclingEfficiencyFeedstock: fc.double({ min: 0.01, max: 1, noNaN: true }),
            collectedForRecycling: fraction,
            collectedForReuse: fraction,
            recyclingEfficiencyEndOfUse: fc.double({ min: 0.01, max: 1, noNaN: true }),
            lifetimeRatio: fc.double({ min: 0.1, max: 10, noNaN: true }),
            intensityRatio: fc.double({ min: 0.1, max: 10, noNaN: true }),
          },
          { requiredKeys: ['recycledFeedstock', 'reusedFeedstock', 'collectedForRecycling', 'collectedForReuse', 'lifetimeRatio', 'intensityRatio'] },
        ),
      },
      { requiredKeys: [] },
    ),
  ),
  waterIntakeMaterials: fc.uniqueArray(code, { maxLength: 4 }),
  waterReusedMaterials: fc.uniqueArray(code, { maxLength: 4 }),
});

describe('settings form', () => {
  it('gives back the settings it was given', () => {
    expect(fromFormValues(toFormValues(DEFAULT_KPI_SETTINGS))).toEqual(DEFAULT_KPI_SETTINGS);
    fc.assert(
      fc.property(settings, (s) => {
        expect(fromFormValues(toFormValues(s))).toEqual(s);
      }),
    );
  });

  it('drops rows without a material and an MCI not asked for', () => {
    const v = toFormValues({ ...DEFAULT_KPI_SETTINGS, avoidedFactors: { FLY_ASH: 0.8 } });
    v.avoidedFactors.push({ material: '', factor: 1 });
    v.circularity.push({ material: 'PVC', recycledContent: 0.2, hasMci: false, mci: { recycledFeedstock: 0.5 } });
    const s = fromFormValues(v);
    expect(s.avoidedFactors).toEqual({ FLY_ASH: 0.8 });
    expect(s.circularity).toEqual({ PVC: { recycledContent: 0.2 } });
  });
});
