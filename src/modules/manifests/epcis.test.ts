import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateEpcisDocument } from '../trace/epcis/validate.ts';
import { epcisDocument, fateOfMethod, manifestEvents, offsetAt, quantityElements, RECYCLING_BIZSTEP, stepEventID, type ManifestForEpcis, type SignatureForEpcis } from './epcis.ts';
import type { ManifestLine } from './model.ts';

const GEN = 1;
const T1 = 2;
const T2 = 3;
const RCV = 4;
const GLNS = new Map<number, string | null>([[GEN, '6900000000011'], [T1, '6900000000028'], [T2, '6900000000035'], [RCV, '6900000000042']]);
const DAY = Date.UTC(2026, 2, 10, 2, 0);

const line = (over: Partial<ManifestLine> = {}): ManifestLine => ({
  line: 1, materialId: 7, hwCode: 'HW06/900-402-06', form: 'liquid', packaging: 'drum', containers: 10, quantity: 2, unit: 't', hazards: ['T', 'I'],
  batches: ['https://id.gs1.org/01/06900000000019/10/WS-1'], received: null, receivedContainers: null, rejected: null, method: null, processed: null, ...over,
});

const manifest = (over: Partial<ManifestForEpcis> = {}): ManifestForEpcis => ({
  number: 'HW-2026-0001', revision: 0, kind: 'original', state: 'closed', generatorId: GEN, receiverId: RCV, handoffsDone: 3,
  lines: [line({ received: 1.9, rejected: 0.4, method: 'R2', processed: 1.5 }), line({ line: 2, unit: 'kg', quantity: 500, batches: ['urn:epc:class:lgtin:6900000.000012.B1', 'urn:epc:class:lgtin:6900000.000012.B2'], received: 500, rejected: 0, method: 'D10', processed: 500 })],
  legs: [{ leg: 1, transporterId: T1, vehicle: '苏A12345', driver: null, driverPhone: null }, { leg: 2, transporterId: T2, vehicle: '苏B67890', driver: null, driverPhone: null }],
  ...over,
});

/** The signatures of a two-leg run: three hand-offs, a partial rejection, processing. */
const signatures: SignatureForEpcis[] = [
  { action: 'sign', enterpriseId: GEN, at: DAY, seen: null },
  { action: 'hand_over', enterpriseId: GEN, at: DAY + 1000, seen: null },
  { action: 'take_over', enterpriseId: T1, at: DAY + 2000, seen: [{ line: 1, quantity: 2 }] },
  { action: 'hand_over', enterpriseId: T1, at: DAY + 3000, seen: null },
  { action: 'take_over', enterpriseId: T2, at: DAY + 4000, seen: [{ line: 1, quantity: 1.98 }] },
  { action: 'hand_over', enterpriseId: T2, at: DAY + 5000, seen: null },
  { action: 'take_over', enterpriseId: RCV, at: DAY + 6000, seen: [{ line: 1, quantity: 1.9 }] },
  { action: 'partially_reject', enterpriseId: RCV, at: DAY + 7000, seen: null },
  { action: 'process', enterpriseId: RCV, at: DAY + 8000, seen: null },
];

