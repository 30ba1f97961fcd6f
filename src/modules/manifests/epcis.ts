/**
 * The EPCIS 2.0 events a manifest's steps mean (issue 14; docs/manifests.md "Links"), pure: from the
 * manifest's row, the signatures that made its steps and the parties' GLNs, the events to capture,
 * each with the enterprise that records it and a deterministic eventID, so that writing them again
 * (a retried processor, a second apply) names the same events.
 *
 * Who records what follows the trace's provenance rule (docs/trace.md "Provenance"): an event is the
 * record of the party whose signature it documents, and a lot passes to the parties a holder names in
 * its destinationList. The generator (maker of the batches: their identifiers are minted for it)
 * records the batches' commissioning at its signature (an ADD: its claim to have made them) and the shipping, naming the receiver as owning and transporter 1 as possessing party, so every
 * later holder's record of the batches counts; each transporter records its hand-on (transporting)
 * and the last one the arrival (arriving, the receiver possessing); the receiver records its receipt
 * (receiving, in_progress, the accepted part), the rejected part (inspecting, non_conformant) and the
 * processing: a disposal method an ObjectEvent destroying (destroyed by incineration, disposed by
 * landfill or treatment), a utilization method a TransformationEvent with the batches as inputs and
 * what was recovered from the line (`recoveredOf`) as output.
 *
 * The receiving event names no owning parties: the flows EPCIS source counts a shipment from its
 * shipping event (source and destination owning parties), and a receiving event that named them with
 * other quantities (the accepted part) would count the same shipment twice. The receipt's ledger flow
 * is therefore keyed by the shipping event's quantities (`event:<shipping eventID>:q:<i>`, see
 * links.ts), the key that source gives them.
 *
 * Corrections (revision > 0): EPCIS events record what happened, and a correction does not happen
 * again. A step whose event comes out the same as revision 0's (same quantities, same method) keeps
 * revision 0's eventID, so it is not captured again; a step whose figures were corrected gets a new
 * event (eventID seeded with its content), captured as the record of the corrected figures, at the
 * step's original time. The ledger keeps revision 0's keys (links.ts), so it holds the corrected
 * figure once.
 */
import { createHash } from 'node:crypto';
import { seededUuid } from '../../core/seeded-uuid.ts';
import { utcOffsetText } from '../../core/time-zone.ts';
import { methodOf } from './methods.ts';
import type { ManifestKind, ManifestLeg, ManifestLine, ManifestState, SeenQuantity } from './model.ts';

/** The steps that have an event: a hand-off, the receipt's two sides, one processing per line. */
export type EpcisStep = 'commissioned' | 'picked_up' | `handed_on:${number}` | 'delivered' | 'received' | 'rejected' | `processed:${number}`;

export interface ManifestForEpcis {
  number: string;
  revision: number;
  kind: ManifestKind;
  state: ManifestState;
  generatorId: number;
  receiverId: number;
  handoffsDone: number;
  lines: readonly ManifestLine[];
  legs: readonly ManifestLeg[];
}

/** A signature as the events need it: what was done, by whom, when, and what was seen. */
export interface SignatureForEpcis {
  action: string;
  enterpriseId: number;
  at: number;
  seen: readonly SeenQuantity[] | null;
}

export interface StepEvent {
  step: EpcisStep;
  /** The enterprise that records the event (whose signature the step documents). */
  recorderId: number;
  /** When the step happened (its signature's time). */
  at: number;
  eventID: string;
  event: Record<string, unknown>;
}

/** Where a method leaves the waste: used up at the receiver, or a disposal boundary. */
export type MethodFate = 'utilization' | 'landfill' | 'incineration' | 'treatment';

/** The fate of a method code (methods.ts): used up at the receiver, or its disposal boundary; a code the list does not know counts as treatment (other disposal). */
export function fateOfMethod(code: string): MethodFate {
  const m = methodOf(code.trim().toUpperCase());
  if (!m) return 'treatment';
  return m.fate === 'utilization' ? 'utilization' : (m.boundary ?? 'treatment');
}

/** UN/ECE Recommendation 20 codes of the manifest units. */
const UOM = { t: 'TNE', kg: 'KGM' } as const;

/** The business transaction every event of a manifest names: its number (a bill of lading). */
export const manifestTransaction = (number: string): string => `urn:symbiont:manifest:${encodeURIComponent(number)}`;

/** The event ID of `seed`: a UUID URN (seededUuid). */
const uuidOf = (seed: string): string => `urn:uuid:${seededUuid(seed)}`;

/** The eventID revision 0 gives a step: the number and the step, nothing else (the ledger's keys derive from it). */
export const stepEventID = (number: string, step: EpcisStep): string => uuidOf(`symbiont:manifest:${number}:${step}`);

const round = (x: number) => Number(x.toFixed(6));

