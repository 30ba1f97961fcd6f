/**
 * Deals between two enterprises (issue 13): proposing one on two listings, answering it, its
 * history, the deliveries an accepted deal schedules, recording them into the flow ledger and
 * traceability, and the diverted tonnes and avoided CO2 they add up to.
 *
 * Whether an action may happen is model.ts's decision; this service loads the facts, writes what was
 * decided with its history row, its audit record and its domain event in one transaction, and wakes
 * the outbox after the commit. A deal has two parties (`enterprise_id` the supplier, `receiver_id`
 * the receiver): both see it, and so do park roles; anyone else is told it does not exist (404).
 */
import type { Selectable, Transaction } from 'kysely';
import { tablesOf, type DbHandle } from '../../../adapters/db/index.ts';
import { recordEvent, type OutboxDispatcher } from '../../../adapters/db/outbox.ts';
import type { AuditStore } from '../../../core/audit/store.ts';
import { conflict, forbidden, notFound, Problem, validation } from '../../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../../core/roles.ts';
import { moduleDb, unscoped, type ModuleDb } from '../../../core/tenancy.ts';
import type { FlowLedgerService } from '../../flows/ledger-service.ts';
import type { IdentityService } from '../../identity/service.ts';
import type { RegistryTables } from '../../registry/tables.ts';
import type { RegistryService } from '../../registry/service.ts';
import type { TraceService } from '../../trace/service.ts';
import type { CandidateExplanation, DisposalRoute, ExchangeSettings } from '../model.ts';
import { DEFAULT_EXCHANGE_SETTINGS } from '../settings.ts';
import type { ExchangeDealsTable, ExchangeDeliveriesTable, ExchangeListingsTable, ExchangeTables } from '../tables.ts';
import { seesOnMarket, seesWho } from '../visibility.ts';
import { availableActions, nextDeal, proposeDeal, scheduleDeliveries, type DealAction, type DealFacts, type DealImpact, type DealState, type DealTerms, type DeliveryState, type PartyAction } from './model.ts';
import { dealPolicy } from './policy.ts';
import type { Deal, DealActionBody, DealDetail, DealEvent, DealListQuery, DealPage, Delivery, Impact, ImpactQuery, PartyRef, ProposeDeal, RecordDelivery } from './schemas.ts';
import { acceptedNames, licenceCovers } from '../codes.ts';
import { tonnesPerUnitOf } from '../engine/transport.ts';
import { localDate } from '../../../core/time-zone.ts';
import { seededUuid } from '../../../core/seeded-uuid.ts';

type Tables = ExchangeTables & Pick<RegistryTables, 'materials'>;
type DealRow = Selectable<ExchangeDealsTable>;
type ListingRow = Selectable<ExchangeListingsTable>;
type DeliveryRow = Selectable<ExchangeDeliveriesTable>;

/** The composition root's modules a deal reaches through their services. */
export interface DealNeighbours {
  registry: Pick<RegistryService, 'directoryOf' | 'getPark'>;
  ledger: Pick<FlowLedgerService, 'writeFlows' | 'listNodes' | 'listFlows' | 'syncNodes'>;
  trace: Pick<TraceService, 'startCapture' | 'job'>;
  identity: Pick<IdentityService, 'mint'>;
}

/** UN/ECE Recommendation 20 codes for the units EPCIS quantities name (the flows EPCIS source reads them back). */
const UOM: Readonly<Record<string, string>> = { kg: 'KGM', t: 'TNE', g: 'GRM', L: 'LTR', m3: 'MTQ', kWh: 'KWH', MWh: 'MWH', GJ: 'GV' };

interface Material {
  id: number;
  code: string;
  name: string;
  unit: string;
  hazardous: boolean;
  hwCode: string | null;
  swCode: string | null;
  densityKgM3: number | null;
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
const round = (x: number, digits = 6) => Number(x.toFixed(digits));


/**
 * What a deal asks of hazardous-waste manifests (issue 14; the manifests module answers, wired by
 * src/app.ts): a delivery of a hazardous material travels with a manifest (危险废物转移联单), which
 * the supplier opens as a draft, and the receiver's acceptance of it records the delivery
 * (`deliveredByManifest`). The licence capacity manifests use counts in the plan.
 */
export interface DealManifests {
  /** Opens the draft manifest of a delivery (the supplier, generator of record, completes and signs it). */
  openForDelivery(
    ctx: AuthContext,
    input: { dealId: number; deliveryId: number; supplierId: number; receiverId: number; materialId: number; quantity: number; due: string },
  ): Promise<{ id: number; number: string }>;
  /** t of `year`'s manifests per receiver and waste code: accepted, and declared on those signed but not yet received (capacity they hold). */
  licenceUse(year: number): Promise<{ receiverId: number; hwCode: string; t: number }[]>;
}

/** What the receipt of a delivery's manifest wrote: the delivery is marked with it. */
export interface ManifestDelivery {
  /** Accepted, in the deal material's unit. */
  quantity: number;
  /** YYYY-MM-DD, the receipt's day in the park's time zone. */
  day: string;
  lot: string | null;
  flowId: number | null;
  epcisEventId: string | null;
}

/** A material that needs a manifest to move: hazardous, or named by a hazardous-waste code. */
const needsManifest = (m: Pick<Material, 'hazardous' | 'hwCode'>) => m.hazardous || m.hwCode !== null;

export class DealService {
  private readonly db: ModuleDb<Tables>;
  private manifests: DealManifests | null = null;

  constructor(
    handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly neighbours: DealNeighbours,
    private readonly events?: OutboxDispatcher,
  ) {
    this.db = moduleDb(tablesOf<Tables>(handle.db));
  }

  /** Connects the manifests module (the composition root calls it once both exist). */
  provideManifests(port: DealManifests): void {
    this.manifests = port;
  }

  // ---- reads ----------------------------------------------------------------------------------