describe('the EPCIS events of a manifest', () => {
  it('documents every step, recorded by the party whose signature it is, and each event passes the EPCIS validator', () => {
    const events = manifestEvents(manifest(), signatures, GLNS, 'Asia/Shanghai');
    expect(events.map((e) => [e.step, e.recorderId, e.event.bizStep, e.event.disposition ?? null])).toEqual([
      ['commissioned', GEN, 'commissioning', 'active'],
      ['picked_up', GEN, 'shipping', 'in_transit'],
      ['handed_on:1', T1, 'transporting', 'in_transit'],
      ['delivered', T2, 'arriving', 'in_transit'],
      ['received', RCV, 'receiving', 'in_progress'],
      ['rejected', RCV, 'inspecting', 'non_conformant'],
      ['processed:1', RCV, RECYCLING_BIZSTEP, null],
      ['processed:2', RCV, 'destroying', 'destroyed'],
    ]);
    const result = validateEpcisDocument(epcisDocument(events.map((e) => e.event), new Date(DAY).toISOString()));
    expect(result.ok ? [] : result.errors).toEqual([]);
    const step = (name: string) => events.find((e) => e.step === name)!.event;
    const shipping = step('picked_up');
    expect(step('commissioned').action).toBe('ADD');
    expect(shipping.destinationList).toEqual([
      { type: 'owning_party', destination: 'https://id.gs1.org/417/6900000000042' },
      { type: 'possessing_party', destination: 'https://id.gs1.org/417/6900000000028' },
    ]);
    expect(shipping.bizTransactionList).toEqual([{ type: 'bol', bizTransaction: 'urn:symbiont:manifest:HW-2026-0001' }]);
    expect(shipping.eventTime).toBe(new Date(DAY + 2000).toISOString());
    expect(shipping.eventTimeZoneOffset).toBe('+08:00');
    // The receipt names no owning parties: the shipment is counted once, from the shipping event.
    expect(step('received').sourceList).toBeUndefined();
    expect(step('received').quantityList).toEqual([
      { epcClass: 'https://id.gs1.org/01/06900000000019/10/WS-1', quantity: 1.5, uom: 'TNE' },
      { epcClass: 'urn:epc:class:lgtin:6900000.000012.B1', quantity: 250, uom: 'KGM' },
      { epcClass: 'urn:epc:class:lgtin:6900000.000012.B2', quantity: 250, uom: 'KGM' },
    ]);
    expect(step('delivered').destinationList).toContainEqual({ type: 'possessing_party', destination: 'https://id.gs1.org/417/6900000000042' });
    expect(step('processed:1').inputQuantityList).toEqual([{ epcClass: 'https://id.gs1.org/01/06900000000019/10/WS-1', quantity: 1.5, uom: 'TNE' }]);
  });

  it('has only the steps reached so far', () => {
    const inTransit = manifestEvents(manifest({ state: 'in_transit', handoffsDone: 1, lines: [line()] }), signatures.slice(0, 3), GLNS, 'UTC');
    expect(inTransit.map((e) => e.step)).toEqual(['commissioned', 'picked_up']);
    const landfilled = manifestEvents(manifest({ legs: manifest().legs.slice(0, 1), handoffsDone: 2, lines: [line({ received: 2, rejected: 0, method: 'D1', processed: 2 })] }), signatures.filter((s) => s.enterpriseId !== T2), GLNS, 'UTC');
    expect(landfilled.map((e) => [e.step, e.event.disposition])).toEqual([['commissioned', 'active'], ['picked_up', 'in_transit'], ['delivered', 'in_transit'], ['received', 'in_progress'], ['processed:1', 'disposed']]);
  });

  it('gives a step the same eventID every time, and a correction a new one only where its figures changed', () => {
    const first = manifestEvents(manifest(), signatures, GLNS, 'UTC');
    expect(manifestEvents(manifest(), signatures, GLNS, 'UTC')).toEqual(first);
    expect(first.find((e) => e.step === 'picked_up')!.eventID).toBe(stepEventID('HW-2026-0001', 'picked_up'));
    const corrected = manifest({ revision: 1, lines: [line({ received: 1.9, rejected: 0.4, method: 'R2', processed: 1.4 }), manifest().lines[1]!] });
    const again = manifestEvents(corrected, signatures, GLNS, 'UTC', manifest());
    const changed = again.filter((e, i) => e.eventID !== first[i]!.eventID).map((e) => e.step);
    expect(changed).toEqual(['processed:1']);
  });

  it('maps method codes to their fate', () => {
    expect(['D1', 'D10', 'C1', 'D9', 'D16', 'R2', 'R4', 'C2', 'C3'].map(fateOfMethod)).toEqual(['landfill', 'incineration', 'incineration', 'treatment', 'treatment', 'utilization', 'utilization', 'utilization', 'utilization']);
    expect(offsetAt(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe('+02:00');
  });

  it('shares a line among its batches without losing or adding any of it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ quantity: fc.double({ min: 0.001, max: 1000, noNaN: true }), batches: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 5 }), (spec) => {
        const lines = spec.map((s, i) => line({ line: i + 1, quantity: s.quantity, batches: Array.from({ length: s.batches }, (_, b) => `urn:epc:class:lgtin:6900000.000012.L${i}B${b}`) }));
        const elements = quantityElements(lines, (l) => l.quantity);
        for (const l of lines) {
          const mine = elements.filter((e) => e.line === l.line);
          expect(mine.map((e) => e.epcClass)).toEqual(l.batches);
          expect(Math.abs(mine.reduce((s, e) => s + e.quantity, 0) - l.quantity)).toBeLessThan(1e-5 * l.batches.length);
        }
      }),
    );
  });
});
