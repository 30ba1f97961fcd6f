import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { systemContext } from '../src/core/roles.ts';
import { MANIFEST_STATES } from '../src/modules/manifests/model.ts';
import type { ManifestDetail, ManifestSummary } from '../src/modules/manifests/schemas.ts';
import { freshDatabase, testDialects, type TestDatabase } from '../test/helpers/db.ts';
import { addMonths, demoDealMonths } from './exchange.ts';
import { demoManifests, DEMO_MANIFEST_SETTINGS } from './manifests.ts';
import { loadDemo } from './load.ts';

const monthStart = (month: string) => Date.parse(`${month}-01T00:00:00+08:00`);

describe('the demo manifests’ story', () => {
  const now = new Date();
  const manifests = demoManifests(now);

  it('ends at least one manifest in every state, with a partial and a total rejection, a correction and a two-leg haul', () => {
    const ends = new Set(manifests.map((m) => m.ends));
    for (const state of MANIFEST_STATES) expect(ends, state).toContain(state);
    expect(manifests.some((m) => m.steps.some((s) => s.action === 'partially_reject'))).toBe(true);
    expect(manifests.some((m) => m.steps.some((s) => s.action === 'reject'))).toBe(true);
    expect(manifests.some((m) => m.steps.some((s) => s.action === 'correct'))).toBe(true);
    expect(manifests.some((m) => m.legs.length === 2 && m.ends === 'closed')).toBe(true);
    const keys = manifests.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('sends the spent solvent monthly to recovery, mostly closed with R2', () => {
    const solvent = manifests.filter((m) => m.lines[0].material === 'SPENT_SOLVENT');
    const closed = solvent.filter((m) => m.ends === 'closed');
    expect(closed.length).toBeGreaterThan(solvent.length / 3);
    for (const m of closed) expect(m.steps.find((s) => s.action === 'process')?.methods).toEqual(['R2']);
    const { lastMonth } = demoDealMonths(now);
    const months = new Set(closed.map((m) => m.plannedDate.slice(0, 7)));
    for (const month of [addMonths(lastMonth, -2), addMonths(lastMonth, -1), lastMonth]) expect(months, month).toContain(month);
  });

  it('loads realistic vehicles: a solvent tanker 15–25 t, acid 10–20 t, fly ash 20–30 t, about a tonne per IBC or ton bag', () => {
    const range: Record<string, [number, number]> = { SPENT_SOLVENT: [15, 25], WASTE_ACID: [10, 20], INCINERATION_FLY_ASH: [20, 30], OILY_SLUDGE: [5, 20] };
    for (const m of manifests) {
      for (const l of m.lines) {
        const [low, high] = range[l.material];
        expect(l.quantity, m.key).toBeGreaterThanOrEqual(low);
        expect(l.quantity, m.key).toBeLessThanOrEqual(high);
        if (l.packaging === 'ibc' || l.packaging === 'ton_bag') expect(l.quantity / l.containers, m.key).toBeGreaterThan(0.9);
        if (l.packaging === 'ibc' || l.packaging === 'ton_bag') expect(l.quantity / l.containers, m.key).toBeLessThan(1.3);
      }
    }
  });

  it('keeps every manifest’s signatures in order, after its drafting, within the three months before any load', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (at) => {
        const { lastMonth } = demoDealMonths(at);
        const start = monthStart(addMonths(lastMonth, -2));
        for (const m of demoManifests(at)) {
          let previous = m.createdAt;
          expect(m.createdAt).toBeGreaterThanOrEqual(start);
          for (const s of m.steps) {
            expect(s.at, `${m.key} ${s.action}`).toBeGreaterThan(previous);
            previous = s.at;
          }
          expect(previous).toBeLessThan(at.getTime());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leaves the overdue haul in transit longer than the park allows, whatever the allowance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 * 90 }), (hours) => {
        const overdue = demoManifests(now, hours).find((m) => m.key === 'fly-ash-overdue')!;
        const pickUp = overdue.steps.find((s) => s.action === 'take_over')!.at;
        expect(now.getTime() - pickUp).toBeGreaterThan(hours * 3_600_000);
      }),
    );
    const inTransit = demoManifests(now).find((m) => m.key === 'solvent-in-transit')!;
    expect(now.getTime() - inTransit.steps.at(-1)!.at).toBeLessThan(DEMO_MANIFEST_SETTINGS.transitAllowanceHours * 3_600_000);
  });
});

