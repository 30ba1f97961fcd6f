import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { TEXT } from '../../i18n/resources';
import type { Balances, BalanceSuspect } from '../../api/flowShapes';
import { balanceName, equalTestGroups, explainEqualTests, explainSuspect, type ExplainContext } from './explain';

async function contextIn(lang: 'en' | 'zh-CN'): Promise<ExplainContext> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: TEXT[lang] } }, interpolation: { escapeValue: false } });
  const names: Record<string, string> = { 'cl-h2': lang === 'en' ? 'chlorine-hydrogen treatment' : '氯氢处理装置', hcl: lang === 'en' ? 'HCl synthesis' : '盐酸合成', NAOH: lang === 'en' ? 'caustic soda' : '烧碱' };
  return { t: i18n.t.bind(i18n) as ExplainContext['t'], lang, nodeName: (c) => names[c] ?? c, materialName: (c) => names[c] ?? c };
}

const balances: Pick<Balances, 'layer' | 'element' | 'material' | 'unit' | 'nodes' | 'flows'> = {
  layer: 'element',
  element: 'Cl',
  material: null,
  unit: 't',
  nodes: [{ nodeId: 1, code: 'cl-h2', name: '氯氢处理装置', nameEn: null, kind: 'unit', enterpriseId: 1, inputs: 100, outputs: 97.9, stockChange: 0, imbalance: 2.1, imbalancePercent: 2.1, z: 5.3, exception: true }],
  flows: [{ key: 'f1', flowIds: [1], fromNodeId: 1, fromCode: 'cl-h2', toNodeId: 2, toCode: 'hcl', materialCode: 'NAOH', measured: 50, sd: 0.5, basis: 'measured', reconciled: 48.2, reconciledSd: 0.3, adjustment: 1.8, adjustmentSigma: 3.6, z: 4.1, status: 'reconciled' }],
};
const leak: BalanceSuspect = { kind: 'node', key: 'cl-h2', z: 5.3, critical: 2.9, meaning: 'unaccounted_loss', nodeCode: 'cl-h2', flowKey: null, adjustment: null };
const meter: BalanceSuspect = { kind: 'flow', key: 'f1', z: 4.1, critical: 2.9, meaning: 'meter_reads_high', nodeCode: null, flowKey: 'f1', adjustment: 1.8 };

describe('the reconciliation in words', () => {
  it('says where chlorine goes missing, in Chinese as a plant engineer would', async () => {
    expect(explainSuspect(leak, balances, await contextIn('zh-CN'))).toBe('氯氢处理装置的氯平衡有 2.1 t 去向不明（z = 5.30）：可能是泄漏或未计量的排放');
  });

  it('names a meter that reads high, with the amount and its test, in English', async () => {
    const s = explainSuspect(meter, balances, await contextIn('en'));
    expect(s).toBe('The caustic soda flow chlorine-hydrogen treatment → HCl synthesis reads 1.8 t more than the chlorine balance allows (z = 4.10): the meter probably reads high or needs calibrating');
  });

  it('names the balance by its layer', async () => {
    const ctx = await contextIn('en');
    expect(balanceName({ layer: 'mass', element: null, material: null }, ctx)).toBe('mass balance');
    expect(balanceName({ layer: 'mass', element: null, material: 'NAOH' }, ctx)).toBe('caustic soda balance');
    expect(balanceName({ layer: 'energy', element: null, material: null }, ctx)).toBe('energy balance');
    expect(balanceName({ layer: 'element', element: 'Cl', material: null }, ctx)).toBe('chlorine balance');
  });

  it('groups flows around one node whose tests are equal, and says the data cannot tell them apart', async () => {
    const flow = balances.flows[0]!;
    const around = {
      flows: [flow, { ...flow, key: 'f2', fromCode: 'supplier', toCode: 'cl-h2' }, { ...flow, key: 'f3', fromCode: 'a', toCode: 'b' }],
      suspects: [
        { ...meter, z: 6.25 },
        { ...meter, key: 'f2', flowKey: 'f2', z: 6.25 + 1e-9, meaning: 'meter_reads_high' as const },
        { ...meter, key: 'f3', flowKey: 'f3', z: 6.25 },
        leak,
      ],
    };
    // f3 has the same z but shares no node with the others: it is not part of the group.
    const groups = equalTestGroups(around);
    expect(groups).toEqual([{ nodeCode: 'cl-h2', flowKeys: ['f1', 'f2'], z: 6.25 }]);
    expect(equalTestGroups({ flows: around.flows, suspects: [meter, leak] })).toEqual([]);
    expect(explainEqualTests(groups[0]!, await contextIn('zh-CN'))).toContain('氯氢处理装置处 2 股流量的检验值相同（z = 6.25）');
  });
});