/** Each batch of a line with its share of `quantity`: the manifest weighs lines, not batches, so a line's batches share it equally. */
function batchQuantities(line: ManifestLine, quantity: number): { epcClass: string; quantity: number; uom: string }[] {
  const n = line.batches.length;
  return line.batches.map((b) => ({ epcClass: b, quantity: round(quantity / n), uom: UOM[line.unit] }));
}

/** The quantity elements of the lines, in line then batch order (the ledger keys the shipping event's by this position). */
export function quantityElements(lines: readonly ManifestLine[], quantityOf: (l: ManifestLine) => number): { line: number; epcClass: string; quantity: number; uom: string }[] {
  return lines.flatMap((l) => batchQuantities(l, quantityOf(l)).map((q) => ({ line: l.line, ...q })));
}

/** The UTC offset of `timeZone` at `at`, +hh:mm. */
export const offsetAt = (at: number, timeZone: string): string => utcOffsetText(at, timeZone);

const party = (gln: string | null | undefined) => (gln ? `https://id.gs1.org/417/${gln}` : null);

const isReceived = (state: ManifestState) => ['accepted', 'partially_rejected', 'rejected', 'processed', 'closed'].includes(state);

/**
 * The events the manifest's steps so far mean. `signatures` are those of every revision of the
 * number, in order (revision, then seq): a step's time and signer are its first signature of that
 * action. `baseline` is revision 0 of the number when `m` is a correction (its events decide which of
 * `m`'s are new). Steps whose signature is missing (a manifest loaded half-written) have no event yet.
 */
export function manifestEvents(
  m: ManifestForEpcis,
  signatures: readonly SignatureForEpcis[],
  glns: ReadonlyMap<number, string | null>,
  timeZone: string,
  baseline?: ManifestForEpcis,
): StepEvent[] {
  const own = draftEvents(m, signatures, glns, timeZone);
  if (m.revision === 0 || !baseline) return own.map((e) => ({ ...e, eventID: stepEventID(m.number, e.step), event: { ...e.event, eventID: stepEventID(m.number, e.step) } }));
  const before = new Map(draftEvents(baseline, signatures, glns, timeZone).map((e) => [e.step, digestOf(e.event)]));
  return own.map((e) => {
    const digest = digestOf(e.event);
    const eventID = before.get(e.step) === digest ? stepEventID(m.number, e.step) : uuidOf(`symbiont:manifest:${m.number}:${e.step}:${digest}`);
    return { ...e, eventID, event: { ...e.event, eventID } };
  });
}

function digestOf(event: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('hex');
}