  /** Deals `ctx` sees: both parties' (a deal has two owners, so the one-column tenant filter would hide it from its receiver), every deal for park roles. */
  private deals(ctx: AuthContext) {
    const q = unscoped(this.db, 'a deal is filtered on both its parties just below').selectFrom('exchange_deals');
    if (isParkRole(ctx.role)) return q;
    const me = ctx.enterpriseId ?? -1;
    return q.where((eb) => eb.or([eb('enterprise_id', '=', me), eb('receiver_id', '=', me)]));
  }

  private async visibleDeal(ctx: AuthContext, id: number): Promise<DealRow> {
    dealPolicy.assert(ctx, 'read');
    const row = await this.deals(ctx).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Deal ${id}`);
    return row;
  }

  async list(ctx: AuthContext, q: DealListQuery): Promise<DealPage> {
    dealPolicy.assert(ctx, 'read');
    let base = this.deals(ctx);
    if (q.state) base = base.where('state', '=', q.state);
    const me = ctx.enterpriseId ?? -1;
    if (q.role === 'supplier') base = base.where('enterprise_id', '=', me);
    if (q.role === 'receiver') base = base.where('receiver_id', '=', me);
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    ]);
    return { items: await this.views(ctx, rows), total: Number(n), limit: q.limit, offset: q.offset };
  }

  async get(ctx: AuthContext, id: number): Promise<DealDetail> {
    const row = await this.visibleDeal(ctx, id);
    const [view] = await this.views(ctx, [row]);
    const [events, deliveries] = await Promise.all([
      this.db.selectFrom('exchange_deal_events').selectAll().where('deal_id', '=', id).orderBy('version').execute(),
      this.deliveriesOf(id),
    ]);
    const hidden = view.supplier === null;
    const history = events.map((e): DealEvent => {
      const undisclosed = hidden && e.actor_enterprise_id === row.enterprise_id;
      return {
        version: e.version,
        action: e.action as DealAction,
        actorEnterpriseId: undisclosed ? null : e.actor_enterprise_id,
        actor: undisclosed ? null : e.actor,
        terms: parse<DealTerms>(e.terms),
        note: e.note,
        at: e.at,
      };
    });
    return { ...view, history, deliveries: deliveries.map(deliveryOf) };
  }

  private deliveriesOf(dealId: number) {
    return unscoped(this.db, "a deal's deliveries are seen by whoever sees the deal").selectFrom('exchange_deliveries').selectAll().where('deal_id', '=', dealId).orderBy('due').execute();
  }

  private async views(ctx: AuthContext, rows: readonly DealRow[]): Promise<Deal[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const listingIds = [...new Set(rows.flatMap((r) => [r.offer_id, r.demand_id]))];
    const [listings, materials, directory, proposers, counts] = await Promise.all([
      unscoped(this.db, 'the titles of the two listings a visible deal is about').selectFrom('exchange_listings').select(['id', 'title', 'anonymous']).where('id', 'in', listingIds).execute(),
      this.materials([...new Set(rows.map((r) => r.material_id))]),
      this.neighbours.registry.directoryOf({ ids: [...new Set(rows.flatMap((r) => [r.enterprise_id, r.receiver_id]))] }),
      this.db.selectFrom('exchange_deal_events').select(['deal_id', 'actor_enterprise_id']).where('deal_id', 'in', ids).where('version', '=', 1).execute(),
      unscoped(this.db, 'delivery counts of visible deals')
        .selectFrom('exchange_deliveries')
        .select(['deal_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
        .where('deal_id', 'in', ids)
        .groupBy(['deal_id', 'state'])
        .execute(),
    ]);
    const listingBy = new Map(listings.map((l) => [l.id, l]));
    const partyBy = new Map(directory.map((e) => [e.id, { id: e.id, code: e.code, name: e.name, nameEn: e.nameEn ?? null } satisfies PartyRef]));
    const proposerBy = new Map(proposers.map((p) => [p.deal_id, p.actor_enterprise_id]));
    const countOf = (dealId: number, state: DeliveryState) => Number(counts.find((c) => c.deal_id === dealId && c.state === state)?.n ?? 0);
    return rows.map((r) => {
      const offer = listingBy.get(r.offer_id);
      const demand = listingBy.get(r.demand_id);
      const material = materials.get(r.material_id);
      const anonymous = offer?.anonymous === 1;
      const settled = r.state !== 'proposed' && r.state !== 'declined' && r.state !== 'withdrawn';
      const showSupplier = settled || seesWho(ctx, { enterpriseId: r.enterprise_id, anonymous });
      const facts = this.factsOf(r, proposerBy.get(r.id) ?? r.enterprise_id, countOf(r.id, 'scheduled'));
      const role = r.enterprise_id === ctx.enterpriseId ? 'supplier' : r.receiver_id === ctx.enterpriseId ? 'receiver' : 'park';
      return {
        id: r.id,
        state: r.state as DealState,
        version: r.version,
        turn: r.turn_id === null ? null : r.turn_id === r.enterprise_id ? 'supplier' : 'receiver',
        role,
        supplier: showSupplier ? (partyBy.get(r.enterprise_id) ?? null) : null,
        receiver: partyBy.get(r.receiver_id) ?? { id: r.receiver_id, code: '', name: '', nameEn: null },
        anonymous,
        offer: { id: r.offer_id, title: offer?.title ?? '' },
        demand: { id: r.demand_id, title: demand?.title ?? '' },
        material: material
          ? { id: material.id, code: material.code, name: material.name, unit: material.unit, hazardous: material.hazardous, hwCode: material.hwCode }
          : { id: r.material_id, code: '', name: '', unit: '', hazardous: false, hwCode: null },
        terms: parse<DealTerms>(r.terms)!,
        planExplanation: parse<CandidateExplanation>(r.plan_explanation),
        actions: role === 'park' || !dealPolicy.can(ctx, 'act', ctx.enterpriseId) ? [] : availableActions(facts, { enterpriseId: ctx.enterpriseId }),
        deliveriesScheduled: countOf(r.id, 'scheduled') + countOf(r.id, 'delivered'),
        deliveriesDelivered: countOf(r.id, 'delivered'),
        createdBy: r.created_by,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    });
  }

  private factsOf(r: DealRow, proposerId: number, openDeliveries: number): DealFacts {
    return {
      state: r.state as DealState,
      version: r.version,
      supplierId: r.enterprise_id,
      receiverId: r.receiver_id,
      proposerId,
      turnId: r.turn_id,
      terms: parse<DealTerms>(r.terms)!,
      openDeliveries,
    };
  }

  /** Inside a transaction pass it as `trx`: SQLite has one connection, which the transaction holds. */
  private async materials(ids: readonly number[], trx?: Transaction<Tables>): Promise<Map<number, Material>> {
    if (!ids.length) return new Map();
    const rows = await (trx ?? unscoped(this.db, 'the material a visible deal or listing names'))
      .selectFrom('materials')
      .select(['id', 'code', 'name', 'unit', 'hazardous', 'hw_code', 'sw_code', 'density_kg_m3'])
      .where('id', 'in', ids)
      .execute();
    return new Map(
      rows.map((m) => [m.id, { id: m.id, code: m.code, name: m.name, unit: m.unit, hazardous: Boolean(m.hazardous), hwCode: m.hw_code, swCode: m.sw_code, densityKgM3: m.density_kg_m3 }]),
    );
  }

  // ---- proposing ------------------------------------------------------------------------------

  async propose(ctx: AuthContext, body: ProposeDeal): Promise<DealDetail> {
    dealPolicy.assert(ctx, 'propose', ctx.enterpriseId);
    const me = ctx.enterpriseId!;
    const listings = await unscoped(this.db, 'the two listings are checked against what the caller may see just below')
      .selectFrom('exchange_listings')
      .selectAll()
      .where('id', 'in', [body.offerId, body.demandId])
      .execute();
    const offer = listings.find((l) => l.id === body.offerId);
    const demand = listings.find((l) => l.id === body.demandId);
    const sees = (l: ListingRow | undefined): l is ListingRow =>
      l !== undefined && (l.enterprise_id === me || seesOnMarket(ctx, { enterpriseId: l.enterprise_id, state: l.state, audience: l.audience, partnerIds: parse<number[]>(l.partner_ids), anonymous: l.anonymous === 1 }));
    if (!sees(offer)) throw notFound(`Listing ${body.offerId}`);
    if (!sees(demand)) throw notFound(`Listing ${body.demandId}`);
    const errors = [];
    if (offer.side !== 'offer') errors.push({ path: '/body/offerId', message: `listing ${offer.id} is a demand, not an offer` });
    if (demand.side !== 'demand') errors.push({ path: '/body/demandId', message: `listing ${demand.id} is an offer, not a demand` });
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    if (offer.enterprise_id !== me && demand.enterprise_id !== me) throw forbidden('A deal is proposed on one of your own listings, to the enterprise of the other');
    if (offer.enterprise_id === demand.enterprise_id) throw conflict('The offer and the demand are of the same enterprise: a deal is between two enterprises');
    for (const l of [offer, demand]) if (l.state !== 'published') throw conflict(`Listing ${l.id} is ${l.state}: deals are made on published listings`);
    const materials = await this.materials([offer.material_id, demand.material_id]);
    const why = await this.incompatibility(offer, demand, materials);
    if (why) throw conflict(why);

    const decision = proposeDeal({ supplierId: offer.enterprise_id, receiverId: demand.enterprise_id, proposerId: me, terms: body.terms });
    if (!decision.ok) throw refusal(decision);
    const now = Date.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const deal = decision.deal;
      const { id } = await trx
        .insertInto('exchange_deals')
        .values({
          enterprise_id: deal.supplierId, receiver_id: deal.receiverId, offer_id: offer.id, demand_id: demand.id, material_id: offer.material_id,
          state: deal.state, terms: JSON.stringify(deal.terms), turn_id: deal.turnId, version: deal.version,
          plan_explanation: body.explanation ? JSON.stringify(body.explanation) : null, created_by: ctx.username, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('exchange_deal_events').values({ deal_id: id, version: 1, action: 'propose', actor_enterprise_id: me, actor: ctx.username, terms: JSON.stringify(deal.terms), note: body.note ?? null, at: now }).execute();
      await this.audit.append(trx, ctx, { action: 'propose', entity: 'exchange_deal', entityId: id, enterpriseId: me, before: null, after: { offerId: offer.id, demandId: demand.id, terms: deal.terms } }, now);
      await recordEvent(trx, 'exchange.deal.changed', { dealId: id, action: 'propose', state: deal.state, version: 1, enterpriseIds: [deal.supplierId, deal.receiverId] });
      return id;
    });
    this.events?.wake();
    return this.get(ctx, id);
  }

  /**
   * Why the offered material cannot serve the demand, or null: the same material, a code the demand
   * accepts (the material's code, its waste code or its class), or a park substitution. Quality
   * ranges are the plan's business (engine/compatibility.ts); a deal may be agreed on terms the two
   * plants settle between themselves.
   */
  private async incompatibility(offer: ListingRow, demand: ListingRow, materials: Map<number, Material>): Promise<string | null> {
    if (offer.material_id === demand.material_id) return null;
    const m = materials.get(offer.material_id);
    const accepts = (parse<string[]>(demand.accepts) ?? []).map((c) => c.trim().toUpperCase());
    if (m && acceptedNames(m).some((n) => accepts.includes(n.toUpperCase()))) return null;
    const sub = await this.db.selectFrom('exchange_substitutions').select('id').where('offered_material_id', '=', offer.material_id).where('replaces_material_id', '=', demand.material_id).executeTakeFirst();
    if (sub) return null;
    const wanted = materials.get(demand.material_id);
    return `${m?.code ?? offer.material_id} is neither the material the demand needs (${wanted?.code ?? demand.material_id}), nor a code it accepts, nor a substitution the park defines`;
  }

  // ---- answering ------------------------------------------------------------------------------

  async act(ctx: AuthContext, id: number, body: DealActionBody): Promise<DealDetail> {
    await this.visibleDeal(ctx, id);
    dealPolicy.assert(ctx, 'act', ctx.enterpriseId);
    const now = Date.now();
    let hazardousAccepted = false;
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('exchange_deals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const proposer = await trx.selectFrom('exchange_deal_events').select('actor_enterprise_id').where('deal_id', '=', id).where('version', '=', 1).executeTakeFirst();
      const open = await trx.selectFrom('exchange_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('deal_id', '=', id).where('state', '=', 'scheduled').executeTakeFirstOrThrow();
      const facts = this.factsOf(row, proposer?.actor_enterprise_id ?? row.enterprise_id, Number(open.n));
      const decision = nextDeal(facts, { action: body.action as PartyAction, version: body.version, terms: body.terms }, { enterpriseId: ctx.enterpriseId });
      if (!decision.ok) throw refusal(decision);
      let terms = decision.deal.terms;
      if (decision.action === 'accept') {
        const material = (await this.materials([row.material_id], trx)).get(row.material_id)!;
        if (needsManifest(material)) await this.assertLicensed(trx, row, material, terms, now);
        hazardousAccepted = needsManifest(material);
        terms = { ...terms, impact: await this.impactAtAccept(trx, row, material) };
      }
      // The version in the WHERE makes a concurrent answer to the same version lose here, not overwrite.
      const updated = await trx
        .updateTable('exchange_deals')
        .set({ state: decision.deal.state, version: decision.deal.version, turn_id: decision.deal.turnId, terms: JSON.stringify(terms), updated_at: now })
        .where('id', '=', id)
        .where('version', '=', facts.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw conflict(`Deal ${id} changed meanwhile; reload it and decide again`);
      await trx
        .insertInto('exchange_deal_events')
        .values({ deal_id: id, version: decision.deal.version, action: decision.action, actor_enterprise_id: ctx.enterpriseId, actor: ctx.username, terms: decision.terms ? JSON.stringify(decision.action === 'accept' ? terms : decision.terms) : null, note: body.note ?? null, at: now })
        .execute();
      if (decision.action === 'accept') {
        const schedule = scheduleDeliveries(terms);
        for (const d of schedule) {
          await trx.insertInto('exchange_deliveries').values({ deal_id: id, enterprise_id: row.enterprise_id, receiver_id: row.receiver_id, due: d.due, planned_quantity: d.quantity, state: 'scheduled', delivered_at: null, quantity: null, lot: null, flow_id: null, epcis_event_id: null, recorded_by: null, created_at: now, updated_at: now }).execute();
        }
      }
      if (decision.action === 'terminate') {
        await trx.updateTable('exchange_deliveries').set({ state: 'cancelled', updated_at: now }).where('deal_id', '=', id).where('state', '=', 'scheduled').execute();
      }
      await this.audit.append(trx, ctx, { action: decision.action, entity: 'exchange_deal', entityId: id, enterpriseId: ctx.enterpriseId, before: { state: row.state, version: row.version, terms: parse<DealTerms>(row.terms) }, after: { state: decision.deal.state, version: decision.deal.version, terms } }, now);
      await recordEvent(trx, 'exchange.deal.changed', { dealId: id, action: decision.action, state: decision.deal.state, version: decision.deal.version, enterpriseIds: [row.enterprise_id, row.receiver_id] });
    });
    this.events?.wake();
    if (hazardousAccepted) await this.openFirstManifest(ctx, id);
    return this.get(ctx, id);
  }

  /**
   * After a hazardous deal is accepted: the draft manifest of its first scheduled delivery. The deal
   * stands whatever happens here (it is committed); a manifest that could not be opened now (the
   * manifests module refused it) is opened by the supplier through the delivery's manifest route.
   */
  private async openFirstManifest(ctx: AuthContext, dealId: number): Promise<void> {
    if (!this.manifests) return;
    const first = await unscoped(this.db, 'the deal was just accepted by the caller').selectFrom('exchange_deliveries').select('id').where('deal_id', '=', dealId).where('state', '=', 'scheduled').orderBy('due').orderBy('id').executeTakeFirst();
    if (!first) return;
    try {
      await this.openManifestOf(ctx, dealId, first.id);
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
    }
  }

  /** The supplier opens the manifest of a scheduled delivery of a hazardous deal. */
  async openManifest(ctx: AuthContext, dealId: number, deliveryId: number): Promise<{ manifestId: number; number: string }> {
    const deal = await this.visibleDeal(ctx, dealId);
    if (ctx.enterpriseId !== deal.enterprise_id) throw forbidden("Only the supplier opens a delivery's manifest");
    dealPolicy.assert(ctx, 'record', deal.enterprise_id);
    return this.openManifestOf(ctx, dealId, deliveryId);
  }

  private async openManifestOf(ctx: AuthContext, dealId: number, deliveryId: number): Promise<{ manifestId: number; number: string }> {
    const port = this.manifests;
    if (!port) throw conflict('Hazardous-waste manifests are not available on this platform');
    const deal = await unscoped(this.db, 'the caller sees the deal (checked by the callers)').selectFrom('exchange_deals').selectAll().where('id', '=', dealId).executeTakeFirstOrThrow();
    const delivery = await unscoped(this.db, 'a delivery of that deal').selectFrom('exchange_deliveries').selectAll().where('id', '=', deliveryId).where('deal_id', '=', dealId).executeTakeFirst();
    if (!delivery) throw notFound(`Delivery ${deliveryId} of deal ${dealId}`);
    if (deal.state !== 'accepted') throw conflict(`Deal ${dealId} is ${deal.state}: manifests are opened for an accepted deal`);
    if (delivery.state !== 'scheduled') throw conflict(`Delivery ${deliveryId} is ${delivery.state}: only a scheduled delivery gets a manifest`);
    if (delivery.manifest_id !== null) throw conflict(`Delivery ${deliveryId} already travels with manifest ${delivery.manifest_id}`);
    const material = (await this.materials([deal.material_id])).get(deal.material_id)!;
    if (!needsManifest(material)) throw conflict(`${material.code} is not hazardous waste: its deliveries are recorded without a manifest`);
    const opened = await port.openForDelivery(ctx, { dealId, deliveryId, supplierId: deal.enterprise_id, receiverId: deal.receiver_id, materialId: deal.material_id, quantity: delivery.planned_quantity, due: delivery.due });
    // Conditional on none being set, so two openings at once leave the delivery with one manifest (the other stays a draft nobody signs).
    const linked = await this.db.updateTable('exchange_deliveries').set({ manifest_id: opened.id, updated_at: Date.now() }).where('id', '=', deliveryId).where('manifest_id', 'is', null).executeTakeFirst();
    if (Number(linked.numUpdatedRows) !== 1) throw conflict(`Delivery ${deliveryId} got another manifest meanwhile`);
    return { manifestId: opened.id, number: opened.number };
  }

  /** A hazardous material goes only to a receiver holding a valid receiver licence that covers its waste code (and, where stated, its capacity). */
  private async assertLicensed(trx: Transaction<Tables>, deal: DealRow, material: Material, terms: DealTerms, now: number): Promise<void> {
    const code = material.hwCode ?? material.code;
    const today = new Date(now).toISOString().slice(0, 10);
    const licences = await trx.selectFrom('waste_licences').selectAll().where('enterprise_id', '=', deal.receiver_id).where('kind', '=', 'receiver').execute();
    const covering = licences.filter((l) => licenceCovers(parse<string[]>(l.codes) ?? [], code));
    if (!covering.length) throw conflict(`licence_missing: the receiver holds no receiver licence covering the hazardous waste ${code}`);
    const valid = covering.filter((l) => l.valid_from <= today && l.valid_to >= today);
    if (!valid.length) throw conflict(`licence_expired: the receiver's licence for ${code} (${covering.map((l) => l.number).join(', ')}) is not valid on ${today}`);
    const perUnitT = tonnesPerUnitOf(material.unit, material.densityKgM3);
    const yearlyT = perUnitT === null ? null : terms.quantity * perUnitT * (terms.recurrence === 'month' ? 12 : 1);
    if (yearlyT !== null && valid.every((l) => l.annual_capacity_t !== null && l.annual_capacity_t < yearlyT)) {
      throw conflict(`licence_capacity: the receiver's licensed capacity for ${code} (${Math.max(...valid.map((l) => l.annual_capacity_t ?? 0))} t a year) is less than the deal's ${round(yearlyT, 3)} t a year`);
    }
  }

