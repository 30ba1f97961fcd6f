import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthContext, Role } from '../../core/roles.ts';
import { partnerNeedle, seesOnMarket, seesWho } from './visibility.ts';

const ctxOf = (role: Role, enterpriseId: number | null): AuthContext => ({ userId: 1, username: 'u', role, enterpriseId, via: 'session' });
const listing = (over: Partial<Parameters<typeof seesOnMarket>[1]> = {}) => ({ enterpriseId: 1, state: 'published', audience: 'park', partnerIds: null, anonymous: false, ...over });

/** What the store's SQL does with the stored JSON text of partner ids (market.ts). */
function sqlPartnerMatch(partnerIds: number[], me: number): boolean {
  const text = JSON.stringify(partnerIds).replace('[', ',').replace(']', ',');
  const needle = partnerNeedle(me).slice(1, -1);
  return text.includes(needle);
}

describe('market visibility', () => {
  it('shows drafts and withdrawn listings to nobody on the market, park roles included', () => {
    for (const state of ['draft', 'withdrawn']) {
      expect(seesOnMarket(ctxOf('park_admin', null), listing({ state }))).toBe(false);
      expect(seesOnMarket(ctxOf('enterprise_admin', 1), listing({ state }))).toBe(false);
    }
  });

  it('shows a partners-only listing to the owner, the partners named and the park only', () => {
    const l = listing({ audience: 'partners', partnerIds: [5, 7] });
    expect(seesOnMarket(ctxOf('enterprise_viewer', 5), l)).toBe(true);
    expect(seesOnMarket(ctxOf('enterprise_viewer', 1), l)).toBe(true);
    expect(seesOnMarket(ctxOf('enterprise_viewer', 6), l)).toBe(false);
    expect(seesOnMarket(ctxOf('park_viewer', null), l)).toBe(true);
  });

  it('hides who offers an anonymous listing from other enterprises but not from the owner or the park', () => {
    const l = listing({ anonymous: true });
    expect(seesWho(ctxOf('enterprise_admin', 2), l)).toBe(false);
    expect(seesWho(ctxOf('enterprise_admin', 1), l)).toBe(true);
    expect(seesWho(ctxOf('park_viewer', null), l)).toBe(true);
  });

  it('matches a partner in the stored text exactly as the list does (never 15 for 5)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 300 }), (ids, me) => {
        expect(sqlPartnerMatch(ids, me)).toBe(ids.includes(me));
      }),
    );
  });
});
