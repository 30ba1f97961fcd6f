import { describe, expect, it } from 'vitest';
import { pairCheck, type PairOk } from './compatibility.ts';
import { pairEconomics } from './economics.ts';
import { demand, instance, offer } from './testing.ts';

describe('pairEconomics', () => {
  it('adds avoided disposal and virgin material, subtracts freight, and prices the carbon', () => {
    const i = instance();
    const o = offer({ materialCode: 'CARBIDE_SLAG', currentRoute: 'landfill', priceCnyPerUnit: 30 });
    const d = demand({ materialCode: 'LIMESTONE' });
    i.substitutions = [{ offered: 'CARBIDE_SLAG', replaces: 'LIMESTONE', ratio: 1.2, conditions: {}, source: 'JC/T 2513' }];
    const pair = pairCheck(o, d, i) as PairOk;
    const { unitNetBenefit, explanation: e } = pairEconomics(o, d, pair, 't', i.settings);
    const s = i.settings;
    expect(e.avoidedDisposalCnyPerUnit).toBe(s.disposal.landfill.cnyPerUnit);
    expect(e.avoidedVirginCnyPerUnit).toBeCloseTo(1.2 * s.virgin.LIMESTONE.cnyPerUnit);
    expect(e.avoidedVirginKgCo2PerUnit).toBeCloseTo(1.2 * s.virgin.LIMESTONE.kgCo2PerUnit);
    expect(e.transportCnyPerUnit).toBeCloseTo(2 * s.transport.road.cnyPerUnit);
    expect(e.transportKgCo2PerUnit).toBeCloseTo(2 * s.transport.road.kgCo2PerUnit);
    const netCny = s.disposal.landfill.cnyPerUnit + 1.2 * s.virgin.LIMESTONE.cnyPerUnit - 2 * s.transport.road.cnyPerUnit;
    const netKg = s.disposal.landfill.kgCo2PerUnit + 1.2 * s.virgin.LIMESTONE.kgCo2PerUnit - 2 * s.transport.road.kgCo2PerUnit;
    expect(e.netCnyPerUnit).toBeCloseTo(netCny);
    expect(e.netKgCo2PerUnit).toBeCloseTo(netKg);
    expect(unitNetBenefit).toBeCloseTo(netCny + (netKg / 1000) * s.carbonPriceCnyPerT);
    expect(e.text).toMatch(/^CARBIDE_SLAG replaces LIMESTONE \(substitution, JC\/T 2513; 1.2 per unit\); 2 km by road; saves [\d.]+ CNY and [\d.]+ t CO2 per t$/);
  });

  it('takes the demand’s own price over the settings, never a gate fee, and ignores the supplier’s price', () => {
    const i = instance();
    const o = offer({ priceCnyPerUnit: 999 });
    const pair = pairCheck(o, demand(), i) as PairOk;
    const priced = pairEconomics(o, demand({ priceCnyPerUnit: 40 }), pair, 't', i.settings).explanation;
    expect(priced.avoidedVirginCnyPerUnit).toBe(40);
    expect(pairEconomics(o, demand({ priceCnyPerUnit: -50 }), pair, 't', i.settings).explanation.avoidedVirginCnyPerUnit).toBe(0);
    expect(pairEconomics({ ...o, priceCnyPerUnit: 0 }, demand({ priceCnyPerUnit: 40 }), pair, 't', i.settings).explanation).toEqual(priced);
  });

  it('prices a pipe per unit it carries, not per t', () => {
    const i = instance();
    const o = offer({ materialCode: 'WASTE_HEAT', currentRoute: 'vent' });
    const d = demand({ materialCode: 'WASTE_HEAT' });
    const e = pairEconomics(o, d, pairCheck(o, d, i) as PairOk, 'GJ', i.settings).explanation;
    expect(e.mode).toBe('heat_network');
    expect(e.transportCnyPerUnit).toBeCloseTo(2 * i.settings.transport.heat_network.cnyPerUnit);
    expect(e.avoidedDisposalCnyPerUnit).toBe(0);
    expect(e.avoidedVirginKgCo2PerUnit).toBe(i.settings.virgin.WASTE_HEAT.kgCo2PerUnit);
  });
});