  /**
   * What a unit moved saves, fixed when the deal is accepted so that later settings do not rewrite
   * history: the plan's explanation where the deal came from one, else the park's settings as they
   * stand (avoided disposal on the offer's current route and the virgin material the demand buys;
   * without the freight, which needs the distance the plan computes).
   */
  private async impactAtAccept(trx: Transaction<Tables>, deal: DealRow, material: Material): Promise<DealImpact> {
    const perUnitT = tonnesPerUnitOf(material.unit, material.densityKgM3);
    const plan = parse<CandidateExplanation>(deal.plan_explanation);
    if (plan && typeof plan.netKgCo2PerUnit === 'number' && typeof plan.netCnyPerUnit === 'number') {
      return { avoidedKgCo2PerUnit: plan.netKgCo2PerUnit, savedCnyPerUnit: plan.netCnyPerUnit, tonnesPerUnit: perUnitT, basis: 'plan' };
    }
    const row = await trx.selectFrom('exchange_settings').select('settings').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const settings = row ? { ...DEFAULT_EXCHANGE_SETTINGS, ...(JSON.parse(row.settings) as Partial<ExchangeSettings>) } : DEFAULT_EXCHANGE_SETTINGS;
    const [offer, demand] = await Promise.all([
      trx.selectFrom('exchange_listings').select(['current_route']).where('id', '=', deal.offer_id).executeTakeFirstOrThrow(),
      trx.selectFrom('exchange_listings').select(['material_id', 'price_cny_per_unit']).where('id', '=', deal.demand_id).executeTakeFirstOrThrow(),
    ]);
    const route = settings.disposal[(offer.current_route ?? 'none') as DisposalRoute] ?? settings.disposal.none;
    const wanted = demand.material_id === material.id ? material : (await this.materials([demand.material_id], trx)).get(demand.material_id);
    const sub = demand.material_id === material.id ? null : await trx.selectFrom('exchange_substitutions').select('ratio').where('offered_material_id', '=', material.id).where('replaces_material_id', '=', demand.material_id).executeTakeFirst();
    const ratio = sub?.ratio ?? 1;
    const virgin = wanted ? settings.virgin[wanted.code] : undefined;
    const t = perUnitT ?? 0;
    const kg = (route?.kgCo2PerUnit ?? 0) * t + ratio * (virgin?.kgCo2PerUnit ?? 0);
    const cny = (route?.cnyPerUnit ?? 0) * t + ratio * Math.max(0, demand.price_cny_per_unit ?? virgin?.cnyPerUnit ?? 0);
    return { avoidedKgCo2PerUnit: kg, savedCnyPerUnit: cny, tonnesPerUnit: perUnitT, basis: route || virgin ? 'settings' : 'none' };
  }

