/**
 * What a manifest's steps write in the other modules (issue 14; docs/manifests.md "Links"): the
 * EPCIS events of its steps (epcis.ts), the ledger flows of the accepted and disposed quantities,
 * the discrepancy and overdue alarms, and the exchange delivery it carries. Run after an action
 * commits (ManifestService) and again by the durable processor `manifests-links` of
 * `manifests.manifest.changed`, so everything here is idempotent:
 *
 * - an EPCIS event has a deterministic eventID and is captured once (a step whose eventID is in
 *   `manifest_links` of any revision of the number is not captured again; the trace deduplicates by
 *   the event's hash should a capture have committed without its link);
 * - a ledger flow has a deterministic source key and is written over, never added; each revision row
 *   writes its flows once (the link records it), and a correction writes the corrected figures under
 *   revision 0's keys, so the ledger holds the corrected figure once;
 * - alarms are raised and cleared by their source key (a repeated condition writes nothing);
 * - the exchange delivery is marked once (the link records it; the deal port is idempotent too).
 *
 * Only the newest revision of a number writes flows, alarms and the delivery: an old revision's
 * figures are superseded by its correction.
 *
 * The receipt's flow (generator's enterprise node → receiver's, the accepted part) is keyed like the
 * flows EPCIS source keys the shipping event's quantities (`event:<shipping eventID>:q:<i>`), and is
 * recorded by the receiver, so an EPCIS import of the period by the receiver writes over it rather
 * than adding the same shipment again (epcis.ts explains why the receiving event names no owning
 * parties). Such an import writes the declared figure; the next apply (the next step) writes the
 * accepted one back. Disposal flows (receiver → the boundary node of the method's fate) are keyed by
 * the processing event, which that source does not read. A utilization writes no outflow: the waste
 * is used up at the receiver, which the KPIs count as its in-house use.
 */
import type { Selectable } from 'kysely';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import type { AuthContext } from '../../core/roles.ts';
import { moduleDb, unscoped, type ModuleDb } from '../../core/tenancy.ts';
import { licenceCovers } from '../exchange/codes.ts';
import { tonnesPerUnitOf } from '../exchange/engine/transport.ts';
import type { ExchangeTables } from '../exchange/tables.ts';
import { BOUNDARY_NODES } from '../flows/model.ts';
import { epcisDocument, fateOfMethod, manifestEvents, quantityElements, stepEventID, type ManifestForEpcis, type SignatureForEpcis, type StepEvent } from './epcis.ts';
import type { LicenceUse } from './licences.ts';
import { overdueOf, toTonnes, type Discrepancy, type ManifestKind, type ManifestLeg, type ManifestLine, type ManifestSettings, type ManifestState, type SeenQuantity } from './model.ts';
import { enterpriseSystemContext, PARK_READER, type ManifestNeighbours } from './neighbours.ts';
import { DEFAULT_MANIFEST_SETTINGS } from './settings.ts';
import type { ManifestsTable, ManifestTables } from './tables.ts';
import { localDate } from '../../core/time-zone.ts';

type Tables = ManifestTables & Pick<ExchangeTables, 'waste_licences'>;
type Row = Selectable<ManifestsTable>;

const SOURCE = 'manifests';
const RECEIVED_STATES: readonly ManifestState[] = ['accepted', 'partially_rejected', 'rejected', 'processed', 'closed'];
const round = (x: number) => Number(x.toFixed(6));
const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export const discrepancyAlarmKey = (number: string) => `manifests:discrepancy:${number}`;
export const overdueAlarmKey = (number: string) => `manifests:overdue:${number}`;

interface MaterialFacts {
  code: string;
  unit: string;
  densityKgM3: number | null;
}

/** `quantity` of a line (t or kg) in the material's catalogue unit; null where it has no mass per unit. */
function inMaterialUnit(quantity: number, unit: 't' | 'kg', m: MaterialFacts): { quantity: number; unit: string } {
  const t = toTonnes(quantity, unit);
  if (m.unit === 't') return { quantity: round(t), unit: 't' };
  if (m.unit === 'kg') return { quantity: round(t * 1000), unit: 'kg' };
  const perUnit = tonnesPerUnitOf(m.unit, m.densityKgM3);
  // A material counted in a unit with no mass: the ledger gets tonnes and converts or refuses it.
  return perUnit ? { quantity: round(t / perUnit), unit: m.unit } : { quantity: round(t), unit: 't' };
}

