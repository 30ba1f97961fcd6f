import { describe, expect, it } from 'vitest';
import { DEFAULT_MANIFEST_SETTINGS, SETTINGS_SOURCES, settingsProblems } from './settings.ts';

describe('manifest settings', () => {
  it('holds valid defaults, each with its source', () => {
    expect(settingsProblems(DEFAULT_MANIFEST_SETTINGS)).toEqual([]);
    expect(DEFAULT_MANIFEST_SETTINGS).toEqual({
      numberFormat: '{park}-{YYYY}-{seq:6}', regionCode: null, discrepancyTolerancePct: 10, containerTolerance: 0, pickupAllowanceDays: 3, transitAllowanceHours: 72,
    });
    expect(Object.keys(SETTINGS_SOURCES).sort()).toEqual(Object.keys(DEFAULT_MANIFEST_SETTINGS).sort());
    expect(SETTINGS_SOURCES.discrepancyTolerancePct).toContain('40 CFR 264.72');
  });

  it('names every field that is wrong', () => {
    const paths = (s: unknown) => settingsProblems(s).map((e) => e.path);
    expect(paths(null)).toEqual(['/body']);
    expect(paths({ ...DEFAULT_MANIFEST_SETTINGS, numberFormat: '{park}-{seq}' })).toEqual(['/body/numberFormat']);
    expect(paths({ ...DEFAULT_MANIFEST_SETTINGS, numberFormat: '{region}-{YYYY}-{seq:4}' })).toEqual(['/body/numberFormat']);
    expect(paths({ ...DEFAULT_MANIFEST_SETTINGS, numberFormat: '{region}-{YYYY}-{seq:4}', regionCode: '320506' })).toEqual([]);
    expect(paths({ ...DEFAULT_MANIFEST_SETTINGS, regionCode: '3205' })).toEqual(['/body/regionCode']);
    expect(paths({ ...DEFAULT_MANIFEST_SETTINGS, numberFormat: `{YYYY}-{seq}${'x'.repeat(60)}` })).toEqual(['/body/numberFormat']);
    expect(paths({ ...DEFAULT_MANIFEST_SETTINGS, discrepancyTolerancePct: -1, containerTolerance: 0.5, pickupAllowanceDays: Number.NaN, transitAllowanceHours: 0 })).toEqual([
      '/body/discrepancyTolerancePct',
      '/body/containerTolerance',
      '/body/pickupAllowanceDays',
      '/body/transitAllowanceHours',
    ]);
    expect(paths({ ...DEFAULT_MANIFEST_SETTINGS, tolerance: 5 })).toEqual(['/body/tolerance']);
    const { transitAllowanceHours: _omitted, ...missing } = DEFAULT_MANIFEST_SETTINGS;
    expect(paths(missing)).toEqual(['/body/transitAllowanceHours']);
  });
});