describe('the loaded demo park’s manifests', async () => {
  for (const dialect of await testDialects()) {
    describe(dialect, () => {
      let db: TestDatabase;
      let s: Services;
      const ctx = systemContext('test');
      let all: ManifestSummary[];
      const byLot = async (lot: string, kind: 'original' | 'return' = 'original'): Promise<ManifestDetail> => {
        const page = await s.manifests.list(ctx, { q: lot, kind, limit: 10, offset: 0 });
        expect(page.items, `${kind} manifest carrying ${lot}`).toHaveLength(1);
        return s.manifests.get(ctx, page.items[0].id);
      };

      beforeAll(async () => {
        db = await freshDatabase(dialect);
        s = await openServices({ db: db.url, sessionTtlHours: 1 });
        await bootstrap(s, { adminPassword: 'test-admin-password' });
        const report = await loadDemo(s);
        // Every story's manifest and the two rejections' return manifests.
        expect(report.manifests).toBe(demoManifests(new Date()).length + 2);
        all = (await s.manifests.list(ctx, { latest: false, limit: 500, offset: 0 })).items;
      }, 240_000);
      afterAll(async () => {
        await s?.close();
        await db?.drop();
      });

      it('has a manifest in every state', async () => {
        for (const state of MANIFEST_STATES) {
          const page = await s.manifests.list(ctx, { state, limit: 1, offset: 0 });
          expect(page.total, state).toBeGreaterThan(0);
          expect(page.items[0].state).toBe(state);
        }
      });

      it('links the partial rejection’s return manifest to its parent, back to the generator with the rejected part', async () => {
        const original = await byLot('SS-P1');
        expect(original.state).toBe('partially_rejected');
        const back = await byLot('SS-P1', 'return');
        expect(back.parent?.id).toBe(original.id);
        expect(original.rejection?.manifest?.id).toBe(back.id);
        expect(back.generator.code).toBe('solvrec');
        expect(back.receiver.code).toBe('pharma');
        expect(back.lines.map((l) => l.quantity)).toEqual([3.2]);
        expect(back.lines[0].batches).toEqual(original.lines[0].batches);
        const rejected = await byLot('WA-R1');
        expect(rejected.state).toBe('rejected');
        expect((await byLot('WA-R1', 'return')).parent?.id).toBe(rejected.id);
      });

      it('keeps the corrected manifest’s first revision beside its correction', async () => {
        const revisions = all.filter((m) => all.some((n) => n.number === m.number && n.revision !== m.revision));
        expect(revisions.map((m) => m.revision).sort()).toEqual([0, 1]);
        for (const m of revisions) expect(m.state).toBe('closed');
        const corrected = await s.manifests.get(ctx, revisions.find((m) => m.revision === 1)!.id);
        expect(corrected.lines[0].received).toBe(21.83);
        expect(corrected.correction?.fields.sort()).toEqual(['processed', 'received']);
      });

      it('hauls the oily sludge over two legs, each hand-off signed by both sides', async () => {
        const sludge = await byLot(`OS${demoLot(-1)}-01`);
        expect(sludge.state).toBe('closed');
        expect(sludge.legs.map((l) => l.transporter.code)).toEqual(['refinery', 'solvrec']);
        const handoffs = sludge.signatures.filter((x) => x.action === 'hand_over' || x.action === 'take_over');
        expect(handoffs.map((x) => `${x.action}:${x.enterprise.code}`)).toEqual([
          'hand_over:refinery', 'take_over:refinery', 'hand_over:refinery', 'take_over:solvrec', 'hand_over:solvrec', 'take_over:solvrec',
        ]);
        // The vacuum truck does not leave the refinery: the transfer is signed at its west gate.
        expect(handoffs.slice(2, 4).map((x) => x.location?.place)).toEqual(['海川石化厂区西门', '海川石化厂区西门']);
      });

      it('verifies every manifest’s signature chain, each signed by a demo user of its party', async () => {
        for (const m of all) {
          const detail = await s.manifests.get(ctx, m.id);
          expect(detail.signaturesVerified, m.number).toBe(true);
          for (const sig of detail.signatures) {
            expect(sig.user).toBe(`${sig.enterprise.code}.${sig.role === 'enterprise_admin' ? 'admin' : 'operator'}`);
            expect(sig.location?.place, `${m.number} ${sig.action}`).toBeTruthy();
          }
        }
      });

      it('raises the open discrepancy at receipt and the overdue haul at the sweep, as compliance alarms the park sees', async () => {
        const acid = await byLot(`WA${demoLot(-1)}-01`);
        expect(acid.discrepancy).toBe('open');
        const ash = await byLot('FA-O1');
        expect(ash.overdue?.reason).toBe('not_delivered');
        await s.manifests.sweep(Date.now());
        const alarms = (await s.alarms.list(ctx, { source: 'manifests', limit: 100, offset: 0 })).items;
        const active = alarms.filter((a) => a.active).map((a) => a.sourceKey);
        expect(active).toContain(`manifests:discrepancy:${acid.number}`);
        expect(active).toContain(`manifests:overdue:${ash.number}`);
        expect(alarms.every((a) => a.category === 'compliance')).toBe(true);
      });

      it('traces a batch of spent solvent from shipping through receiving to recycling', async () => {
        const closed = await byLot(`SS${demoLot(-2)}-01`);
        const epcClass = closed.lines[0].batches[0];
        const steps = async () => {
          const page = await s.trace.query(ctx, { MATCH_anyEPCClass: [epcClass], perPage: 100 });
          return [...page.events].sort((a, b) => Date.parse(String(a.eventTime)) - Date.parse(String(b.eventTime))).map((e) => String(e.bizStep ?? ''));
        };
        // The links capture their events after each action commits; wait for the three to be stored.
        await vi.waitFor(async () => expect((await steps()).length).toBeGreaterThanOrEqual(3), { timeout: 30_000, interval: 200 });
        const order = await steps();
        const at = (step: RegExp) => order.findIndex((b) => step.test(b));
        expect(at(/shipping$/)).toBeGreaterThanOrEqual(0);
        expect(at(/receiving$/)).toBeGreaterThan(at(/shipping$/));
        expect(at(/recycling$|other$/)).toBeGreaterThan(at(/receiving$/));
      });

      it('changes nothing when loaded again', async () => {
        const again = await loadDemo(s);
        expect(again.manifests).toBe(0);
        const after = (await s.manifests.list(ctx, { latest: false, limit: 500, offset: 0 })).items;
        expect(after.map((m) => [m.id, m.version, m.state])).toEqual(all.map((m) => [m.id, m.version, m.state]));
        const licences = (await s.exchange.licences.list(ctx, { limit: 1000, offset: 0 })).total;
        await loadDemo(s);
        expect((await s.exchange.licences.list(ctx, { limit: 1000, offset: 0 })).total).toBe(licences);
      }, 120_000);
    });
  }
});

/** The lot month ('YYMM') of `offset` months from the last complete one. */
function demoLot(offset: number): string {
  const month = addMonths(demoDealMonths(new Date()).lastMonth, offset);
  return month.slice(2, 4) + month.slice(5, 7);
}