interface FlowRow {
  /** The source key (the flows EPCIS source's form). */
  key: string;
  step: string;
  at: number;
  from: string;
  to: string;
  materialId: number;
  quantity: number;
  unit: string;
  note: string;
}

export class ManifestLinks {
  private readonly db: ModuleDb<Tables>;

  constructor(
    handle: DbHandle,
    private readonly neighbours: ManifestNeighbours,
  ) {
    this.db = moduleDb(tablesOf<Tables>(handle.db));
  }

  private all(why: string) {
    return unscoped(this.db, why);
  }

  /** Writes what the manifest's current state implies and is not yet written. Idempotent. */
  async apply(manifestId: number): Promise<void> {
    const row = await this.all('the platform links a manifest of any party').selectFrom('manifests').selectAll().where('id', '=', manifestId).executeTakeFirst();
    if (!row) return;
    const revisions = await this.all('the revisions of that manifest').selectFrom('manifests').selectAll().where('number', '=', row.number).orderBy('revision').execute();
    const ids = revisions.map((r) => r.id);
    const order = new Map(revisions.map((r, i) => [r.id, i]));
    const signatureRows = await this.all('the signatures of those revisions').selectFrom('manifest_signatures').selectAll().where('manifest_id', 'in', ids).execute();
    signatureRows.sort((a, b) => order.get(a.manifest_id)! - order.get(b.manifest_id)! || a.seq - b.seq);
    const signatures: SignatureForEpcis[] = signatureRows.map((s) => ({ action: s.action, enterpriseId: s.enterprise_id, at: Number(s.at), seen: parse<SeenQuantity[]>(s.seen) }));
    const links = await this.all('the links of those revisions').selectFrom('manifest_links').selectAll().where('manifest_id', 'in', ids).execute();
    const park = await this.neighbours.registry.getPark();
    const timeZone = park.timezone;
    const view = viewOf(row);
    const parties = [...new Set([view.generatorId, view.receiverId, ...view.legs.map((l) => l.transporterId)])];
    const glns = new Map((await this.neighbours.registry.directoryOf({ ids: parties })).map((e) => [e.id, e.gln ?? null]));
    const events = manifestEvents(view, signatures, glns, timeZone, row.revision > 0 ? viewOf(revisions[0]!) : undefined);

    const captured = new Set(links.filter((l) => l.kind === 'epcis').map((l) => l.ref));
    for (const e of events) {
      if (captured.has(e.eventID)) continue;
      await this.capture(e);
      await this.link(row.id, 'epcis', e.eventID, e.step, e.at);
    }

    const newest = revisions[revisions.length - 1]!.id === row.id;
    if (!newest) return;
    // Each link on its own, so that one module refusing (the ledger lacking a node) does not hold back the
    // alarms; the first failure is thrown at the end, and the processor's retry writes what is still missing.
    const failures: unknown[] = [];
    const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (err) {
        failures.push(err);
        return undefined;
      }
    };
    const flows = await attempt(() => this.writeFlows(row, view, links, signatures, timeZone));
    await attempt(() => this.discrepancyAlarm(row, signatures));
    if (row.overdue_since !== null && !['signed', 'in_transit'].includes(row.state)) await attempt(() => this.clearOverdue(row, Date.now(), false));
    // The delivery names the receipt's flow: it waits for the ledger.
    if (flows) await attempt(() => this.markDelivery(row, view, events, flows, links, signatures, timeZone));
    if (failures.length) throw failures[0];
  }

  /** Captures one step's event as its recorder (a system context of that enterprise: the event is its record). */
  private async capture(e: StepEvent): Promise<void> {
    const ctx = enterpriseSystemContext(e.recorderId);
    const started = await this.neighbours.trace.startCapture(ctx, epcisDocument([e.event], new Date().toISOString()), 'application/ld+json', 'rollback');
    await started.done;
    const job = await this.neighbours.trace.job(ctx, started.id);
    if (!job.success) throw new Error(`traceability refused the ${e.step} event ${e.eventID}: ${job.errors.map((x) => JSON.stringify(x)).slice(0, 3).join('; ')}`);
  }

  private async link(manifestId: number, kind: 'epcis' | 'flow' | 'alarm' | 'deal', ref: string, step: string, at: number): Promise<void> {
    await this.db.insertInto('manifest_links').values({ manifest_id: manifestId, kind, ref, step, at }).onConflict((oc) => oc.columns(['manifest_id', 'kind', 'ref']).doNothing()).execute();
  }

  // ---- the ledger ------------------------------------------------------------------------------

  /**
   * The receipt's and the disposals' flows, each written once per revision row; returns the flows
   * of the receipt by key with their ids (the exchange delivery names the first).
   */
  private async writeFlows(row: Row, view: ManifestForEpcis, links: readonly Selectable<ManifestTables['manifest_links']>[], signatures: readonly SignatureForEpcis[], timeZone: string): Promise<Map<string, number | null>> {
    const receiptIds = new Map<string, number | null>();
    const receipt = signatures.find((s) => ['accept', 'partially_reject', 'reject'].includes(s.action));
    if (!receipt || !RECEIVED_STATES.includes(view.state)) return receiptIds;
    const receiver = view.receiverId;
    const flowKeysEver = new Set(links.filter((l) => l.kind === 'flow').map((l) => l.step));
    const writtenHere = new Map(links.filter((l) => l.kind === 'flow' && l.manifest_id === row.id).map((l) => [l.step, Number(l.ref)]));
    const nodes = await this.nodes(receiver, [view.generatorId, receiver]);
    const enterpriseNode = (id: number) => nodes.enterprise.get(id);
    const rows: FlowRow[] = [];

    const shipping = stepEventID(view.number, 'picked_up');
    const accepted = (l: ManifestLine) => Math.max(0, (l.received ?? 0) - (l.rejected ?? 0));
    quantityElements(view.lines, accepted).forEach((q, i) => {
      const key = `event:${shipping}:q:${i}`;
      // A zero is written only over a flow an earlier revision wrote (a correction to nothing accepted).
      if (q.quantity <= 0 && !flowKeysEver.has(key)) return;
      const line = view.lines.find((l) => l.line === q.line)!;
      rows.push({ key, step: 'received', at: receipt.at, from: enterpriseNode(view.generatorId) ?? '', to: enterpriseNode(receiver) ?? '', materialId: line.materialId, quantity: q.quantity, unit: line.unit, note: `manifest ${view.number} rev ${view.revision}, line ${line.line}: accepted by the receiver` });
    });

    const processing = signatures.find((s) => s.action === 'process');
    if (processing && (view.state === 'processed' || view.state === 'closed')) {
      for (const line of view.lines) {
        if (line.method === null || line.processed === null) continue;
        const fate = fateOfMethod(line.method);
        if (fate === 'utilization') continue;
        const step = `processed:${line.line}` as const;
        const eventID = stepEventID(view.number, step);
        quantityElements([line], () => line.processed ?? 0).forEach((q, j) => {
          const key = `event:${eventID}:q:${j}`;
          if (q.quantity <= 0 && !flowKeysEver.has(key)) return;
          rows.push({ key, step, at: processing.at, from: enterpriseNode(receiver) ?? '', to: nodes.boundary.get(fate) ?? '', materialId: line.materialId, quantity: q.quantity, unit: line.unit, note: `manifest ${view.number} rev ${view.revision}, line ${line.line}: ${line.method}` });
        });
      }
    }

    const due = rows.filter((r) => !writtenHere.has(r.key));
    for (const r of rows) if (writtenHere.has(r.key) && r.step === 'received') receiptIds.set(r.key, writtenHere.get(r.key)!);
    if (!due.length) return receiptIds;
    const missing = due.find((r) => !r.from || !r.to);
    if (missing) throw new Error(`manifest ${view.number}: the flow ledger has no node for ${!missing.from ? 'the sender' : 'the destination'} of ${missing.step}`);
    const materials = await this.materials(due.map((r) => r.materialId));
    const ctx = enterpriseSystemContext(receiver);
    const input = due.map((r) => {
      const m = materials.get(r.materialId)!;
      const q = inMaterialUnit(r.quantity, r.unit as 't' | 'kg', m);
      return { period: localDate(r.at, timeZone).slice(0, 7), from: r.from, to: r.to, material: m.code, quantity: q.quantity, unit: q.unit, sd: null, basis: 'measured' as const, sourceKey: r.key, note: r.note };
    });
    const written = await this.neighbours.ledger.writeFlows(ctx, { source: 'epcis', rows: input });
    if (written.rejected.length) throw new Error(`manifest ${view.number}: the ledger refused its flows: ${written.rejected.map((x) => x.reason).join('; ')}`);
    for (const [i, r] of due.entries()) {
      const flowId = await this.flowIdOf(ctx, input[i]!.period, input[i]!.material, r.key);
      if (flowId !== null) await this.link(row.id, 'flow', String(flowId), r.key, r.at);
      if (r.step === 'received') receiptIds.set(r.key, flowId);
    }
    return receiptIds;
  }

  private async flowIdOf(ctx: AuthContext, period: string, material: string, key: string): Promise<number | null> {
    const flows = await this.neighbours.ledger.listFlows(ctx, { period, source: 'epcis', material, limit: 5000, offset: 0 });
    return flows.items.find((f) => f.sourceKey === key)?.id ?? null;
  }

  /** Enterprise nodes by enterprise, and the park's disposal boundary nodes by fate, as the receiver names them. */
  private async nodes(receiverId: number, enterpriseIds: readonly number[]): Promise<{ enterprise: Map<number, string>; boundary: Map<string, string> }> {
    const ctx = enterpriseSystemContext(receiverId);
    const read = async () => {
      const [enterprises, boundaries] = await Promise.all([this.neighbours.ledger.listNodes(ctx, { kind: 'enterprise' }), this.neighbours.ledger.listNodes(ctx, { kind: 'boundary' })]);
      const enterprise = new Map(enterprises.items.filter((n) => n.enterpriseId !== null).map((n) => [n.enterpriseId!, n.code]));
      const boundary = new Map<string, string>();
      for (const fate of ['landfill', 'incineration', 'treatment'] as const) {
        const code = BOUNDARY_NODES.find((b) => b.boundaryKind === fate)?.code;
        if (code && boundaries.items.some((n) => n.code === code)) boundary.set(fate, code);
      }
      return { enterprise, boundary };
    };
    const first = await read();
    if (first.boundary.size === 3 && enterpriseIds.every((id) => first.enterprise.has(id))) return first;
    // A park started before the treatment boundary existed, or an enterprise added since the ledger last looked at the registry.
    await this.neighbours.ledger.syncNodes();
    return read();
  }

  private async materials(ids: readonly number[]): Promise<Map<number, MaterialFacts>> {
    const out = new Map<number, MaterialFacts>();
    for (const id of new Set(ids)) {
      const m = await this.neighbours.registry.materials.get(PARK_READER, id);
      out.set(id, { code: String(m.code), unit: String(m.unit), densityKgM3: (m.densityKgM3 as number | null | undefined) ?? null });
    }
    return out;
  }

  // ---- alarms ----------------------------------------------------------------------------------

  /** Open discrepancy: its alarm raised at the receipt; resolved: cleared at the resolution. */
  private async discrepancyAlarm(row: Row, signatures: readonly SignatureForEpcis[]): Promise<void> {
    const d = parse<Discrepancy>(row.discrepancy);
    if (!d || row.discrepancy_state === null) return;
    const key = discrepancyAlarmKey(row.number);
    const base = { enterpriseId: row.enterprise_id, source: SOURCE, sourceKey: key, category: 'compliance' as const, severity: 'medium' as const, level: 'discrepancy' };
    if (row.discrepancy_state === 'open') {
      const receipt = signatures.find((s) => ['accept', 'partially_reject', 'reject'].includes(s.action));
      const worst = d.lines.map((l) => `line ${l.line}: ${l.received} against ${l.declared} declared${l.pct === null ? '' : ` (${l.pct > 0 ? '+' : ''}${round(l.pct)} %)`}${l.reasons.includes('containers') ? `, ${l.receivedContainers ?? '?'} packages against ${l.declaredContainers}` : ''}`).join('; ');
      await this.neighbours.alarms.raise({ ...base, active: true, at: receipt?.at ?? Date.now(), message: `Manifest ${row.number}: the receiver weighed other quantities than declared, over the park's tolerance of ${d.tolerancePct} % (${worst})` });
      await this.link(row.id, 'alarm', key, 'discrepancy', receipt?.at ?? Date.now());
    } else {
      await this.neighbours.alarms.clear({ ...base, at: d.resolution?.at ?? Date.now(), message: `Manifest ${row.number}: discrepancy resolved${d.resolution ? ` by ${d.resolution.by}: ${d.resolution.note}` : ''}` });
    }
  }

  /**
   * Clears the overdue alarm; `reset` (the sweep) also forgets the row's overdue_since, so the sweep
   * stops looking at it. A step's links only clear the alarm: the sweep resets the row after its own
   * clear, so an alarm whose clear the lifecycle refused as older than its last raise is cleared by the
   * sweep's. A closed row cannot change (its trigger): its alarm is cleared all the same.
   */
  private async clearOverdue(row: Row, now: number, reset: boolean): Promise<boolean> {
    const r = await this.neighbours.alarms.clear({ enterpriseId: row.enterprise_id, source: SOURCE, sourceKey: overdueAlarmKey(row.number), category: 'compliance', severity: 'medium', level: 'overdue', at: now, message: `Manifest ${row.number} is no longer overdue (${row.state})` });
    if (reset && row.state !== 'closed') await this.db.updateTable('manifests').set({ overdue_since: null }).where('id', '=', row.id).where('state', '!=', 'closed').execute();
    return r.transitions > 0;
  }

  /**
   * The periodic sweep: open manifests overdue at `now` raise (or keep) their alarm; manifests with
   * an overdue alarm that are no longer open clear it.
   */
  async sweep(now = Date.now()): Promise<{ raised: number; cleared: number }> {
    const settings = await this.settings();
    let raised = 0;
    let cleared = 0;
    const open = await this.all('the sweep looks at every open manifest').selectFrom('manifests').selectAll().where('state', 'in', ['signed', 'in_transit']).execute();
    for (const row of open) {
      const pickedUpAt = row.picked_up_at === null ? null : Number(row.picked_up_at);
      const o = overdueOf({ state: row.state as ManifestState, plannedDate: row.planned_date, pickedUpAt }, settings, now);
      if (!o) {
        if (row.overdue_since !== null && (await this.clearOverdue(row, now, true))) cleared++;
        continue;
      }
      const message =
        o.reason === 'not_picked_up'
          ? `Manifest ${row.number}: signed for pick-up on ${row.planned_date} and not picked up within ${settings.pickupAllowanceDays} days`
          : `Manifest ${row.number}: in transit since ${new Date(pickedUpAt ?? o.since).toISOString()} and not delivered within ${settings.transitAllowanceHours} hours`;
      const r = await this.neighbours.alarms.raise({
        enterpriseId: row.enterprise_id, source: SOURCE, sourceKey: overdueAlarmKey(row.number), category: 'compliance',
        severity: o.reason === 'not_delivered' ? 'high' : 'medium', level: o.reason, active: true, at: now, message,
      });
      if (r.transitions > 0) raised++;
      if (row.overdue_since === null) await this.db.updateTable('manifests').set({ overdue_since: now }).where('id', '=', row.id).where('state', 'in', ['signed', 'in_transit']).execute();
      await this.link(row.id, 'alarm', overdueAlarmKey(row.number), 'overdue', now);
    }
    const done = await this.all('the sweep clears what is no longer open').selectFrom('manifests').selectAll().where('overdue_since', 'is not', null).where('state', 'not in', ['signed', 'in_transit', 'closed']).execute();
    for (const row of done) if (await this.clearOverdue(row, now, true)) cleared++;
    return { raised, cleared };
  }

  private async settings(): Promise<ManifestSettings> {
    const row = await this.all('the park’s one settings record').selectFrom('manifest_settings').select('settings').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row ? { ...DEFAULT_MANIFEST_SETTINGS, ...(JSON.parse(row.settings) as Partial<ManifestSettings>) } : DEFAULT_MANIFEST_SETTINGS;
  }

  // ---- the exchange ----------------------------------------------------------------------------

  /** The delivery a manifest carries is delivered at its acceptance (once; a total rejection delivers nothing). */
  private async markDelivery(row: Row, view: ManifestForEpcis, events: readonly StepEvent[], flows: Map<string, number | null>, links: readonly Selectable<ManifestTables['manifest_links']>[], signatures: readonly SignatureForEpcis[], timeZone: string): Promise<void> {
    const deals = this.neighbours.deals;
    if (!deals || row.delivery_id === null || row.revision !== 0) return;
    if (row.state === 'rejected' || !RECEIVED_STATES.includes(view.state)) return;
    const ref = `delivery:${row.delivery_id}`;
    if (links.some((l) => l.kind === 'deal' && l.ref === ref)) return;
    const receipt = signatures.find((s) => ['accept', 'partially_reject'].includes(s.action));
    if (!receipt) return;
    const materials = await this.materials(view.lines.map((l) => l.materialId));
    const quantity = round(view.lines.reduce((s, l) => s + inMaterialUnit(Math.max(0, (l.received ?? 0) - (l.rejected ?? 0)), l.unit, materials.get(l.materialId)!).quantity, 0));
    const received = events.find((e) => e.step === 'received');
    await deals.deliveredByManifest(row.delivery_id, {
      quantity,
      day: localDate(receipt.at, timeZone),
      lot: view.lines[0]?.batches[0] ?? null,
      flowId: [...flows.values()].find((id) => id !== null) ?? null,
      epcisEventId: received?.eventID ?? null,
    });
    await this.link(row.id, 'deal', ref, 'received', receipt.at);
  }

  // ---- licence use -----------------------------------------------------------------------------

  /**
   * Per receiver licence, what it carries in `year`: t accepted (received in the year, newest
   * revisions, not returns, lines whose code it covers) and t in flight (declared on signed, in
   * transit or delivered manifests of its holder), `exceptManifestId` left out. A line counts against
   * one licence of its receiver: the first (by id) that covers its code and is valid on the day
   * (receipt or planned pick-up), at the receiver's facility where both name one.
   */
  async licenceUse(year: number, exceptManifestId?: number, receiverIds?: readonly number[]): Promise<LicenceUse[]> {
    // A check before a signature needs one receiver's licences: reading only its manifests keeps the check from growing with the park's year.
    let query = this.all('licences are the park’s register').selectFrom('waste_licences').selectAll().where('kind', '=', 'receiver');
    if (receiverIds) query = query.where('enterprise_id', 'in', [...receiverIds, -1]);
    const licences = await query.orderBy('id').execute();
    const use = new Map<number, LicenceUse>(licences.map((l) => [l.id, { licenceId: l.id, acceptedT: 0, inFlightT: 0 }]));
    if (!licences.length) return [];
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const rows = await this.all('licence use is the park-wide sum')
      .selectFrom('manifests')
      .select(['id', 'receiver_id', 'receiver_site_id', 'lines', 'state', 'received_at', 'planned_date'])
      .where('kind', '!=', 'return')
      .where('receiver_id', 'in', [...new Set(licences.map((l) => l.enterprise_id))])
      .where((eb) => eb.or([eb.and([eb('received_at', '>=', from), eb('received_at', '<', to)]), eb('state', 'in', ['signed', 'in_transit', 'delivered'])]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('manifests as newer').select('newer.id').whereRef('newer.number', '=', 'manifests.number').whereRef('newer.revision', '>', 'manifests.revision'))))
      .execute();
    const timeZone = (await this.neighbours.registry.getPark()).timezone;
    for (const r of rows) {
      if (exceptManifestId !== undefined && r.id === exceptManifestId) continue;
      const inFlight = r.received_at === null;
      const day = inFlight ? r.planned_date : localDate(Number(r.received_at), timeZone);
      const own = licences.filter((l) => l.enterprise_id === r.receiver_id && (l.site_id === null || r.receiver_site_id === null || l.site_id === r.receiver_site_id));
      for (const line of JSON.parse(r.lines) as ManifestLine[]) {
        const covering = own.filter((l) => licenceCovers(parse<string[]>(l.codes) ?? [], line.hwCode));
        const licence = covering.find((l) => l.valid_from <= day && l.valid_to >= day) ?? covering[0];
        if (!licence) continue;
        const u = use.get(licence.id)!;
        if (inFlight) u.inFlightT = round(u.inFlightT + toTonnes(line.quantity, line.unit));
        else u.acceptedT = round(u.acceptedT + toTonnes(Math.max(0, (line.received ?? 0) - (line.rejected ?? 0)), line.unit));
      }
    }
    return [...use.values()];
  }
}

function viewOf(row: Row): ManifestForEpcis {
  return {
    number: row.number,
    revision: row.revision,
    kind: row.kind as ManifestKind,
    state: row.state as ManifestState,
    generatorId: row.enterprise_id,
    receiverId: row.receiver_id,
    handoffsDone: row.handoffs_done,
    lines: JSON.parse(row.lines) as ManifestLine[],
    legs: JSON.parse(row.legs) as ManifestLeg[],
  };
}
