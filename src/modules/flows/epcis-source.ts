/**
 * Flows from traceability (`POST /api/v1/flows/sources/epcis`): the EPCIS events of a period the
 * caller may see, read through the trace service.
 *
 * - A shipment (an ObjectEvent with bizStep shipping or receiving) whose source and destination
 *   owning parties are two enterprises of the park (by GLN) moves its quantityList from the one's
 *   enterprise node to the other's. Shipper and receiver usually both record it: a receiving event
 *   is counted only when no shipping event of the period names the same parties and quantities.
 * - A TransformationEvent whose bizLocation is a sub-location of its recorder (an SGLN of the
 *   enterprise's GLN whose extension, AI 254, is a unit code) consumes its inputs at that unit
 *   (enterprise node → unit node) and produces its outputs there (unit node → enterprise node).
 *
 * A quantity's material is its lot's: the identifier minted for the class's GTIN and lot (identity)
 * and the material it names (registry), as far as the caller may see them. An event that cannot be
 * turned into flows is skipped with the reason. Each quantity is keyed by its event, role and
 * position (`event:<eventID>:<in|out|q>:<n>`), so a re-run writes over its own rows; EPCIS events
 * are never changed once captured, so a re-run has nothing to remove.
 */
import { validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import type { IdentityService } from '../identity/service.ts';
import type { RegistryService } from '../registry/service.ts';
import { toCanonicalDigitalLink } from '../trace/epcis/hash.ts';
import { bizStepTerm, glnOf } from '../trace/parties.ts';
import type { TraceService } from '../trace/service.ts';
import type { FlowInput, RejectedRow } from './model.ts';
import { parsePeriod } from './period.ts';
import { flowPolicy } from './policy.ts';
import type { FlowLedgerPort } from './sources-ports.ts';

export interface EpcisRun {
  written: number;
  rejected: RejectedRow[];
  skipped: { eventId: string; reason: string }[];
}

export interface EpcisSourceDeps {
  ledger: Pick<FlowLedgerPort, 'writeFlows'>;
  trace: Pick<TraceService, 'query'>;
  registry: Pick<RegistryService, 'directoryOf' | 'getPark'> & { materials: Pick<RegistryService['materials'], 'get'> };
  identity: Pick<IdentityService, 'byDigitalLink' | 'get'>;
  /** Unit node codes of an enterprise by unit code (flow_nodes, the ledger's own table). */
  unitNodeCode(enterpriseId: number, unitCode: string): Promise<string | null>;
}

/** UN/ECE Recommendation 20 codes EPCIS quantities use, and the platform's units. */
const UOM: Readonly<Record<string, string>> = { KGM: 'kg', TNE: 't', GRM: 'g', LTR: 'L', MTQ: 'm3', KWH: 'kWh', MWH: 'MWh' };
const PAGE = 500;

interface QuantityElement {
  epcClass?: string;
  quantity?: number;
  uom?: string;
}

type Doc = Record<string, unknown> & {
  eventID?: string;
  type?: string;
  bizStep?: string;
  bizLocation?: { id?: string };
  sourceList?: { type?: string; source?: string }[];
  destinationList?: { type?: string; destination?: string }[];
  quantityList?: QuantityElement[];
  inputQuantityList?: QuantityElement[];
  outputQuantityList?: QuantityElement[];
  'symbiont:recordedBy'?: { enterprise?: { id?: number; code?: string | null } };
};

class Skip extends Error {}

export class EpcisFlowSource {
  constructor(private readonly deps: EpcisSourceDeps) {}

  async run(ctx: AuthContext, periodText: string): Promise<EpcisRun> {
    flowPolicy.assert(ctx, 'create', ctx.enterpriseId);
    const park = await this.deps.registry.getPark();
    const period = parsePeriod(periodText, park.timezone);
    if (!period) throw validation(`period ${JSON.stringify(periodText)} is not a year, month or day (2026, 2026-03, 2026-03-15)`);
    const events = await this.events(ctx, new Date(period.start).toISOString(), new Date(period.end).toISOString());
    const enterprises = await this.enterprisesByGln(events);
    const out: EpcisRun = { written: 0, rejected: [], skipped: [] };
    const rows: FlowInput[] = [];
    const shipped = new Set<string>();
    const materials = new Map<string, Promise<string>>();
    const material = (epcClass: string | undefined) => {
      const key = epcClass ?? '';
      if (!materials.has(key)) materials.set(key, this.materialOf(ctx, epcClass));
      return materials.get(key)!;
    };

    // Shipping before receiving, so a receiving event knows whether its shipment was counted.
    const order = (d: Doc) => (bizStepTerm(d.bizStep) === 'receiving' ? 1 : 0);
    for (const doc of [...events].sort((a, b) => order(a) - order(b))) {
      const eventId = typeof doc.eventID === 'string' ? doc.eventID : '';
      try {
        if (!eventId) throw new Skip('the event has no eventID to key its flows by');
        const step = bizStepTerm(doc.bizStep);
        if (doc.type === 'ObjectEvent' && (step === 'shipping' || step === 'receiving')) {
          const from = partyOf(doc.sourceList?.map((s) => [s.type, s.source]), enterprises, 'source');
          const to = partyOf(doc.destinationList?.map((d) => [d.type, d.destination]), enterprises, 'destination');
          if (from === to) throw new Skip(`a ${step} event within one enterprise (${from}) moves nothing between enterprises`);
          const list = doc.quantityList ?? [];
          if (!list.length) throw new Skip('the shipment has no quantityList');
          const signature = `${from}>${to}:${JSON.stringify(list.map((q) => [q.epcClass, q.quantity, q.uom]))}`;
          if (step === 'receiving' && shipped.has(signature)) throw new Skip('counted from the shipping event of the same shipment');
          if (step === 'shipping') shipped.add(signature);
          for (const [i, q] of list.entries()) rows.push(await this.flow(period.period, from, to, q, `event:${eventId}:q:${i}`, material));
        } else if (doc.type === 'TransformationEvent') {
          const recorder = doc['symbiont:recordedBy']?.enterprise;
          if (!recorder?.id || !recorder.code) throw new Skip('the transformation has no recording enterprise');
          const unit = await this.unitAt(doc.bizLocation?.id, recorder.id, enterprises);
          for (const [i, q] of (doc.inputQuantityList ?? []).entries()) rows.push(await this.flow(period.period, recorder.code, unit, q, `event:${eventId}:in:${i}`, material));
          for (const [i, q] of (doc.outputQuantityList ?? []).entries()) rows.push(await this.flow(period.period, unit, recorder.code, q, `event:${eventId}:out:${i}`, material));
        }
      } catch (err) {
        if (!(err instanceof Skip)) throw err;
        out.skipped.push({ eventId, reason: err.message });
      }
    }
    if (rows.length) {
      const result = await this.deps.ledger.writeFlows(ctx, { source: 'epcis', rows });
      out.written = result.written;
      out.rejected = result.rejected.map((r) => ({ row: r.row, reason: `${rows[r.row - 1]?.sourceKey ?? ''}: ${r.reason}` }));
    }
    return out;
  }

  private async events(ctx: AuthContext, from: string, to: string): Promise<Doc[]> {
    const out: Doc[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await this.deps.trace.query(ctx, { GE_eventTime: from, LT_eventTime: to, eventType: ['ObjectEvent', 'TransformationEvent'], perPage: PAGE, nextPageToken });
      out.push(...(page.events as Doc[]));
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken);
    return out;
  }

  private async enterprisesByGln(events: Doc[]): Promise<Map<string, { id: number; code: string }>> {
    const glns = new Set<string>();
    for (const d of events) {
      for (const s of d.sourceList ?? []) if (s.source) glns.add(glnOf(s.source) ?? '');
      for (const s of d.destinationList ?? []) if (s.destination) glns.add(glnOf(s.destination) ?? '');
      const loc = d.bizLocation?.id ? glnOf(sglnAsGln(d.bizLocation.id)) : null;
      if (loc) glns.add(loc);
    }
    glns.delete('');
    const found = await this.deps.registry.directoryOf({ glns: [...glns] });
    return new Map(found.filter((e) => e.gln).map((e) => [e.gln!, { id: e.id, code: e.code }]));
  }

  private async unitAt(location: string | undefined, recorderId: number, enterprises: Map<string, { id: number; code: string }>): Promise<string> {
    if (!location) throw new Skip('the transformation has no bizLocation to find its unit by');
    const ext = /^urn:epc:id:sgln:\d+\.\d*\.(.+)$/.exec(location)?.[1] ?? /\/414\/\d{13}\/254\/([^/?#]+)$/.exec(location)?.[1];
    const gln = glnOf(sglnAsGln(location));
    if (!ext || ext === '0' || !gln || enterprises.get(gln)?.id !== recorderId) {
      throw new Skip(`bizLocation ${location} is not a sub-location (GLN extension) of the recording enterprise's GLN`);
    }
    const code = await this.deps.unitNodeCode(recorderId, decodeURIComponent(ext));
    if (!code) throw new Skip(`bizLocation ${location} names no unit of the recording enterprise`);
    return code;
  }

  private async flow(period: string, from: string, to: string, q: QuantityElement, sourceKey: string, material: (epcClass: string | undefined) => Promise<string>): Promise<FlowInput> {
    if (typeof q.quantity !== 'number' || !Number.isFinite(q.quantity) || q.quantity < 0) throw new Skip(`${q.epcClass ?? 'a quantity'} has no quantity`);
    const unit = q.uom ? UOM[q.uom] : undefined;
    if (!unit) throw new Skip(`${q.epcClass ?? 'a quantity'}: unit of measure ${q.uom ?? '(none)'} is not a mass, volume or energy the ledger knows (${Object.keys(UOM).join(', ')})`);
    return { period, from, to, material: await material(q.epcClass), quantity: q.quantity, unit, sd: null, basis: 'measured', sourceKey };
  }

  /** The material of a lot class, through identity (its identifier) and the registry (the material). */
  private async materialOf(ctx: AuthContext, epcClass: string | undefined): Promise<string> {
    const link = epcClass ? toCanonicalDigitalLink(epcClass) : null;
    const m = link ? /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/10\/([^/?#]+)$/.exec(link) : null;
    if (!m) throw new Skip(`${epcClass ?? 'a quantity'} names no lot (GTIN and lot) to find its material by`);
    const found = await this.deps.identity.byDigitalLink(m[1], '10', decodeURIComponent(m[2]));
    const identifier = found ? await this.deps.identity.get(ctx, found.id).catch(() => null) : null;
    if (!identifier) throw new Skip(`no identifier you may see is minted for lot ${epcClass}`);
    if (identifier.materialId === null) throw new Skip(`the identifier of lot ${epcClass} names no material`);
    const material = await this.deps.registry.materials.get(ctx, identifier.materialId).catch(() => null);
    if (!material) throw new Skip(`the material of lot ${epcClass} is not visible to you`);
    return String(material.code);
  }
}

/** An SGLN's location GLN as a party GLN string (glnOf reads PGLN/GLN forms). */
function sglnAsGln(location: string): string {
  const urn = /^urn:epc:id:sgln:(\d+)\.(\d*)\./.exec(location);
  if (urn) return `urn:epc:id:pgln:${urn[1]}.${urn[2]}`;
  return location.replace(/\/254\/[^/?#]+$/, '');
}

function partyOf(entries: [string | undefined, string | undefined][] | undefined, enterprises: Map<string, { id: number; code: string }>, side: string): string {
  const owning = (entries ?? []).filter(([type, id]) => type && id && /(?:^|[:/-])owning_party$/.test(type));
  if (!owning.length) throw new Skip(`the shipment names no ${side} owning party`);
  const gln = glnOf(owning[0][1]!);
  const enterprise = gln ? enterprises.get(gln) : undefined;
  if (!enterprise) throw new Skip(`the ${side} owning party ${owning[0][1]} is not an enterprise of the park`);
  return enterprise.code;
}
