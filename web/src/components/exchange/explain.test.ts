import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { TEXT } from '../../../src/i18n/resources';
import { DISPOSAL_ROUTES, EXCLUSION_CODES, LICENCE_KINDS, LISTING_RECURRENCES, LISTING_STATES, QUALITY_PROPERTIES, TRANSPORT_MODES, type CandidateExplanation } from '../../../../src/modules/exchange/model.ts';
import { DEAL_ACTIONS, DEAL_STATES, DELIVERY_STATES } from '../../../../src/modules/exchange/deals/model.ts';
import { exclusionText, exclusionsText, explanationText, type ExplainContext } from './explain';

async function contextIn(lang: 'en' | 'zh-CN'): Promise<ExplainContext & { exists(key: string): boolean }> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: TEXT[lang] } }, interpolation: { escapeValue: false } });
  return { t: i18n.t.bind(i18n) as ExplainContext['t'], lang, exists: (k) => i18n.exists(k) };
}

const phosphogypsum: CandidateExplanation = {
  text: 'PHOSPHOGYPSUM replaces GYPSUM (substitution, GB/T 23456-2018); 3.2 km by road; saves 182 CNY and 0.21 t CO2 per t',
  basis: 'substitution',
  substitutionSource: 'GB/T 23456-2018',
  ratio: 0.9,
  distanceKm: 3.2,
  distanceFrom: 'coordinates',
  mode: 'road',
  transportCnyPerUnit: 2.4,
  transportKgCo2PerUnit: 0.3,
  avoidedDisposalCnyPerUnit: 25,
  avoidedDisposalKgCo2PerUnit: 10,
  avoidedVirginCnyPerUnit: 160,
  avoidedVirginKgCo2PerUnit: 200,
  netCnyPerUnit: 182.6,
  netKgCo2PerUnit: 209.7,
  savesCny: 36520,
  savesTCo2: 41.94,
  licenceId: null,
};

describe('a match and an exclusion in words', () => {
  it('explains a substitution in Chinese from the structured fields', async () => {
    const s = explanationText(phosphogypsum, { offered: '磷石膏', replaces: '石膏', unit: 't' }, await contextIn('zh-CN'));
    expect(s).toBe('磷石膏替代石膏（依据 GB/T 23456-2018 替代，1 : 0.9）；公路运输 3.2 km（按坐标）；每 t 节省 182.6 元、减排 0.21 t CO₂；按建议量共节省 36,520 元、减排 41.94 t CO₂');
  });

  it('explains the same match in English', async () => {
    const s = explanationText(phosphogypsum, { offered: 'phosphogypsum', replaces: 'gypsum', unit: 't' }, await contextIn('en'));
    expect(s).toBe('phosphogypsum replaces gypsum (substitution per GB/T 23456-2018, 1 : 0.9); 3.2 km by road (from coordinates); saves 182.6 CNY and 0.21 t CO₂ per t; 36,520 CNY and 41.94 t CO₂ at the planned quantity');
  });

  it('names one material once when it is the same on both sides, and leaves out the total of an unplanned pair', async () => {
    const steam: CandidateExplanation = { ...phosphogypsum, basis: 'same_material', substitutionSource: null, ratio: 1, mode: 'pipeline_steam', distanceFrom: 'table', savesCny: 0, savesTCo2: 0 };
    expect(explanationText(steam, { offered: 'LP steam', replaces: 'LP steam', unit: 't' }, await contextIn('en'))).toBe('LP steam (same material); 3.2 km by steam pipe (distance table); saves 182.6 CNY and 0.21 t CO₂ per t');
  });

  it('words every exclusion code in both languages, never falling back to the English message', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const ctx = await contextIn(lang);
      for (const code of EXCLUSION_CODES) {
        const text = exclusionText({ code, message: `ENGLISH ${code}` }, ctx);
        expect(text, `${lang} ${code}`).not.toContain('ENGLISH');
        expect(text.length).toBeGreaterThan(3);
      }
    }
    const zh = await contextIn('zh-CN');
    expect(exclusionsText([{ code: 'licence_missing', message: 'x' }, { code: 'too_far', message: 'y' }], zh)).toBe('接收方没有该危险废物的经营许可证；对该运输方式而言距离过远');
  });

  it('has the text of every value of the vocabulary', async () => {
    const ctx = await contextIn('en');
    const keys = [
      ...TRANSPORT_MODES.map((m) => `exchange.mode.${m}`),
      ...DISPOSAL_ROUTES.map((r) => `exchange.route.${r}`),
      ...Object.keys(QUALITY_PROPERTIES).map((p) => `exchange.property.${p}`),
      ...LISTING_STATES.map((s) => `exchange.state.${s}`),
      ...LISTING_RECURRENCES.map((r) => `exchange.recurrence.${r}`),
      ...LICENCE_KINDS.map((k) => `exchange.licenceKind.${k}`),
      ...DEAL_STATES.map((s) => `exchange.deals.dealState.${s}`),
      ...DEAL_ACTIONS.map((a) => `exchange.deals.action.${a}`),
      ...DEAL_ACTIONS.map((a) => `exchange.deals.actionDone.${a}`),
      ...DELIVERY_STATES.map((s) => `exchange.deals.deliveryStates.${s}`),
    ];
    expect(keys.filter((k) => !ctx.exists(k))).toEqual([]);
  });
});
