/**
 * The exchange's facade (services.exchange): its collections, the market, the park's settings, the
 * plan and its instance, the drafts from the ledger; deals are `deals` (deals/service.ts), set by
 * the composition root.
 *
 * A plan is computed over what the caller may see (the market's rule, visibility.ts; park roles
 * every published listing) and writes nothing. What-ifs name listings of that instance only (else
 * 400). Taking a plant out, for an enterprise caller, removes only what the caller knows to be that
 * plant's: an anonymous listing stays, so that the change in the plan cannot tell whose it is.
 */
import type { DbHandle, Tx } from '../../adapters/db/index.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { ResourceService } from '../../core/crud/service.ts';
import type { ItemOf } from '../../core/crud/spec.ts';
import { validation, type FieldError } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import type { FlowLedgerService } from '../flows/ledger-service.ts';
import type { RegistryService } from '../registry/service.ts';
import type { DealService } from './deals/service.ts';
import { draftOffers, monthsBack } from './drafts.ts';
import { applyOverrides } from './engine/plan.ts';
import { planExchangeOffThread } from './engine/plan-off-thread.ts';
import { buildInstance, currentMonthIn, planPeriod, type ListingFacts, type MaterialFacts } from './instance.ts';
import type { DisposalRoute, ExchangeSettings, LicenceKind, ListingRecurrence, ListingSide, PlanAnswer, PlanInstance, PlanOverrides, PropertyRanges } from './model.ts';
import { ExchangeNeighbours, type MaterialItem } from './neighbours.ts';
import { exchangeListingSpec, exchangeSubstitutionSpec, exchangeDistanceSpec, MAX_PRICE, MAX_QUANTITY, ParkTableService, wasteLicenceSpec } from './resources.ts';
import { exchangeSettingsPolicy, planPolicy } from './policy.ts';
import { MAX_OVERRIDES, type Drafts, type MarketItem, type MarketQuery } from './schemas.ts';
import { settingsProblems } from './settings.ts';
import { ExchangeStore, type ListingRow, type MarketFilter } from './store.ts';
import { seesOwnerDetail, seesWho } from './visibility.ts';

