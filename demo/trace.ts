/**
 * The demo park's lots and what happened to them, as EPCIS 2.0 events captured by each enterprise
 * through the platform's own services: loops that cross plants (naphtha → ethylene → PE pellets and
 * off-spec PE → recycled pellets; brine → chlorine → VCM → PVC; phosphogypsum → cement), with
 * identifiers (GTIN + lot) for the lots people look up.
 */
import type { Services } from '../src/app.ts';
import type { AuthContext } from '../src/core/roles.ts';
import { gs1CheckDigit } from '../src/modules/identity/model.ts';
import { demoPark } from './park.ts';

/** A made-up GS1 company prefix for the park (the 690–699 range is GS1 China's). */
const COMPANY = '6901234';

interface Item {
  /** 5-digit item reference under the park's company prefix */
  item: string;
  lot: string;
}

/** The enterprise's GLN as a party: the park's company prefix and a location reference per enterprise. */
export function demoGln(index: number): string {
  const body = `${COMPANY}${String(index + 1).padStart(5, '0')}`;
  return body + gs1CheckDigit(body);
}
const pgln = (code: string) => `urn:epc:id:pgln:${COMPANY}.${String(demoPark.enterprises.findIndex((e) => e.code === code) + 1).padStart(5, '0')}`;

/**
 * What each enterprise shares with the park beyond what its events' parties see: most of the demo
 * shares everything, the pharmaceutical plant only its shipments (its processes are its own).
 */
const PARK_SHARING: Record<string, 'all' | 'shipments'> = { pharma: 'shipments' };

const gtinOf = (i: Item) => {
  const body = `0${COMPANY}${i.item}`;
  return body + gs1CheckDigit(body);
};
const classOf = (i: Item) => `urn:epc:class:lgtin:${COMPANY}.0${i.item}.${i.lot}`;

const NAPHTHA = { item: '10001', lot: 'NAP2611' };
const ETHYLENE = { item: '10002', lot: 'ETH2611-A' };
const PE = { item: '20001', lot: 'HDPE2611-07' };
const OFFSPEC = { item: '20002', lot: 'OFS2611-07' };
const WASTE_PLASTIC = { item: '50001', lot: 'WP2611-03' };
const RECYCLED = { item: '50002', lot: 'RPE2611-01' };
const BRINE = { item: '30001', lot: 'BR2611' };
const CHLORINE = { item: '30002', lot: 'CL2611-12' };
const VCM = { item: '40001', lot: 'VCM2611-05' };
const PVC = { item: '40002', lot: 'PVC2611-05' };
const PHOSPHOGYPSUM = { item: '60001', lot: 'PG2611-02' };
const CLINKER = { item: '70001', lot: 'CLK2611' };
const CEMENT = { item: '70002', lot: 'CEM2611-09' };

interface Step {
  enterprise: string;
  time: string;
  inputs: [Item, number][];
  outputs: [Item, number][];
  bizStep?: string;
  readPoint?: string;
}

const STEPS: Step[] = [
  { enterprise: 'refinery', time: '2026-11-18T06:00:00+08:00', inputs: [[NAPHTHA, 120]], outputs: [[ETHYLENE, 38]] },
  { enterprise: 'polyolefin', time: '2026-11-19T08:00:00+08:00', inputs: [[ETHYLENE, 38]], outputs: [[PE, 35], [OFFSPEC, 2.5]] },
  { enterprise: 'recycler', time: '2026-11-21T10:00:00+08:00', inputs: [[OFFSPEC, 2.5], [WASTE_PLASTIC, 4]], outputs: [[RECYCLED, 6]] },
  { enterprise: 'chloralkali', time: '2026-11-18T09:00:00+08:00', inputs: [[BRINE, 160]], outputs: [[CHLORINE, 30]] },
  { enterprise: 'pvc', time: '2026-11-19T14:00:00+08:00', inputs: [[CHLORINE, 30]], outputs: [[VCM, 52]] },
  { enterprise: 'pvc', time: '2026-11-20T14:00:00+08:00', inputs: [[VCM, 52]], outputs: [[PVC, 50]] },
  { enterprise: 'cement', time: '2026-11-22T07:00:00+08:00', inputs: [[PHOSPHOGYPSUM, 45], [CLINKER, 900]], outputs: [[CEMENT, 945]] },
];

