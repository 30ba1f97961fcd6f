import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysIn, nextDeal, proposeDeal, scheduleDeliveries, termsProblems, type DealAction, type DealFacts, type DealTerms } from './model.ts';

const SUPPLIER = 1;
const RECEIVER = 2;
const STRANGER = 3;

const terms = (over: Partial<DealTerms> = {}): DealTerms => ({ quantity: 100, recurrence: 'month', priceCnyPerUnit: -20, startDate: '2026-01-31', endDate: '2026-06-30', ...over });

function proposed(proposerId = SUPPLIER): DealFacts {
  const d = proposeDeal({ supplierId: SUPPLIER, receiverId: RECEIVER, proposerId, terms: terms() });
  if (!d.ok) throw new Error(d.reason);
  return d.deal;
}

describe('the deal state machine', () => {
  it('runs propose → counter → accept by the parties whose turn it is', () => {
    const d1 = proposed();
    expect(d1).toMatchObject({ state: 'proposed', version: 1, turnId: RECEIVER });
    expect(nextDeal(d1, { action: 'accept', version: 1 }, { enterpriseId: SUPPLIER })).toMatchObject({ ok: false, code: 'not_your_turn' });
    const c = nextDeal(d1, { action: 'counter', version: 1, terms: terms({ priceCnyPerUnit: -30 }) }, { enterpriseId: RECEIVER });
    expect(c).toMatchObject({ ok: true, deal: { version: 2, turnId: SUPPLIER, terms: { priceCnyPerUnit: -30 } } });
    if (!c.ok) return;
    expect(nextDeal(c.deal, { action: 'accept', version: 1 }, { enterpriseId: SUPPLIER })).toMatchObject({ ok: false, code: 'stale_version', status: 409 });
    const a = nextDeal(c.deal, { action: 'accept', version: 2 }, { enterpriseId: SUPPLIER });
    expect(a).toMatchObject({ ok: true, deal: { state: 'accepted', version: 3, turnId: null } });
    if (!a.ok) return;
    // The same request again answers a version that is gone.
    expect(nextDeal(a.deal, { action: 'accept', version: 2 }, { enterpriseId: SUPPLIER })).toMatchObject({ ok: false, code: 'stale_version' });
    expect(nextDeal(a.deal, { action: 'terminate', version: 3 }, { enterpriseId: STRANGER })).toMatchObject({ ok: false, code: 'not_a_party', status: 403 });
    expect(nextDeal(a.deal, { action: 'complete', version: 3 }, { enterpriseId: SUPPLIER })).toMatchObject({ ok: true, deal: { state: 'completed' } });
    expect(nextDeal({ ...a.deal, openDeliveries: 2 }, { action: 'complete', version: 3 }, { enterpriseId: SUPPLIER })).toMatchObject({ ok: false, code: 'deliveries_open' });
  });

  it('lets only the proposer withdraw, and only while proposed', () => {
    const d = proposed(RECEIVER);
    expect(nextDeal(d, { action: 'withdraw', version: 1 }, { enterpriseId: SUPPLIER })).toMatchObject({ ok: false, code: 'not_the_proposer' });
    expect(nextDeal(d, { action: 'withdraw', version: 1 }, { enterpriseId: RECEIVER })).toMatchObject({ ok: true, deal: { state: 'withdrawn' } });
  });

  it('refuses bad terms and a deal with oneself', () => {
    expect(termsProblems(terms({ quantity: 0, startDate: '2026-02-30' })).map((p) => p.path)).toEqual(['quantity', 'startDate']);
    expect(termsProblems(terms({ endDate: '2025-12-31' })).map((p) => p.path)).toEqual(['endDate']);
    expect(proposeDeal({ supplierId: 1, receiverId: 1, proposerId: 1, terms: terms() })).toMatchObject({ ok: false });
    expect(nextDeal(proposed(), { action: 'counter', version: 1, terms: terms({ recurrence: 'year' as 'month' }) }, { enterpriseId: RECEIVER })).toMatchObject({ ok: false, code: 'invalid_terms', status: 400 });
  });

  const actionArb = fc.record({
    action: fc.constantFrom<DealAction>('counter', 'accept', 'decline', 'withdraw', 'terminate', 'complete', 'propose'),
    actor: fc.constantFrom<number | null>(SUPPLIER, RECEIVER, STRANGER, null),
    versionSkew: fc.constantFrom(0, 0, 0, -1, 1),
    price: fc.integer({ min: -100, max: 100 }),
  });

  it('never lets the wrong party act, never changes settled terms, and versions only grow', () => {
    fc.assert(
      fc.property(fc.constantFrom(SUPPLIER, RECEIVER), fc.array(actionArb, { maxLength: 30 }), (proposer, steps) => {
        let deal = proposed(proposer);
        for (const s of steps) {
          const before = deal;
          const d = nextDeal(deal, { action: s.action, version: deal.version + s.versionSkew, terms: terms({ priceCnyPerUnit: s.price }) }, { enterpriseId: s.actor });
          if (!d.ok) continue;
          deal = d.deal;
          expect(s.versionSkew).toBe(0);
          expect(deal.version).toBe(before.version + 1);
          expect(s.actor === SUPPLIER || s.actor === RECEIVER).toBe(true);
          if (['counter', 'accept', 'decline'].includes(s.action)) expect(before.turnId).toBe(s.actor);
          if (s.action === 'withdraw') expect(before.proposerId).toBe(s.actor);
          if (before.state !== 'proposed') expect(deal.terms).toEqual(before.terms);
          if (deal.state !== 'proposed') expect(deal.turnId === null || deal.state === 'terminated' || deal.state === 'completed').toBe(true);
          // Ended deals stay ended.
          expect(['declined', 'withdrawn', 'completed', 'terminated'].includes(before.state)).toBe(false);
        }
      }),
    );
  });
});