  // ---- deliveries -----------------------------------------------------------------------------

  /**
   * Records a delivery: a ledger flow for its month from the supplier's enterprise node to the
   * receiver's, a shipping event in traceability with the lot's identifier, then the delivery marked
   * delivered (and the deal completed when it was the last). Each store is written in its own step:
   * the EPCIS event's ID and the flow's key derive from the delivery, so a retry after a failure in
   * between names the same event (captured once, by its hash) and the same flow (written over).
   */
  async recordDelivery(ctx: AuthContext, dealId: number, deliveryId: number, body: RecordDelivery): Promise<DealDetail> {
    const deal = await this.visibleDeal(ctx, dealId);
    const delivery = await unscoped(this.db, 'a delivery of a deal the caller sees').selectFrom('exchange_deliveries').selectAll().where('id', '=', deliveryId).where('deal_id', '=', dealId).executeTakeFirst();
    if (!delivery) throw notFound(`Delivery ${deliveryId} of deal ${dealId}`);
    if (ctx.enterpriseId !== deal.enterprise_id) throw forbidden('Only the supplier records a delivery');
    dealPolicy.assert(ctx, 'record', deal.enterprise_id);
    if (delivery.state !== 'scheduled') throw conflict(`Delivery ${deliveryId} is ${delivery.state}: it is recorded once`);
    if (deal.state !== 'accepted') throw conflict(`Deal ${dealId} is ${deal.state}: deliveries are recorded on an accepted deal`);
    const material = (await this.materials([deal.material_id])).get(deal.material_id)!;
    if (needsManifest(material)) {
      throw conflict(
        delivery.manifest_id !== null
          ? `Delivery ${deliveryId} is hazardous waste: it is recorded by its manifest ${delivery.manifest_id} when the receiver accepts it`
          : `Delivery ${deliveryId} is hazardous waste: it is recorded by its manifest; open one (POST …/deliveries/${deliveryId}/manifest)`,
      );
    }

    const { registry, ledger, trace } = this.neighbours;
    const park = await registry.getPark();
    const day = body.deliveredAt ?? localDate(Date.now(), park.timezone);
    const lot = delivery.lot ?? body.lot ?? (await this.mintLot(ctx, deal, delivery, material));
    if (delivery.lot === null) {
      // Kept before anything else is written, so a retry names the same lot (and so the same event).
      await this.db.updateTable('exchange_deliveries').set({ lot, updated_at: Date.now() }).where('id', '=', deliveryId).where('state', '=', 'scheduled').execute();
    } else if (body.lot !== undefined && body.lot !== delivery.lot) {
      throw conflict(`Delivery ${deliveryId} was started with lot ${delivery.lot}; record it with that lot`);
    }
    const parties = await registry.directoryOf({ ids: [deal.enterprise_id, deal.receiver_id] });
    const glnOf = (id: number) => parties.find((p) => p.id === id)?.gln ?? null;
    const supplierGln = glnOf(deal.enterprise_id);
    const receiverGln = glnOf(deal.receiver_id);
    const eventID = `urn:uuid:${seededUuid(`symbiont:exchange:delivery:${deliveryId}:${lot}:${body.quantity}:${day}`)}`;
    const uom = UOM[material.unit];
    const event = {
      type: 'ObjectEvent',
      eventID,
      eventTime: `${day}T12:00:00.000Z`,
      eventTimeZoneOffset: '+00:00',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      epcList: [],
      quantityList: [{ epcClass: lot, quantity: body.quantity, ...(uom ? { uom } : {}) }],
      ...(supplierGln ? { sourceList: [{ type: 'owning_party', source: `https://id.gs1.org/417/${supplierGln}` }] } : {}),
      ...(receiverGln ? { destinationList: [{ type: 'owning_party', destination: `https://id.gs1.org/417/${receiverGln}` }] } : {}),
    };
    const doc = { '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: new Date().toISOString(), epcisBody: { eventList: [event] } };
    const started = await trace.startCapture(ctx, doc, 'application/ld+json', 'rollback');
    await started.done;
    const job = await trace.job(ctx, started.id);
    if (!job.success) throw conflict(`The shipping event was refused by traceability: ${job.errors.map((e) => JSON.stringify(e)).slice(0, 3).join('; ')}`);

    // Keyed like the flows EPCIS source keys this event's quantity, so importing the same events later writes over this row instead of adding a second.
    const sourceKey = `event:${eventID}:q:0`;
    let nodes = (await ledger.listNodes(ctx, { kind: 'enterprise' })).items;
    const nodeOf = (id: number) => nodes.find((n) => n.enterpriseId === id)?.code;
    if (!nodeOf(deal.enterprise_id) || !nodeOf(deal.receiver_id)) {
      // An enterprise added since the ledger last looked at the registry has no node yet.
      await ledger.syncNodes();
      nodes = (await ledger.listNodes(ctx, { kind: 'enterprise' })).items;
    }
    const from = nodeOf(deal.enterprise_id);
    const to = nodeOf(deal.receiver_id);
    if (!from || !to) throw conflict('The flow ledger has no enterprise node for one of the two parties yet');
    const period = day.slice(0, 7);
    const written = await ledger.writeFlows(ctx, {
      source: 'epcis',
      rows: [{ period, from, to, material: material.code, quantity: body.quantity, unit: material.unit, sd: null, basis: 'measured', sourceKey, note: `exchange deal ${dealId}, delivery ${deliveryId} (due ${delivery.due}), lot ${lot}` }],
    });
    if (written.rejected.length) throw conflict(`The ledger refused the delivery's flow: ${written.rejected.map((r) => r.reason).join('; ')}`);
    const flows = await ledger.listFlows(ctx, { period, source: 'epcis', material: material.code, limit: 5000, offset: 0 });
    const flowId = flows.items.find((f) => f.sourceKey === sourceKey)?.id ?? null;
    await this.markDelivered(ctx, dealId, deliveryId, { quantity: body.quantity, day, lot, flowId, epcisEventId: eventID }, 'record_delivery');
    return this.get(ctx, dealId);
  }

  /**
   * The receiver accepted the manifest of a delivery: the delivery is delivered with the accepted
   * quantity, the receipt's EPCIS event and ledger flow (written by the manifests module), and the
   * deal completes after its last delivery. Idempotent: the manifests processor may call it again
   * after a failure, and a delivery already marked by this receipt stays as it is.
   */
  async deliveredByManifest(deliveryId: number, facts: ManifestDelivery): Promise<void> {
    const delivery = await unscoped(this.db, 'the platform marks a delivery its manifest recorded').selectFrom('exchange_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    if (!delivery) throw notFound(`Delivery ${deliveryId}`);
    if (delivery.state === 'delivered' && delivery.manifest_id !== null) return;
    if (delivery.state !== 'scheduled') throw conflict(`Delivery ${deliveryId} is ${delivery.state}: its manifest's receipt cannot record it`);
    // The receiver's receipt: the platform records it on the receiver's behalf (its user signed the manifest).
    const ctx: AuthContext = { userId: null, username: 'system:manifests', role: 'enterprise_operator', enterpriseId: delivery.receiver_id, via: 'system' };
    try {
      await this.markDelivered(ctx, delivery.deal_id, deliveryId, facts, 'manifest_receipt');
    } catch (err) {
      // The service's own run of the links and the processor's may meet here: the one that lost finds it done.
      const now = await unscoped(this.db, 'the same delivery, again').selectFrom('exchange_deliveries').select(['state', 'epcis_event_id']).where('id', '=', deliveryId).executeTakeFirst();
      if (now?.state === 'delivered' && now.epcis_event_id === facts.epcisEventId) return;
      throw err;
    }
  }

  /** The delivery delivered, its audit record, and the deal completed when it was the last; one transaction. */
  private async markDelivered(ctx: AuthContext, dealId: number, deliveryId: number, facts: ManifestDelivery, action: 'record_delivery' | 'manifest_receipt'): Promise<void> {
    const { quantity, day, lot, flowId, epcisEventId } = facts;
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable('exchange_deliveries')
        .set({ state: 'delivered', delivered_at: Date.parse(`${day}T00:00:00Z`), quantity, lot, flow_id: flowId, epcis_event_id: epcisEventId, recorded_by: ctx.username, updated_at: now })
        .where('id', '=', deliveryId)
        .where('state', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) throw conflict(`Delivery ${deliveryId} was recorded meanwhile`);
      await this.audit.append(trx, ctx, { action, entity: 'exchange_delivery', entityId: deliveryId, enterpriseId: ctx.enterpriseId, before: { state: 'scheduled' }, after: { dealId, quantity, deliveredAt: day, lot, flowId, epcisEventId } }, now);
      const open = await trx.selectFrom('exchange_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('deal_id', '=', dealId).where('state', '=', 'scheduled').executeTakeFirstOrThrow();
      const current = await trx.selectFrom('exchange_deals').selectAll().where('id', '=', dealId).executeTakeFirstOrThrow();
      let state = current.state;
      let version = current.version;
      if (Number(open.n) === 0) {
        const decision = nextDeal(this.factsOf(current, current.enterprise_id, 0), { action: 'complete', version: current.version }, { enterpriseId: current.enterprise_id });
        if (decision.ok) {
          state = decision.deal.state;
          version = decision.deal.version;
          await trx.updateTable('exchange_deals').set({ state, version, updated_at: now }).where('id', '=', dealId).where('version', '=', current.version).execute();
          await trx.insertInto('exchange_deal_events').values({ deal_id: dealId, version, action: 'complete', actor_enterprise_id: ctx.enterpriseId, actor: ctx.username, terms: null, note: 'every delivery recorded', at: now }).execute();
          await this.audit.append(trx, ctx, { action: 'complete', entity: 'exchange_deal', entityId: dealId, enterpriseId: ctx.enterpriseId, before: { state: current.state }, after: { state } }, now);
        }
      }
      await recordEvent(trx, 'exchange.deal.changed', { dealId, action: state === 'completed' && current.state !== 'completed' ? 'complete' : 'deliver', state, version, enterpriseIds: [current.enterprise_id, current.receiver_id] });
    });
    this.events?.wake();
  }

  /** A lot identifier minted for the supplier; where the park has no identifier prefix yet, a URN of the delivery. */
  private async mintLot(ctx: AuthContext, deal: DealRow, delivery: DeliveryRow, material: Material): Promise<string> {
    try {
      const minted = await this.neighbours.identity.mint(ctx, { kind: material.hazardous ? 'waste_batch' : 'lot', materialId: material.id, values: [{ type: 'DESC', value: `exchange deal ${deal.id}, delivery due ${delivery.due}` }] });
      return minted.url;
    } catch (err) {
      if (err instanceof Problem && err.status === 409) return `urn:symbiont:exchange:delivery:${delivery.id}`;
      throw err;
    }
  }

  /**
   * What recorded deliveries of hazardous waste used of each receiver's licensed capacity in `year`:
   * t per receiver and waste code (the plan subtracts it from the licences' annual capacity). Work for
   * the platform: every deal. A delivery with a manifest counts through the manifests (what their
   * receivers accepted or have in flight, `DealManifests.licenceUse`), so it is not counted twice.
   */
  async licenceUse(year: number): Promise<{ receiverId: number; hwCode: string; t: number }[]> {
    const rows = await unscoped(this.db, 'licence use is the park-wide sum the planner subtracts from capacities')
      .selectFrom('exchange_deliveries')
      .innerJoin('exchange_deals', 'exchange_deals.id', 'exchange_deliveries.deal_id')
      .select(['exchange_deliveries.receiver_id', 'exchange_deliveries.quantity', 'exchange_deals.material_id', 'exchange_deals.terms'])
      .where('exchange_deliveries.state', '=', 'delivered')
      .where('exchange_deliveries.manifest_id', 'is', null)
      .where('exchange_deliveries.delivered_at', '>=', Date.UTC(year, 0, 1))
      .where('exchange_deliveries.delivered_at', '<', Date.UTC(year + 1, 0, 1))
      .execute();
    const materials = await this.materials([...new Set(rows.map((r) => r.material_id))]);
    const sums = new Map<string, { receiverId: number; hwCode: string; t: number }>();
    for (const r of rows) {
      const m = materials.get(r.material_id);
      if (!m?.hwCode) continue;
      const perT = parse<DealTerms>(r.terms)?.impact?.tonnesPerUnit ?? tonnesPerUnitOf(m.unit, m.densityKgM3);
      if (perT === null) continue;
      const key = `${r.receiver_id}|${m.hwCode}`;
      const sum = sums.get(key) ?? { receiverId: r.receiver_id, hwCode: m.hwCode, t: 0 };
      sum.t += (r.quantity ?? 0) * perT;
      sums.set(key, sum);
    }
    for (const u of (await this.manifests?.licenceUse(year)) ?? []) {
      const key = `${u.receiverId}|${u.hwCode}`;
      const sum = sums.get(key) ?? { receiverId: u.receiverId, hwCode: u.hwCode, t: 0 };
      sum.t += u.t;
      sums.set(key, sum);
    }
    return [...sums.values()];
  }

  // ---- impact ---------------------------------------------------------------------------------

  /** Per month of the recorded deliveries: diverted t, avoided t CO2 and CNY saved, from the per-unit figures fixed at accept. */
  async impact(ctx: AuthContext, q: ImpactQuery): Promise<Impact> {
    dealPolicy.assert(ctx, 'read');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(q.from) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(q.to)) throw validation('from and to are months YYYY-MM', [{ path: '/querystring/from', message: 'must be a month YYYY-MM' }]);
    if (q.to < q.from) throw validation('to is before from', [{ path: '/querystring/to', message: 'must not be before from' }]);
    const [fy, fm] = q.from.split('-').map(Number);
    const [ty, tm] = q.to.split('-').map(Number);
    if ((ty - fy) * 12 + tm - fm >= 240) throw validation('at most 240 months', [{ path: '/querystring/to', message: 'at most 240 months after from' }]);
    const start = Date.UTC(fy, fm - 1, 1);
    const end = Date.UTC(ty, tm, 1);
    const dealIds = this.deals(ctx).select('id');
    const rows = await unscoped(this.db, 'deliveries of the deals the caller sees (the subquery filters)')
      .selectFrom('exchange_deliveries')
      .innerJoin('exchange_deals', 'exchange_deals.id', 'exchange_deliveries.deal_id')
      .select(['exchange_deliveries.quantity', 'exchange_deliveries.delivered_at', 'exchange_deals.terms', 'exchange_deals.material_id'])
      .where('exchange_deliveries.state', '=', 'delivered')
      .where('exchange_deliveries.deal_id', 'in', dealIds)
      .where('exchange_deliveries.delivered_at', '>=', start)
      .where('exchange_deliveries.delivered_at', '<', end)
      .execute();
    const materials = await this.materials([...new Set(rows.map((r) => r.material_id))]);
    const months: Impact['months'] = [];
    for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((m = 1), y++) : m++) {
      months.push({ month: `${y}-${String(m).padStart(2, '0')}`, deliveries: 0, divertedT: 0, avoidedTCo2: 0, savedCny: 0, otherUnits: [] });
    }
    const byMonth = new Map(months.map((m) => [m.month, m]));
    for (const r of rows) {
      const month = byMonth.get(new Date(Number(r.delivered_at)).toISOString().slice(0, 7));
      if (!month) continue;
      const quantity = r.quantity ?? 0;
      const impact = parse<DealTerms>(r.terms)?.impact;
      const material = materials.get(r.material_id);
      const perT = impact?.tonnesPerUnit ?? (material ? tonnesPerUnitOf(material.unit, material.densityKgM3) : null);
      month.deliveries++;
      if (perT !== null) month.divertedT += quantity * perT;
      else {
        const unit = material?.unit ?? '';
        const other = month.otherUnits.find((o) => o.unit === unit);
        if (other) other.quantity += quantity;
        else month.otherUnits.push({ unit, quantity });
      }
      month.avoidedTCo2 += (quantity * (impact?.avoidedKgCo2PerUnit ?? 0)) / 1000;
      month.savedCny += quantity * (impact?.savedCnyPerUnit ?? 0);
    }
    const totals: Impact['totals'] = { deliveries: 0, divertedT: 0, avoidedTCo2: 0, savedCny: 0, otherUnits: [] };
    for (const m of months) {
      m.divertedT = round(m.divertedT);
      m.avoidedTCo2 = round(m.avoidedTCo2);
      m.savedCny = round(m.savedCny, 2);
      totals.deliveries += m.deliveries;
      totals.divertedT += m.divertedT;
      totals.avoidedTCo2 += m.avoidedTCo2;
      totals.savedCny += m.savedCny;
      for (const o of m.otherUnits) {
        const t = totals.otherUnits.find((x) => x.unit === o.unit);
        if (t) t.quantity += o.quantity;
        else totals.otherUnits.push({ ...o });
      }
    }
    totals.divertedT = round(totals.divertedT);
    totals.avoidedTCo2 = round(totals.avoidedTCo2);
    totals.savedCny = round(totals.savedCny, 2);
    return { from: q.from, to: q.to, scope: isParkRole(ctx.role) ? 'park' : 'enterprise', months, totals };
  }
}

/** A refusal of the state machine as the problem the API answers. */
function refusal(d: { code: string; reason: string; status: 400 | 403 | 409 }): Problem {
  const detail = `${d.code}: ${d.reason}`;
  return d.status === 400 ? validation(detail) : d.status === 403 ? forbidden(detail) : conflict(detail);
}

export function deliveryOf(d: DeliveryRow): Delivery {
  return {
    id: d.id,
    dealId: d.deal_id,
    due: d.due,
    plannedQuantity: d.planned_quantity,
    state: d.state as DeliveryState,
    deliveredAt: d.delivered_at === null ? null : new Date(Number(d.delivered_at)).toISOString().slice(0, 10),
    quantity: d.quantity,
    lot: d.lot,
    flowId: d.flow_id === null ? null : Number(d.flow_id),
    epcisEventId: d.epcis_event_id,
    recordedBy: d.recorded_by,
    manifestId: d.manifest_id === null ? null : Number(d.manifest_id),
  };
}