export type ListingItem = ItemOf<typeof exchangeListingSpec>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export class ExchangeService {
  readonly store: ExchangeStore;
  readonly listings: ResourceService<typeof exchangeListingSpec>;
  readonly licences: ResourceService<typeof wasteLicenceSpec>;
  readonly substitutions: ParkTableService<typeof exchangeSubstitutionSpec>;
  readonly distances: ParkTableService<typeof exchangeDistanceSpec>;
  private readonly neighbours: ExchangeNeighbours;

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
    registry: RegistryService,
    private readonly flows: FlowLedgerService,
    /** Deals between two enterprises (deals/service.ts): also what recorded deliveries used of licences. */
    readonly deals: DealService,
  ) {
    this.store = new ExchangeStore(handle);
    this.neighbours = new ExchangeNeighbours(registry);
    this.listings = new ListingResourceService(handle, exchangeListingSpec, audit, {
      decorate: (items) => this.decorateListings(items),
      afterWrite: (trx, _action, _before, after) => (after ? this.checkPartners(trx, after) : Promise.resolve()),
    });
    this.licences = new ResourceService(handle, wasteLicenceSpec, audit);
    this.substitutions = new ParkTableService(handle, exchangeSubstitutionSpec, audit, {
      decorate: async (items) => {
        const codes = await this.materialCodes(items.flatMap((s) => [s.offeredMaterialId, s.replacesMaterialId]));
        for (const s of items) Object.assign(s, { offeredMaterialCode: codes.get(s.offeredMaterialId) ?? null, replacesMaterialCode: codes.get(s.replacesMaterialId) ?? null });
      },
    });
    this.distances = new ParkTableService(handle, exchangeDistanceSpec, audit, {
      decorate: async (items) => {
        const sites = await this.neighbours.sites();
        for (const d of items) Object.assign(d, { fromSiteCode: sites.get(d.fromSiteId)?.code ?? null, toSiteCode: sites.get(d.toSiteId)?.code ?? null });
      },
    });
  }

  // ---- listings ---------------------------------------------------------------------------------

  private async materialCodes(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const materials = await this.neighbours.materials();
    return new Map([...new Set(ids)].flatMap((id) => (materials.has(id) ? [[id, materials.get(id)!.code] as const] : [])));
  }

  private async decorateListings(items: ListingItem[]): Promise<void> {
    if (!items.length) return;
    const [materials, sites] = await Promise.all([this.neighbours.materials(), this.neighbours.sites()]);
    for (const l of items) {
      const m = materials.get(l.materialId);
      Object.assign(l, { materialCode: m?.code ?? null, materialUnit: m?.unit ?? null, siteCode: sites.get(l.siteId)?.code ?? null });
    }
  }

  /** Partners named are enterprises of the park (the schema checks their form, the spec that the owner is not one of them). */
  private async checkPartners(trx: Tx, after: ListingItem): Promise<void> {
    const ids = after.partnerIds ?? [];
    if (!ids.length) return;
    // In the write's transaction: on SQLite a read beside it would wait for the one connection it holds.
    const known = new Set((await trx.selectFrom('enterprises').select('id').where('id', 'in', [...ids]).execute()).map((r) => Number(r.id)));
    const errors: FieldError[] = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `/body/partnerIds/${i}`, message: `no enterprise ${id} in the park` }]));
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')} ${e.message}`).join('; '), errors);
  }

  // ---- the market -------------------------------------------------------------------------------

  /** Published listings the caller may see, filtered, newest first; anonymous ones of others without who and where. */
  async market(ctx: AuthContext, q: MarketQuery): Promise<{ items: MarketItem[]; total: number; limit: number; offset: number }> {
    const materials = await this.neighbours.materials();
    const filter: MarketFilter = { side: q.side as ListingSide | undefined, enterpriseId: q.enterpriseId };
    const ids = new Set<number>();
    const accepts: { code: string; prefix: boolean }[] = [];
    if (q.material) {
      for (const m of materials.values()) if (m.code === q.material) ids.add(m.id);
      accepts.push({ code: q.material, prefix: false });
    }
    if (q.code) {
      const cls = q.code.split('/')[0];
      const full = q.code.includes('/');
      for (const m of materials.values()) {
        const hw = m.hwCode ?? '';
        if (m.swCode === q.code || hw === q.code || (!full && hw.split('/')[0] === cls)) ids.add(m.id);
      }
      // A class filter finds demands accepting any code of the class; a full code, demands accepting it or its whole class.
      accepts.push({ code: q.code, prefix: !full }, ...(full ? [{ code: cls, prefix: false }] : []));
    }
    if (q.material || q.code) {
      filter.materialIds = [...ids];
      filter.acceptCodes = accepts;
    }
    if (q.q) filter.text = { pattern: `%${escapeLike(q.q)}%`, materialIds: await this.neighbours.materialIdsMatching(q.q) };
    const { rows, total } = await this.store.market(ctx, filter, { limit: q.limit, offset: q.offset });
    return { items: await this.marketItems(ctx, rows, materials), total, limit: q.limit, offset: q.offset };
  }

  private async marketItems(ctx: AuthContext, rows: readonly ListingRow[], materials: Map<number, MaterialItem>): Promise<MarketItem[]> {
    const [sites, enterprises] = await Promise.all([this.neighbours.sites(), this.neighbours.enterprises()]);
    return rows.map((row) => {
      const l = this.listings.store.toItem(row);
      const m = materials.get(l.materialId);
      const who = seesWho(ctx, l);
      const detail = seesOwnerDetail(ctx, l.enterpriseId);
      const e = who ? enterprises.get(l.enterpriseId) : undefined;
      return {
        ...l,
        enterpriseId: who ? l.enterpriseId : null,
        siteId: who ? l.siteId : null,
        // Who else a partners-only listing goes to, and which flow it came from, are the owner's bookkeeping.
        partnerIds: detail ? l.partnerIds : null,
        sourceFlowId: detail ? l.sourceFlowId : null,
        materialCode: m?.code ?? null,
        materialUnit: m?.unit ?? null,
        siteCode: who ? (sites.get(l.siteId)?.code ?? null) : null,
        enterpriseCode: e?.code ?? null,
        enterpriseName: e?.name ?? null,
        enterpriseNameEn: e?.nameEn ?? null,
      };
    });
  }

  // ---- settings ---------------------------------------------------------------------------------

  async settings(_ctx: AuthContext): Promise<ExchangeSettings> {
    return (await this.store.settings()).settings;
  }

  /** Replaces the park's exchange settings (park administrator). */
  async putSettings(ctx: AuthContext, s: ExchangeSettings): Promise<ExchangeSettings> {
    exchangeSettingsPolicy.assert(ctx, 'update', null);
    const errors = settingsProblems(s);
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')}: ${e.message}`).join('; '), errors);
    const before = await this.store.settings();
    const now = Date.now();
    await this.handle.db.transaction().execute(async (trx) => {
      await this.store.saveSettings(trx, s, ctx.username, now);
      await this.audit.append(trx, ctx, { action: 'update', entity: 'exchange_settings', entityId: null, enterpriseId: null, before: before.updatedAt === null ? null : before.settings, after: s }, now);
    });
    return s;
  }

  // ---- plans --------------------------------------------------------------------------------------

  /** The optimal allocation over what the caller sees, with the what-if changes (POST /api/v1/exchange/plans). */
  async plan(ctx: AuthContext, overrides: PlanOverrides = {}): Promise<PlanAnswer> {
    planPolicy.assert(ctx, 'create');
    const { instance, hiddenOwners } = await this.read(ctx, overrides);
    await this.checkOverrides(overrides, instance);
    let o = overrides;
    let base = instance;
    if (!isParkRole(ctx.role) && overrides.excludeEnterprises?.length) {
      // The caller takes out what it knows to be the plant's; anonymous listings stay (see above).
      const out = new Set(overrides.excludeEnterprises);
      const known = (l: { id: number; enterpriseId: number }) => out.has(l.enterpriseId) && !hiddenOwners.has(l.id);
      const hiding = new Set([...instance.offers, ...instance.demands].filter((l) => hiddenOwners.has(l.id)).map((l) => l.enterpriseId));
      base = {
        ...instance,
        offers: instance.offers.filter((l) => !known(l)),
        demands: instance.demands.filter((l) => !known(l)),
        licences: instance.licences.filter((l) => !(out.has(l.enterpriseId) && !hiding.has(l.enterpriseId))),
      };
      o = { ...overrides, excludeEnterprises: [] };
    }
    return planExchangeOffThread(applyOverrides(base, o));
  }

  /** The instance a plan of the caller solves, before the what-if changes (for checking a plan elsewhere, the bench and the demo). */
  async instance(ctx: AuthContext, overrides: PlanOverrides = {}): Promise<PlanInstance> {
    return (await this.read(ctx, overrides)).instance;
  }

  private async read(ctx: AuthContext, overrides: PlanOverrides): Promise<{ instance: PlanInstance; hiddenOwners: Set<number> }> {
    const timeZone = await this.neighbours.timeZone();
    const p = planPeriod(overrides, currentMonthIn(timeZone, new Date()));
    if ('problem' in p) throw validation(`period ${p.problem}`, [{ path: '/body/period', message: p.problem }]);
    const period = p.period;
    const [{ rows }, materials, sites, licences, substitutions, distances, settings, licenceUse] = await Promise.all([
      this.store.market(ctx, {}),
      this.neighbours.materials(),
      this.neighbours.sites(),
      this.store.licences(),
      this.store.substitutions(),
      this.store.distances(),
      this.store.settings(),
      this.deals.licenceUse(Number(period.from.slice(0, 4))),
    ]);
    const listings: ListingFacts[] = rows.map((r) => ({
      id: r.id,
      side: r.side as ListingSide,
      enterpriseId: r.enterprise_id,
      materialId: r.material_id,
      accepts: parse<string[]>(r.accepts),
      quantity: Number(r.quantity),
      recurrence: r.recurrence as ListingRecurrence,
      availableFrom: r.available_from,
      availableTo: r.available_to,
      siteId: r.site_id,
      properties: parse<PropertyRanges>(r.properties),
      priceCnyPerUnit: r.price_cny_per_unit === null ? null : Number(r.price_cny_per_unit),
      currentRoute: r.current_route as DisposalRoute | null,
      minLot: r.min_lot === null ? null : Number(r.min_lot),
    }));
    const hiddenOwners = new Set(rows.filter((r) => !seesWho(ctx, { enterpriseId: r.enterprise_id, anonymous: Number(r.anonymous) === 1 })).map((r) => r.id));
    const materialFacts = new Map<number, MaterialFacts>(
      [...materials.values()].map((m) => [m.id, { id: m.id, enterpriseId: m.enterpriseId ?? null, code: m.code, unit: m.unit, category: m.category, hazardous: m.hazardous, hwCode: m.hwCode ?? null, swCode: m.swCode ?? null, densityKgM3: m.densityKgM3 ?? null }]),
    );
    const instance = buildInstance({
      period,
      listings,
      materials: materialFacts,
      sites: new Map([...sites.values()].map((s) => [s.id, { id: s.id, lat: s.lat ?? null, lng: s.lng ?? null }])),
      licences: licences.map((l) => ({
        id: l.id,
        enterpriseId: l.enterprise_id,
        kind: l.kind as LicenceKind,
        codes: parse<string[]>(l.codes) ?? [],
        annualCapacityT: l.annual_capacity_t === null ? null : Number(l.annual_capacity_t),
        validFrom: l.valid_from,
        validTo: l.valid_to,
        siteId: l.site_id,
      })),
      licenceUse,
      substitutions: substitutions.map((s) => ({ offeredMaterialId: s.offered_material_id, replacesMaterialId: s.replaces_material_id, ratio: Number(s.ratio), conditions: parse<PropertyRanges>(s.conditions), source: s.source })),
      distances: distances.map((d) => ({ fromSiteId: d.from_site_id, toSiteId: d.to_site_id, km: Number(d.km) })),
      settings: settings.settings,
    });
    return { instance, hiddenOwners };
  }

  /** What the schema cannot check of a what-if: listings of this instance, enterprises of the park, and the bounds for callers that skip the schema. */
  private async checkOverrides(o: PlanOverrides, instance: PlanInstance): Promise<void> {
    const errors: FieldError[] = [];
    const listings = new Set([...instance.offers, ...instance.demands].map((l) => l.id));
    const finiteIn = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
    if (o.carbonPriceCnyPerT !== undefined && !finiteIn(o.carbonPriceCnyPerT, 0, 10_000)) errors.push({ path: '/body/carbonPriceCnyPerT', message: 'must be a number from 0 to 10000' });
    for (const key of ['prices', 'quantities', 'excludeEnterprises'] as const) {
      if ((o[key]?.length ?? 0) > MAX_OVERRIDES) errors.push({ path: `/body/${key}`, message: `must have at most ${MAX_OVERRIDES} entries` });
    }
    (o.prices ?? []).forEach((p, i) => {
      if (!listings.has(p.listing)) errors.push({ path: `/body/prices/${i}/listing`, message: 'is not a listing of this plan' });
      if (p.priceCnyPerUnit !== null && !finiteIn(p.priceCnyPerUnit, -MAX_PRICE, MAX_PRICE)) errors.push({ path: `/body/prices/${i}/priceCnyPerUnit`, message: `must be a number from ${-MAX_PRICE} to ${MAX_PRICE}` });
    });
    (o.quantities ?? []).forEach((q, i) => {
      if (!listings.has(q.listing)) errors.push({ path: `/body/quantities/${i}/listing`, message: 'is not a listing of this plan' });
      if (!finiteIn(q.quantity, 0, MAX_QUANTITY)) errors.push({ path: `/body/quantities/${i}/quantity`, message: `must be a number from 0 to ${MAX_QUANTITY}` });
    });
    for (const [route, fee] of Object.entries(o.disposalFees ?? {})) {
      if (!(route in instance.settings.disposal)) errors.push({ path: `/body/disposalFees/${route}`, message: 'is not a disposal route' });
      else if (fee !== undefined && !finiteIn(fee, 0, MAX_PRICE)) errors.push({ path: `/body/disposalFees/${route}`, message: `must be a number from 0 to ${MAX_PRICE}` });
    }
    if (o.excludeEnterprises?.length) {
      const known = new Set((await this.neighbours.enterprises()).keys());
      o.excludeEnterprises.forEach((id, i) => {
        if (!known.has(id)) errors.push({ path: `/body/excludeEnterprises/${i}`, message: `no enterprise ${id} in the park` });
      });
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path.replace('/body/', '')} ${e.message}`).join('; '), errors);
  }

  // ---- drafts -----------------------------------------------------------------------------------

  /** Offers the caller's enterprise could make from what it sends to landfill, incineration or storage (the last twelve months); park roles: every enterprise's. */
  async drafts(ctx: AuthContext): Promise<Drafts> {
    const month = currentMonthIn(await this.neighbours.timeZone(), new Date());
    const range = monthsBack(month, 12);
    const [ledger, usable, unitSites] = await Promise.all([
      this.flows.readLedgerTotals(ctx, { from: range.from, to: range.to, summed: false }),
      this.neighbours.usableMaterials(ctx),
      this.neighbours.unitSites(ctx),
    ]);
    const items = draftOffers({
      flows: ledger.flows.map((f) => ({ id: f.id, fromNodeId: f.fromNodeId, toNodeId: f.toNodeId, materialCode: f.materialCode, quantity: f.quantity, unit: f.unit })),
      nodes: ledger.nodes,
      materials: new Map([...usable].map(([code, m]) => [code, { id: m.id, code: m.code, name: m.name, nameEn: m.nameEn ?? null, unit: m.unit, category: m.category }])),
      enterpriseId: isParkRole(ctx.role) ? null : ctx.enterpriseId ?? -1,
      unitSites,
      months: 12,
    });
    return { items, from: range.from, to: range.to };
  }
}

/** Listings record who created them (created_by), which the generic create does not know of. */
class ListingResourceService extends ResourceService<typeof exchangeListingSpec> {
  override create(ctx: AuthContext, input: Parameters<ResourceService<typeof exchangeListingSpec>['create']>[1], extraRow: Record<string, unknown> = {}): Promise<ListingItem> {
    return super.create(ctx, input, { created_by: ctx.username, ...extraRow });
  }
}
