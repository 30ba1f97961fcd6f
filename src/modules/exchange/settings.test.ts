import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCHANGE_SETTINGS, settingsProblems } from './settings.ts';
import { DISPOSAL_ROUTES, TRANSPORT_MODES } from './model.ts';

describe('exchange settings', () => {
  it('ships defaults that validate and cover every mode and route', () => {
    expect(settingsProblems(DEFAULT_EXCHANGE_SETTINGS)).toEqual([]);
    expect(Object.keys(DEFAULT_EXCHANGE_SETTINGS.transport).sort()).toEqual([...TRANSPORT_MODES].sort());
    expect(Object.keys(DEFAULT_EXCHANGE_SETTINGS.disposal).sort()).toEqual([...DISPOSAL_ROUTES].sort());
  });

  it('names every problem with its path', () => {
    const bad = structuredClone(DEFAULT_EXCHANGE_SETTINGS);
    bad.carbonPriceCnyPerT = -1;
    bad.roadFactor = 0.5;
    bad.transport.road.cnyPerUnit = Number.NaN;
    bad.transport.pipeline_steam.maxKm = 0;
    const disposal = bad.disposal as Partial<Record<string, { cnyPerUnit: number; kgCo2PerUnit: number }>>;
    delete disposal.landfill;
    disposal.ocean = { cnyPerUnit: 1, kgCo2PerUnit: 1 };
    bad.virgin['lower case'] = { cnyPerUnit: 1, kgCo2PerUnit: -2 };
    const paths = settingsProblems(bad).map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        '/body/carbonPriceCnyPerT',
        '/body/roadFactor',
        '/body/transport/road/cnyPerUnit',
        '/body/transport/pipeline_steam/maxKm',
        '/body/disposal/landfill',
        '/body/disposal/ocean',
        '/body/virgin/lower case',
        '/body/virgin/lower case/kgCo2PerUnit',
      ].sort(),
    );
  });

  it('refuses what is not an object', () => {
    expect(settingsProblems(null)).toEqual([{ path: '/body', message: 'must be an object' }]);
    expect(settingsProblems({}).map((e) => e.path)).toEqual(['/body/carbonPriceCnyPerT', '/body/roadFactor', '/body/transport', '/body/disposal', '/body/virgin']);
  });
});