describe('the delivery schedule', () => {
  const dateArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('clamps the start day to the end of shorter months', () => {
    expect(scheduleDeliveries(terms({ startDate: '2026-01-31', endDate: '2026-04-30' })).map((d) => d.due)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(scheduleDeliveries(terms({ recurrence: 'once', startDate: '2026-03-05', endDate: '2026-12-31' }))).toEqual([{ due: '2026-03-05', quantity: 100 }]);
  });

  it('schedules one delivery a month within the window, in order, summing to quantity × months', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), fc.double({ min: 0.5, max: 1e4, noNaN: true }), (startDate, months, extraDays, quantity) => {
        const [y, m, d] = startDate.split('-').map(Number);
        const endMonth = new Date(Date.UTC(y, m - 1 + months, 1));
        const ey = endMonth.getUTCFullYear();
        const em = endMonth.getUTCMonth() + 1;
        const endDate = `${ey}-${String(em).padStart(2, '0')}-${String(Math.min(daysIn(ey, em), 1 + extraDays)).padStart(2, '0')}`;
        if (endDate < startDate) return;
        const out = scheduleDeliveries({ quantity, recurrence: 'month', startDate, endDate });
        const clampedLast = Math.min(d, daysIn(ey, em));
        const expected = months + (Math.min(daysIn(ey, em), 1 + extraDays) >= clampedLast ? 1 : 0);
        expect(out.length).toBe(expected);
        for (let i = 0; i < out.length; i++) {
          expect(out[i].due >= startDate && out[i].due <= endDate).toBe(true);
          if (i > 0) expect(out[i].due > out[i - 1].due).toBe(true);
          if (i > 0) expect(out[i].due.slice(0, 7) > out[i - 1].due.slice(0, 7)).toBe(true);
        }
        expect(out.reduce((s, x) => s + x.quantity, 0)).toBeCloseTo(quantity * out.length, 6);
      }),
    );
  });
});