/** The events without their eventIDs. */
function draftEvents(m: ManifestForEpcis, signatures: readonly SignatureForEpcis[], glns: ReadonlyMap<number, string | null>, timeZone: string): Omit<StepEvent, 'eventID'>[] {
  const out: Omit<StepEvent, 'eventID'>[] = [];
  const n = m.legs.length;
  const takeOvers = signatures.filter((s) => s.action === 'take_over');
  const first = (actions: readonly string[]) => signatures.find((s) => actions.includes(s.action));
  const transporter = (leg: number) => m.legs.find((l) => l.leg === leg)?.transporterId ?? null;
  const gln = (id: number | null) => (id === null ? null : party(glns.get(id)));
  const bizTransactionList = [{ type: 'bol', bizTransaction: manifestTransaction(m.number) }];
  const base = (at: number, type: string, extra: Record<string, unknown>): Record<string, unknown> => ({
    type,
    eventTime: new Date(at).toISOString(),
    eventTimeZoneOffset: offsetAt(at, timeZone),
    ...(type === 'ObjectEvent' ? { action: 'OBSERVE', epcList: [] } : {}),
    ...extra,
    bizTransactionList,
  });
  const parties = (kind: 'source' | 'destination', list: [string, number | null][]) => {
    const key = kind === 'source' ? 'source' : 'destination';
    const items = list.map(([type, id]) => [type, gln(id)] as const).filter(([, g]) => g !== null).map(([type, g]) => ({ type, [key]: g }));
    return items.length ? { [`${kind}List`]: items } : {};
  };
  const seenOr = (s: SignatureForEpcis | undefined) => (l: ManifestLine) => s?.seen?.find((q) => q.line === l.line)?.quantity ?? l.quantity;
  const elements = (quantityOf: (l: ManifestLine) => number, keep: (l: ManifestLine) => boolean = () => true) =>
    quantityElements(m.lines.filter(keep), quantityOf).map(({ epcClass, quantity, uom }) => ({ epcClass, quantity, uom }));

  // The generator's claim to have made the batches (docs/trace.md: the earliest claim to make a lot
  // decides its maker, and only a holder's shipment hands it over). A handle minted for a waste batch
  // is not a GS1 key, so without this record the first to use the batch up — the receiver — would
  // count as its maker and the generator's shipment would hand nothing over. An earlier claim (the
  // generator's own process records) still wins; a return or onward manifest carries batches made before.
  const signing = first(['sign']);
  if (signing && m.kind === 'original') {
    out.push({
      step: 'commissioned',
      recorderId: m.generatorId,
      at: signing.at,
      event: base(signing.at, 'ObjectEvent', {
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        quantityList: elements((l) => l.quantity),
        ...parties('source', [['owning_party', m.generatorId]]),
      }),
    });
  }

  for (let k = 0; k <= n && k < m.handoffsDone; k++) {
    const sig = takeOvers[k];
    if (!sig) break;
    if (k === 0) {
      out.push({
        step: 'picked_up',
        recorderId: m.generatorId,
        at: sig.at,
        event: base(sig.at, 'ObjectEvent', {
          bizStep: 'shipping',
          disposition: 'in_transit',
          quantityList: elements((l) => l.quantity),
          ...parties('source', [['owning_party', m.generatorId], ['possessing_party', m.generatorId]]),
          ...parties('destination', [['owning_party', m.receiverId], ['possessing_party', transporter(1)]]),
        }),
      });
    }
    if (k > 0 && k < n) {
      out.push({
        step: `handed_on:${k}`,
        recorderId: transporter(k)!,
        at: sig.at,
        event: base(sig.at, 'ObjectEvent', {
          bizStep: 'transporting',
          disposition: 'in_transit',
          quantityList: elements(seenOr(sig)),
          ...parties('source', [['possessing_party', transporter(k)]]),
          ...parties('destination', [['owning_party', m.receiverId], ['possessing_party', transporter(k + 1)]]),
        }),
      });
    }
    if (k === n && n > 0) {
      out.push({
        step: 'delivered',
        recorderId: transporter(n)!,
        at: sig.at,
        event: base(sig.at, 'ObjectEvent', {
          bizStep: 'arriving',
          disposition: 'in_transit',
          quantityList: elements(seenOr(sig)),
          ...parties('source', [['possessing_party', transporter(n)]]),
          ...parties('destination', [['owning_party', m.receiverId], ['possessing_party', m.receiverId]]),
        }),
      });
    }
  }

  const receipt = first(['accept', 'partially_reject', 'reject']);
  if (receipt && isReceived(m.state)) {
    const accepted = (l: ManifestLine) => Math.max(0, (l.received ?? 0) - (l.rejected ?? 0));
    const acceptedList = elements(accepted, (l) => accepted(l) > 0);
    if (acceptedList.length) {
      out.push({ step: 'received', recorderId: m.receiverId, at: receipt.at, event: base(receipt.at, 'ObjectEvent', { bizStep: 'receiving', disposition: 'in_progress', quantityList: acceptedList }) });
    }
    const rejectedList = elements((l) => l.rejected ?? 0, (l) => (l.rejected ?? 0) > 0);
    if (rejectedList.length) {
      out.push({ step: 'rejected', recorderId: m.receiverId, at: receipt.at, event: base(receipt.at, 'ObjectEvent', { bizStep: 'inspecting', disposition: 'non_conformant', quantityList: rejectedList }) });
    }
  }

  const processing = first(['process']);
  if (processing && (m.state === 'processed' || m.state === 'closed')) {
    for (const l of m.lines) {
      if (l.method === null || l.processed === null || l.processed <= 0) continue;
      const fate = fateOfMethod(l.method);
      const list = batchQuantities(l, l.processed);
      const step: EpcisStep = `processed:${l.line}`;
      if (fate === 'utilization') {
        out.push({
          step,
          recorderId: m.receiverId,
          at: processing.at,
          event: base(processing.at, 'TransformationEvent', {
            transformationID: `${manifestTransaction(m.number)}:line:${l.line}:${encodeURIComponent(l.method)}`,
            inputQuantityList: list,
            // What the receiver recovered from the line, named after it: the manifest does not weigh the product,
            // but the trace's walk follows a transformation to its outputs, so the batches' processing shows as a link.
            outputEPCList: [recoveredOf(m.number, l.line)],
            bizStep: RECYCLING_BIZSTEP,
          }),
        });
      } else {
        out.push({
          step,
          recorderId: m.receiverId,
          at: processing.at,
          event: base(processing.at, 'ObjectEvent', { bizStep: 'destroying', disposition: fate === 'incineration' ? 'destroyed' : 'disposed', quantityList: list }),
        });
      }
    }
  }
  return out;
}

/** The identifier of what a receiver recovered from a manifest line (an output of the recycling transformation). */
export const recoveredOf = (number: string, line: number): string => `${manifestTransaction(number)}:line:${line}:recovered`;

/** CBV has no recycling step; the validator accepts a URI outside the CBV namespace (epcis.test.ts checks it does). */
export const RECYCLING_BIZSTEP = 'urn:symbiont:bizstep:recycling';

/** The EPCIS document capturing `events`. */
export function epcisDocument(events: readonly Record<string, unknown>[], creationDate: string): Record<string, unknown> {
  return { '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate, epcisBody: { eventList: events } };
}