/** Shipments between plants (ObjectEvents, shipping then receiving), so the hand-overs are recorded. */
const SHIPMENTS: { from: string; to: string; item: Item; quantity: number; time: string }[] = [
  { from: 'refinery', to: 'polyolefin', item: ETHYLENE, quantity: 38, time: '2026-11-18T20:00:00+08:00' },
  { from: 'polyolefin', to: 'recycler', item: OFFSPEC, quantity: 2.5, time: '2026-11-20T09:00:00+08:00' },
  { from: 'chloralkali', to: 'pvc', item: CHLORINE, quantity: 30, time: '2026-11-19T08:00:00+08:00' },
  { from: 'phosphate', to: 'cement', item: PHOSPHOGYPSUM, quantity: 45, time: '2026-11-21T15:00:00+08:00' },
];

/** Lots that get a resolvable identifier, and their owner. */
const LOTS: { enterprise: string; item: Item; name: string }[] = [
  { enterprise: 'polyolefin', item: PE, name: 'HDPE 粒料 / HDPE pellets' },
  { enterprise: 'polyolefin', item: OFFSPEC, name: '不合格 PE / off-spec PE' },
  { enterprise: 'recycler', item: RECYCLED, name: '再生 PE 粒料 / recycled PE pellets' },
  { enterprise: 'pvc', item: PVC, name: 'PVC 树脂 SG-5 / PVC resin SG-5' },
  { enterprise: 'cement', item: CEMENT, name: '复合硅酸盐水泥 P.C 42.5 / composite cement' },
  { enterprise: 'phosphate', item: PHOSPHOGYPSUM, name: '磷石膏 / phosphogypsum' },
];

const doc = (events: object[]) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-11-23T00:00:00Z',
  epcisBody: { eventList: events },
});

export async function loadDemoTrace(services: Services, enterpriseIds: Map<string, number>): Promise<{ events: number; identifiers: number }> {
  const as = (code: string): AuthContext => ({ userId: null, username: `demo-loader@${code}`, role: 'enterprise_operator', enterpriseId: enterpriseIds.get(code)!, via: 'system' });
  const byEnterprise = new Map<string, object[]>();
  const add = (code: string, e: object) => byEnterprise.set(code, [...(byEnterprise.get(code) ?? []), e]);
  const q = (list: [Item, number][]) => list.map(([i, quantity]) => ({ epcClass: classOf(i), quantity, uom: 'TNE' }));
  for (const s of STEPS) {
    add(s.enterprise, {
      type: 'TransformationEvent', eventTime: s.time, eventTimeZoneOffset: '+08:00', bizStep: 'commissioning', disposition: 'active',
      inputQuantityList: q(s.inputs), outputQuantityList: q(s.outputs),
    });
  }
  for (const sh of SHIPMENTS) {
    // Both sides name the parties, so each shipment is visible to the sender and the receiver.
    const parties = { sourceList: [{ type: 'owning_party', source: pgln(sh.from) }], destinationList: [{ type: 'owning_party', destination: pgln(sh.to) }] };
    add(sh.from, { type: 'ObjectEvent', eventTime: sh.time, eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', epcList: [], quantityList: q([[sh.item, sh.quantity]]), ...parties });
    const arrival = new Date(Date.parse(sh.time) + 3 * 3_600_000).toISOString();
    add(sh.to, { type: 'ObjectEvent', eventTime: arrival, eventTimeZoneOffset: '+08:00', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', epcList: [], quantityList: q([[sh.item, sh.quantity]]), ...parties });
  }
  for (const [code, id] of enterpriseIds) {
    const admin: AuthContext = { ...as(code), username: `demo-loader@${code}`, role: 'enterprise_admin', enterpriseId: id };
    await services.trace.shares.create(admin, { granteeId: null, scope: PARK_SHARING[code] ?? 'all' });
  }
  let events = 0;
  for (const [code, list] of byEnterprise) {
    const { id, done } = await services.trace.startCapture(as(code), doc(list), 'application/ld+json', 'rollback');
    await done;
    const job = await services.trace.job(as(code), id);
    if (!job.success) throw new Error(`the demo events of ${code} were refused: ${JSON.stringify(job.errors.slice(0, 3))}`);
    events += list.length;
  }
  let identifiers = 0;
  for (const l of LOTS) {
    await services.identity.mint(as(l.enterprise), { kind: 'lot', gtin: gtinOf(l.item), lot: l.item.lot, values: [{ type: 'DESC', value: l.name }] });
    identifiers++;
  }
  return { events, identifiers };
}
