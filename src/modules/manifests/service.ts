/**
 * Hazardous-waste transfer manifests (issue 14): drafting one, its signatures from generator through
 * each transporter to the receiver, the rejected part's return or onward manifest, corrections after
 * closing, and the park's watch over them.
 *
 * Whether an action may happen is model.ts's decision and whether the licences allow it
 * licences.ts's; this service loads the facts, writes what was decided — the row (answering the
 * version the caller saw), the signature chained to the one before, the audit record and the domain
 * event — in one transaction, then asks the links (links.ts) to write what the step means in
 * traceability, the ledger, the alarms and the exchange. A link that fails is retried by the durable
 * processor of the event, so the action is not refused for it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type DbHandle } from '../../adapters/db/index.ts';
import { recordEvent, type OutboxDispatcher } from '../../adapters/db/outbox.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { conflict, forbidden, notFound, Problem, validation, type FieldError } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { moduleDb, unscoped, type ModuleDb } from '../../core/tenancy.ts';
import type { ExchangeTables } from '../exchange/tables.ts';
import { tonnesPerUnitOf } from '../exchange/engine/transport.ts';
import type { IdentityService } from '../identity/service.ts';
import type { RegistryTables } from '../registry/tables.ts';
import type { RegistryService } from '../registry/service.ts';
import { hazardsOf } from './hazards.ts';
import { capacityLeft, licenceProblems, type LicenceFacts, type LicenceProblem, type LicenceScope, type LicenceUse } from './licences.ts';
import { METHOD_CODES, methodOf } from './methods.ts';
import {
  availableActions, discrepancyOf, nextManifest, OPEN_STATES, overdueOf, toTonnes, turnOf, type Discrepancy, type ManifestAction, type ManifestCommand, type ManifestEffect, type ManifestFacts,
  type ManifestKind, type ManifestLeg, type ManifestLine, type ManifestParty, type ManifestSettings, type ManifestState, type Rejection, type SeenQuantity, type SignatureLocation,
} from './model.ts';
import { formatNumber } from './numbering.ts';
import { manifestPolicy, manifestSettingsPolicy } from './policy.ts';
import type {
  CreateManifest, Leg, Line, ManifestActionBody, ManifestDetail, ManifestListQuery, ManifestPage, ManifestSummary, Overview, PartyRef, PatchManifest, Signature,
} from './schemas.ts';
import { DEFAULT_MANIFEST_SETTINGS, settingsProblems } from './settings.ts';
import { contentDigest, signatureHash, verifyChain, type SignatureFields } from './signatures.ts';
import { factsOf, legsOf, linesOf, num, parseJson, summaryOf, totalsOf, unknownParty, type ManifestRow } from './store.ts';
import type { ManifestTables } from './tables.ts';
import { partiesOf, visibleManifests } from './visibility.ts';
import { localDate } from '../../core/time-zone.ts';

type Tables = ManifestTables & Pick<RegistryTables, 'materials' | 'enterprises' | 'sites' | 'park'> & Pick<ExchangeTables, 'waste_licences' | 'exchange_deliveries'>;
type Trx = Transaction<Tables>;

/** What a manifest's steps write elsewhere (links.ts): the service calls it after each committed action. */
export interface ManifestLinksPort {
  apply(manifestId: number): Promise<void>;
  sweep(now?: number): Promise<{ raised: number; cleared: number }>;
  licenceUse(year: number, exceptManifestId?: number, receiverIds?: readonly number[]): Promise<LicenceUse[]>;
}

export interface ManifestServiceNeighbours {
  registry: Pick<RegistryService, 'directoryOf' | 'getPark'>;
  identity: Pick<IdentityService, 'mint'> & { baseUrl?: string | null };
  links: ManifestLinksPort;
}

/** The exchange's port (DealService.provideManifests): a hazardous deal's delivery travels with a manifest. */
export interface DealManifests {
  openForDelivery(ctx: AuthContext, input: { dealId: number; deliveryId: number; supplierId: number; receiverId: number; materialId: number; quantity: number; due: string }): Promise<{ id: number; number: string }>;
  licenceUse(year: number): Promise<{ receiverId: number; hwCode: string; t: number }[]>;
}

export interface ActOptions {
  /** When the action happened (the demo loader and imports record history); over HTTP it is now. */
  at?: number;
}

export interface CreateOptions extends ActOptions {
  dealId?: number;
  deliveryId?: number;
}

interface Material {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  unit: string;
  hazardous: boolean;
  hwCode: string | null;
  densityKgM3: number | null;
}

interface WorkerLog {
  warn(obj: object, msg: string): void;
}

const ZERO_HASH = '0'.repeat(64);
const round = (x: number) => Number(x.toFixed(6));
/** The class of a waste code (HW08 of HW08/900-249-08). */
const classOf = (code: string) => code.split('/')[0];

export class ManifestService implements DealManifests {
  private readonly db: ModuleDb<Tables>;
  /** Set by the platform once it runs (link failures are logged there). */
  log: WorkerLog | undefined;

  constructor(
    handle: DbHandle,
    private readonly audit: AuditStore,
    private readonly neighbours: ManifestServiceNeighbours,
    private readonly events?: OutboxDispatcher,
  ) {
    this.db = moduleDb(tablesOf<Tables>(handle.db));
  }

  /** Every tenant's rows; each use names why (the party filter of visibility.ts narrows what a caller reads). */
  private all(reason: string): Kysely<Tables> {
    return unscoped(this.db, reason);
  }

  // ---- reads ----------------------------------------------------------------------------------

  private async visibleRow(ctx: AuthContext, id: number): Promise<ManifestRow> {
    manifestPolicy.assert(ctx, 'read');
    const row = await visibleManifests(this.all('narrowed to the manifests the caller is a party to'), ctx).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Manifest ${id}`);
    return row;
  }

  async settings(): Promise<ManifestSettings & { updatedBy: string | null; updatedAt: number | null }> {
    const row = await this.db.selectFrom('manifest_settings').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
    const stored = row ? (JSON.parse(row.settings) as Partial<ManifestSettings>) : {};
    return { ...DEFAULT_MANIFEST_SETTINGS, ...stored, updatedBy: row?.updated_by ?? null, updatedAt: row ? Number(row.updated_at) : null };
  }

  private async partyRefs(ids: Iterable<number>): Promise<(id: number) => PartyRef> {
    const unique = [...new Set(ids)];
    const entries = unique.length ? await this.neighbours.registry.directoryOf({ ids: unique }) : [];
    const by = new Map(entries.map((e) => [e.id, { id: e.id, code: e.code, name: e.name, nameEn: e.nameEn ?? null } satisfies PartyRef]));
    return (id) => by.get(id) ?? unknownParty(id);
  }

  /** The numbers among `rows` that have a newer revision. */
  private async superseded(rows: readonly ManifestRow[], trx?: Trx): Promise<Set<number>> {
    if (!rows.length) return new Set();
    const newest = await (trx ?? this.all('the newest revision of manifests the caller reads'))
      .selectFrom('manifests')
      .select(['number', (eb) => eb.fn.max('revision').as('revision')])
      .where('number', 'in', [...new Set(rows.map((r) => r.number))])
      .groupBy('number')
      .execute();
    const max = new Map(newest.map((n) => [n.number, Number(n.revision)]));
    return new Set(rows.filter((r) => (max.get(r.number) ?? r.revision) > r.revision).map((r) => r.id));
  }

  private async summaries(ctx: AuthContext, rows: readonly ManifestRow[], now = Date.now()): Promise<ManifestSummary[]> {
    if (!rows.length) return [];
    const [partyOf, old, settings] = await Promise.all([
      this.partyRefs(rows.flatMap((r) => [r.enterprise_id, r.receiver_id, ...legsOf(r).map((l) => l.transporterId)])),
      this.superseded(rows),
      this.settings(),
    ]);
    const readerId = isParkRole(ctx.role) ? null : ctx.enterpriseId;
    return rows.map((r) => summaryOf(r, { partyOf, readerId, latest: !old.has(r.id), settings, now }));
  }

  async list(ctx: AuthContext, q: ManifestListQuery): Promise<ManifestPage> {
    manifestPolicy.assert(ctx, 'read');
    let base = visibleManifests(this.all('narrowed to the manifests the caller is a party to'), ctx);
    if (q.state) base = base.where('state', '=', q.state);
    if (q.kind) base = base.where('kind', '=', q.kind);
    if (q.discrepancy) base = base.where('discrepancy_state', '=', q.discrepancy);
    if (q.from) base = base.where('planned_date', '>=', q.from);
    if (q.to) base = base.where('planned_date', '<=', q.to);
    const partyIs = (enterpriseId: number, party?: ManifestParty) =>
      base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('manifest_parties')
            .select('manifest_parties.manifest_id')
            .whereRef('manifest_parties.manifest_id', '=', 'manifests.id')
            .where('manifest_parties.enterprise_id', '=', enterpriseId)
            .$if(party !== undefined, (s) => s.where('manifest_parties.party', '=', party!)),
        ),
      );
    if (q.role && !isParkRole(ctx.role)) base = partyIs(ctx.enterpriseId ?? -1, q.role);
    if (q.enterpriseId !== undefined) base = partyIs(q.enterpriseId, isParkRole(ctx.role) ? q.role : undefined);
    if (q.q) {
      const like = `%${q.q}%`;
      base = base.where((eb) => eb.or([eb('number', 'like', like), eb('lines', 'like', like)]));
    }
    if (q.latest !== false) {
      base = base.where((eb) =>
        eb.not(eb.exists(eb.selectFrom('manifests as newer').select('newer.id').whereRef('newer.number', '=', 'manifests.number').whereRef('newer.revision', '>', 'manifests.revision'))),
      );
    }
    const now = Date.now();
    if (q.overdue !== undefined) {
      // Overdue depends on the settings and the clock, not on a column: weigh the open ones here.
      const settings = await this.settings();
      const rows = await base.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
      const picked = rows.filter((r) => (overdueOf({ state: r.state as ManifestState, plannedDate: r.planned_date, pickedUpAt: num(r.picked_up_at) }, settings, now) !== null) === q.overdue);
      return { items: await this.summaries(ctx, picked.slice(q.offset, q.offset + q.limit), now), total: picked.length, limit: q.limit, offset: q.offset };
    }
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    ]);
    return { items: await this.summaries(ctx, rows, now), total: Number(n), limit: q.limit, offset: q.offset };
  }

  async get(ctx: AuthContext, id: number): Promise<ManifestDetail> {
    const row = await this.visibleRow(ctx, id);
    const now = Date.now();
    const db = this.all('rows belonging to a manifest the caller reads');
    const lines = linesOf(row);
    const legs = legsOf(row);
    const rejection = parseJson<Rejection>(row.rejection);
    const [signatures, materials, revisions, children, parent, links, settings, old, sites] = await Promise.all([
      db.selectFrom('manifest_signatures').selectAll().where('manifest_id', '=', id).orderBy('seq').execute(),
      this.materials(lines.map((l) => l.materialId)),
      db.selectFrom('manifests').select(['id', 'number', 'revision', 'kind', 'state']).where('number', '=', row.number).orderBy('revision').execute(),
      visibleManifests(db, ctx).select(['id', 'number', 'revision', 'kind', 'state']).where('parent_id', '=', id).orderBy('id').execute(),
      row.parent_id === null ? undefined : visibleManifests(db, ctx).select(['id', 'number', 'revision', 'kind', 'state']).where('id', '=', row.parent_id).executeTakeFirst(),
      this.db.selectFrom('manifest_links').selectAll().where('manifest_id', '=', id).orderBy('at').execute(),
      this.settings(),
      this.superseded([row]),
      db.selectFrom('sites').select(['id', 'code', 'name']).where('id', 'in', [row.site_id ?? -1, row.receiver_site_id ?? -1]).execute(),
    ]);
    const partyOf = await this.partyRefs([row.enterprise_id, row.receiver_id, ...legs.map((l) => l.transporterId), ...signatures.map((s) => s.enterprise_id), ...(rejection?.receiverId ? [rejection.receiverId] : [])]);
    const readerId = isParkRole(ctx.role) ? null : ctx.enterpriseId;
    const latest = !old.has(row.id);
    const summary = summaryOf(row, { partyOf, readerId, latest, settings, now });
    const facts = factsOf(row, latest);
    const ref = (r: { id: number; number: string; revision: number; kind: string; state: string }) => ({ id: r.id, number: r.number, revision: r.revision, kind: r.kind as ManifestKind, state: r.state as ManifestState });
    const spawned = rejection?.manifestId ? children.find((c) => c.id === rejection.manifestId) : undefined;
    const discrepancy = parseJson<Discrepancy>(row.discrepancy);
    const correction = parseJson<{ reason: string; by: string; at: number; fields: string[] }>(row.correction);
    const mayAct = readerId !== null && manifestPolicy.can(ctx, 'sign', readerId);
    const siteOf = (sid: number | null) => {
      const s = sites.find((x) => x.id === sid);
      return s ? { id: s.id, code: s.code, name: s.name } : null;
    };
    return {
      ...summary,
      identifier: row.identifier,
      site: siteOf(row.site_id),
      receiverSite: siteOf(row.receiver_site_id),
      route: row.route,
      note: row.note,
      lines: lines.map((l): Line => {
        const m = materials.get(l.materialId);
        return { ...l, materialCode: m?.code ?? '', materialName: m?.name ?? '', materialNameEn: m?.nameEn ?? null };
      }),
      legs: legs.map((l): Leg => {
        const took = signatures.find((s) => s.action === 'take_over' && s.party === 'transporter' && s.leg === l.leg);
        return { leg: l.leg, transporter: partyOf(l.transporterId), vehicle: l.vehicle, driver: l.driver, driverPhone: l.driverPhone, tookOverAt: took ? Number(took.at) : null };
      }),
      signatures: signatures.map((s): Signature => ({
        seq: s.seq,
        version: s.version,
        action: s.action as ManifestAction,
        party: s.party as ManifestParty,
        leg: s.leg,
        enterprise: partyOf(s.enterprise_id),
        user: s.username,
        role: s.role,
        via: s.via,
        at: Number(s.at),
        location: parseJson<SignatureLocation>(s.location),
        seen: parseJson<SeenQuantity[]>(s.seen) ?? [],
        detail: parseJson<Record<string, unknown>>(s.detail),
        note: s.note,
        prevHash: s.prev_hash,
        hash: s.hash,
      })),
      signaturesVerified: verifyChain(signatures.map((s) => ({ ...signatureFieldsOf(row, s), prevHash: s.prev_hash, hash: s.hash }))),
      actions: mayAct ? availableActions(facts, { enterpriseId: readerId }) : [],
      licenceProblems: await this.turnLicenceProblems(row, facts, now),
      discrepancyDetail: discrepancy && row.discrepancy_state ? { state: row.discrepancy_state as 'open' | 'resolved', tolerancePct: discrepancy.tolerancePct, lines: discrepancy.lines, resolution: discrepancy.resolution ?? null } : null,
      rejection: rejection ? { route: rejection.route, receiverId: rejection.receiverId, reason: rejection.reason, manifest: spawned ? ref(spawned) : null } : null,
      parent: parent ? ref(parent) : null,
      children: children.map(ref),
      revisions: revisions.map(ref),
      correction,
      links: {
        epcisEventIds: links.filter((l) => l.kind === 'epcis').map((l) => l.ref),
        flowIds: links.filter((l) => l.kind === 'flow').map((l) => Number(l.ref)).filter(Number.isFinite),
        alarmKeys: links.filter((l) => l.kind === 'alarm').map((l) => l.ref),
      },
      signedAt: num(row.signed_at),
      processedAt: num(row.processed_at),
      cancelledAt: num(row.cancelled_at),
      createdBy: row.created_by,
      createdAt: Number(row.created_at),
    };
  }

  /** The licence problems that would refuse the next signature, for the turn the manifest waits on. */
  private async turnLicenceProblems(row: ManifestRow, facts: ManifestFacts, now: number): Promise<LicenceProblem[]> {
    const turn = turnOf(facts);
    if (!turn) return [];
    const park = await this.neighbours.registry.getPark();
    const today = localDate(now, park.timezone);
    if (turn.actions.includes('sign')) return this.licenceCheck(row, facts.lines, { all: true }, row.planned_date);
    if (turn.party === 'transporter' && turn.actions.includes('take_over') && turn.leg !== null) return this.licenceCheck(row, facts.lines, { leg: turn.leg }, today);
    if (turn.party === 'receiver' && facts.state === 'delivered') return this.licenceCheck(row, facts.lines, { receiver: true }, today);
    return [];
  }

  private async licenceCheck(
    row: ManifestRow,
    lines: readonly ManifestLine[],
    scope: LicenceScope,
    on: string,
    over: { receiverId?: number; kind?: ManifestKind; declaredT?: number; receiverSiteId?: number | null } = {},
  ): Promise<LicenceProblem[]> {
    const legs = legsOf(row);
    const receiverId = over.receiverId ?? row.receiver_id;
    const partyIds = [receiverId, ...legs.map((l) => l.transporterId)];
    const [licences, use, directory] = await Promise.all([
      this.licencesOf(partyIds),
      this.neighbours.links.licenceUse(Number(on.slice(0, 4)), row.id, [receiverId]),
      this.neighbours.registry.directoryOf({ ids: [...new Set(partyIds)] }),
    ]);
    // The pure check names parties by id; a person reads their names.
    const named = (p: LicenceProblem): LicenceProblem => {
      const e = directory.find((d) => d.id === p.enterpriseId);
      return e ? { ...p, reason: p.reason.replace(`(enterprise ${p.enterpriseId})`, `${e.name} (${e.code})`) } : p;
    };
    return licenceProblems(
      {
        kind: over.kind ?? (row.kind as ManifestKind),
        receiverId,
        receiverSiteId: over.receiverSiteId !== undefined ? over.receiverSiteId : row.receiver_site_id,
        legs: legs.map((l) => ({ leg: l.leg, transporterId: l.transporterId, vehicle: l.vehicle })),
        lines: lines.map((l) => ({ line: l.line, hwCode: l.hwCode })),
        declaredT: over.declaredT ?? row.declared_t,
        on,
        licences,
        use,
      },
      scope,
    ).map(named);
  }

  private async licencesOf(enterpriseIds: readonly number[], trx?: Trx): Promise<LicenceFacts[]> {
    const rows = await (trx ?? this.all('the licences of the parties a manifest names are checked for it'))
      .selectFrom('waste_licences')
      .selectAll()
      .where('enterprise_id', 'in', [...new Set(enterpriseIds), -1])
      .execute();
    return rows.map(licenceFactsOf);
  }

  private async materials(ids: readonly number[], trx?: Trx): Promise<Map<number, Material>> {
    if (!ids.length) return new Map();
    const rows = await (trx ?? this.all('the catalogue materials a manifest names'))
      .selectFrom('materials')
      .select(['id', 'code', 'name', 'name_en', 'unit', 'hazardous', 'hw_code', 'density_kg_m3', 'enterprise_id'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((m) => [m.id, { id: m.id, code: m.code, name: m.name, nameEn: m.name_en, unit: m.unit, hazardous: Boolean(m.hazardous), hwCode: m.hw_code, densityKgM3: m.density_kg_m3 }]));
  }

  // ---- drafting -------------------------------------------------------------------------------

  /** The lines and legs of a draft as stored, checked against the catalogue and the directory; batches minted where a line names none. */
  private async draftContent(
    generatorId: number,
    body: { receiverId: number; receiverSiteId?: number | null; siteId?: number | null; lines: CreateManifest['lines']; legs: CreateManifest['legs'] },
    mintAs: AuthContext,
  ): Promise<{ lines: ManifestLine[]; legs: ManifestLeg[] }> {
    const errors: FieldError[] = [];
    const materials = await this.materials(body.lines.map((l) => l.materialId));
    body.lines.forEach((l, i) => {
      const m = materials.get(l.materialId);
      if (!m) errors.push({ path: `/body/lines/${i}/materialId`, message: 'no such material' });
      else if (!m.hazardous && m.hwCode === null) errors.push({ path: `/body/lines/${i}/materialId`, message: `${m.code} is not a hazardous waste: a manifest carries hazardous waste only` });
      else if (!l.hwCode && !m.hwCode) errors.push({ path: `/body/lines/${i}/hwCode`, message: `${m.code} has no waste code in the catalogue: name one` });
      else if (l.hwCode && m.hwCode && classOf(l.hwCode) !== classOf(m.hwCode)) errors.push({ path: `/body/lines/${i}/hwCode`, message: `${l.hwCode} is not of ${m.code}'s class ${classOf(m.hwCode)}` });
    });
    const enterprises = await this.all('whether the parties a manifest names exist (the directory is public)')
      .selectFrom('enterprises')
      .select('id')
      .where('id', 'in', [body.receiverId, ...body.legs.map((l) => l.transporterId)])
      .execute();
    const exists = new Set(enterprises.map((e) => e.id));
    if (!exists.has(body.receiverId)) errors.push({ path: '/body/receiverId', message: 'no such enterprise' });
    else if (body.receiverId === generatorId) errors.push({ path: '/body/receiverId', message: 'the receiver is another enterprise than the generator' });
    body.legs.forEach((l, i) => {
      if (!exists.has(l.transporterId)) errors.push({ path: `/body/legs/${i}/transporterId`, message: 'no such enterprise' });
    });
    const siteIds = [body.siteId, body.receiverSiteId].filter((s): s is number => typeof s === 'number');
    const sites = siteIds.length ? await this.all('whether the sites a manifest names belong to its parties').selectFrom('sites').select(['id', 'enterprise_id']).where('id', 'in', siteIds).execute() : [];
    const ownerOf = (sid: number) => sites.find((s) => s.id === sid)?.enterprise_id;
    if (typeof body.siteId === 'number' && ownerOf(body.siteId) !== generatorId) errors.push({ path: '/body/siteId', message: "not a site of the generator's" });
    if (typeof body.receiverSiteId === 'number' && ownerOf(body.receiverSiteId) !== body.receiverId) errors.push({ path: '/body/receiverSiteId', message: "not a site of the receiver's" });
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);

    const lines: ManifestLine[] = [];
    for (const [i, l] of body.lines.entries()) {
      const m = materials.get(l.materialId)!;
      const hwCode = l.hwCode ?? m.hwCode!;
      const batches = l.batches?.length ? l.batches : [await this.mintBatch(mintAs, m, hwCode)];
      lines.push({
        line: i + 1, materialId: m.id, hwCode, form: l.form, packaging: l.packaging, containers: l.containers, quantity: l.quantity, unit: l.unit ?? 't',
        hazards: l.hazards ?? hazardsOf(hwCode) ?? [], batches, received: null, receivedContainers: null, rejected: null, method: null, processed: null,
      });
    }
    const legs = body.legs.map((l, i): ManifestLeg => ({ leg: i + 1, transporterId: l.transporterId, vehicle: l.vehicle.trim(), driver: l.driver ?? null, driverPhone: l.driverPhone ?? null }));
    return { lines, legs };
  }

  /** A waste batch identifier minted for the generator; where the park has no identifier prefix yet, a URN. */
  private async mintBatch(ctx: AuthContext, m: Material, hwCode: string): Promise<string> {
    try {
      const minted = await this.neighbours.identity.mint(ctx, { kind: 'waste_batch', materialId: m.id, values: [{ type: 'DESC', value: `危险废物 ${hwCode} ${m.code}` }] });
      return minted.url;
    } catch (err) {
      if (err instanceof Problem && err.status === 409) return `urn:symbiont:waste-batch:${randomUUID()}`;
      throw err;
    }
  }

  /** The manifest's own identifier (its QR code), minted for its generator after the number exists; none while the park has no prefix. */
  private async attachIdentifier(ctx: AuthContext, id: number): Promise<void> {
    const row = await this.all('the manifest just written').selectFrom('manifests').select(['number', 'identifier', 'state']).where('id', '=', id).executeTakeFirst();
    if (!row || row.identifier !== null || row.state === 'closed') return;
    let url: string;
    try {
      url = (await this.neighbours.identity.mint(ctx, { kind: 'other', values: [{ type: 'DESC', value: `危险废物转移联单 ${row.number}` }] })).url;
    } catch (err) {
      if (err instanceof Problem && err.status === 409) return;
      throw err;
    }
    await this.db.updateTable('manifests').set({ identifier: url }).where('id', '=', id).where('identifier', 'is', null).where('state', '!=', 'closed').execute();
  }

  /** The next number of the park's format, its serial taken in `trx` (an upsert: concurrent creates on PostgreSQL queue on the year's row). */
  private async allocateNumber(trx: Trx, at: number): Promise<string> {
    const park = await trx.selectFrom('park').select(['code', 'timezone']).where('id', '=', 1).executeTakeFirstOrThrow();
    const day = localDate(at, park.timezone);
    const year = Number(day.slice(0, 4));
    const { next } = await trx
      .insertInto('manifest_sequences')
      .values({ year, next: 2 })
      .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ next: eb('manifest_sequences.next', '+', 1) })))
      .returning('next')
      .executeTakeFirstOrThrow();
    const row = await trx.selectFrom('manifest_settings').select('settings').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const settings: ManifestSettings = { ...DEFAULT_MANIFEST_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<ManifestSettings>) : {}) };
    return formatNumber(settings.numberFormat, { parkCode: park.code, regionCode: settings.regionCode, year, month: Number(day.slice(5, 7)), seq: Number(next) - 1 });
  }

  private async insertManifest(trx: Trx, values: Omit<ManifestRow, 'id'>): Promise<number> {
    const { id } = await trx.insertInto('manifests').values(values).returning('id').executeTakeFirstOrThrow();
    const legs = legsOf(values);
    await trx.insertInto('manifest_parties').values(partiesOf({ generatorId: values.enterprise_id, receiverId: values.receiver_id, transporterIds: legs.map((l) => l.transporterId) }).map((p) => ({ manifest_id: id, enterprise_id: p.enterpriseId, party: p.party, leg: p.leg }))).execute();
    return id;
  }

  async create(ctx: AuthContext, body: CreateManifest, opts: CreateOptions = {}): Promise<ManifestDetail> {
    if (ctx.enterpriseId === null || isParkRole(ctx.role)) throw forbidden('A manifest is drafted by its generator: the park is never a party to one');
    manifestPolicy.assert(ctx, 'create', ctx.enterpriseId);
    assertCalendarDay(body.plannedDate, '/body/plannedDate');
    const id = await this.createFor(ctx, ctx.enterpriseId, body, opts);
    return this.get(ctx, id);
  }

  private async createFor(ctx: AuthContext, generatorId: number, body: CreateManifest, opts: CreateOptions): Promise<number> {
    const { lines, legs } = await this.draftContent(generatorId, body, ctx);
    const at = opts.at ?? Date.now();
    const totals = totalsOf(lines);
    const id = await this.db.transaction().execute(async (trx) => {
      const number = await this.allocateNumber(trx, at);
      const id = await this.insertManifest(trx, {
        enterprise_id: generatorId, receiver_id: body.receiverId, number, revision: 0, kind: 'original', parent_id: null, state: 'draft', version: 1, identifier: null,
        site_id: body.siteId ?? null, receiver_site_id: body.receiverSiteId ?? null, planned_date: body.plannedDate, route: body.route ?? null,
        lines: JSON.stringify(lines), legs: JSON.stringify(legs), declared_t: totals.declaredT, received_t: null, accepted_t: null, handoffs_done: 0, handoff_half: null,
        rejection: null, discrepancy: null, discrepancy_state: null, deal_id: opts.dealId ?? null, delivery_id: opts.deliveryId ?? null, correction: null, note: body.note ?? null,
        signed_at: null, picked_up_at: null, delivered_at: null, received_at: null, processed_at: null, closed_at: null, cancelled_at: null, overdue_since: null,
        created_by: ctx.username, created_at: at, updated_at: at,
      });
      await this.audit.append(trx, ctx, { action: 'create', entity: 'manifest', entityId: id, enterpriseId: generatorId, before: null, after: { number, state: 'draft', version: 1, receiverId: body.receiverId, lines: lines.length, legs: legs.length, dealId: opts.dealId ?? null } }, at);
      await recordEvent(trx, 'manifests.manifest.changed', { manifestId: id, number, revision: 0, action: 'create', state: 'draft', version: 1, enterpriseIds: [...new Set([generatorId, body.receiverId, ...legs.map((l) => l.transporterId)])] });
      return id;
    });
    this.events?.wake();
    await this.attachIdentifier(ctx, id).catch((err) => this.log?.warn({ err, manifestId: id }, 'manifests: minting the identifier failed'));
    return id;
  }

  async patch(ctx: AuthContext, id: number, body: PatchManifest): Promise<ManifestDetail> {
    const row = await this.visibleRow(ctx, id);
    manifestPolicy.assert(ctx, 'create', ctx.enterpriseId);
    if (ctx.enterpriseId !== row.enterprise_id) throw forbidden('Only the generator edits its draft');
    if (row.state !== 'draft') throw conflict(`wrong_state: manifest ${row.number} is ${row.state}; only a draft is edited`);
    if (body.version !== row.version) throw conflict(`stale_version: manifest ${row.number} is at version ${row.version}, not ${body.version}; reload it`);
    if (body.plannedDate !== undefined) assertCalendarDay(body.plannedDate, '/body/plannedDate');
    const current = { lines: linesOf(row), legs: legsOf(row) };
    const receiverId = body.receiverId ?? row.receiver_id;
    const receiverSiteId = body.receiverSiteId !== undefined ? body.receiverSiteId : body.receiverId !== undefined && body.receiverId !== row.receiver_id ? null : row.receiver_site_id;
    const siteId = body.siteId !== undefined ? body.siteId : row.site_id;
    // Lines and legs given are replaced whole and checked again; those not given stay as they were.
    const content = await this.draftContent(
      row.enterprise_id,
      {
        receiverId,
        receiverSiteId,
        siteId,
        lines: body.lines ?? current.lines.map((l) => ({ materialId: l.materialId, hwCode: l.hwCode, form: l.form, packaging: l.packaging, containers: l.containers, quantity: l.quantity, unit: l.unit, hazards: l.hazards, batches: l.batches })),
        legs: body.legs ?? current.legs.map((l) => ({ transporterId: l.transporterId, vehicle: l.vehicle, ...(l.driver === null ? {} : { driver: l.driver }), ...(l.driverPhone === null ? {} : { driverPhone: l.driverPhone }) })),
      },
      ctx,
    );
    const now = Date.now();
    const totals = totalsOf(content.lines);
    const version = row.version + 1;
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('manifests')
        .set({
          receiver_id: receiverId, receiver_site_id: receiverSiteId, site_id: siteId, planned_date: body.plannedDate ?? row.planned_date,
          route: body.route !== undefined ? body.route : row.route, note: body.note !== undefined ? body.note : row.note,
          lines: JSON.stringify(content.lines), legs: JSON.stringify(content.legs), declared_t: totals.declaredT, version, updated_at: now,
        })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .where('state', '=', 'draft')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw conflict(`stale_version: manifest ${row.number} changed meanwhile; reload it`);
      await trx.deleteFrom('manifest_parties').where('manifest_id', '=', id).execute();
      await trx.insertInto('manifest_parties').values(partiesOf({ generatorId: row.enterprise_id, receiverId, transporterIds: content.legs.map((l) => l.transporterId) }).map((p) => ({ manifest_id: id, enterprise_id: p.enterpriseId, party: p.party, leg: p.leg }))).execute();
      await this.audit.append(trx, ctx, { action: 'update', entity: 'manifest', entityId: id, enterpriseId: row.enterprise_id, before: { version: row.version, receiverId: row.receiver_id, lines: current.lines.length, legs: current.legs.length }, after: { version, receiverId, lines: content.lines.length, legs: content.legs.length, fields: Object.keys(body).filter((k) => k !== 'version') } }, now);
      await recordEvent(trx, 'manifests.manifest.changed', { manifestId: id, number: row.number, revision: row.revision, action: 'update', state: 'draft', version, enterpriseIds: [...new Set([row.enterprise_id, receiverId, ...content.legs.map((l) => l.transporterId)])] });
    });
    this.events?.wake();
    return this.get(ctx, id);
  }

  // ---- signing --------------------------------------------------------------------------------

  async act(ctx: AuthContext, id: number, body: ManifestActionBody, opts: ActOptions = {}): Promise<ManifestDetail> {
    const row = await this.visibleRow(ctx, id);
    // A party's viewer reads but does not sign; the park watches and never signs.
    manifestPolicy.assert(ctx, 'sign', ctx.enterpriseId);
    const latest = !(await this.superseded([row])).has(row.id);
    const facts = factsOf(row, latest);
    const command: ManifestCommand = {
      action: body.action,
      version: body.version,
      seen: body.seen,
      rejected: body.rejected,
      rejection: body.rejection ? { route: body.rejection.route, receiverId: body.rejection.receiverId ?? null, reason: body.rejection.reason } : undefined,
      methods: body.methods,
      note: body.note,
      corrections: body.corrections,
    };
    const decision = nextManifest(facts, command, { enterpriseId: ctx.enterpriseId });
    if (!decision.ok) throw refusal(decision);
    const at = opts.at ?? Date.now();
    const park = await this.neighbours.registry.getPark();
    const today = localDate(at, park.timezone);
    const after = decision.manifest;
    const afterTotals = totalsOf(after.lines);

    // The licences, checked where the rules of 危险废物转移管理办法 put them: the generator's signature checks every party on the planned date, each taker its own on the day.
    let problems: LicenceProblem[] = [];
    if (decision.action === 'sign') problems = await this.licenceCheck(row, facts.lines, { all: true }, row.planned_date);
    else if (decision.action === 'take_over' && decision.party === 'transporter' && decision.leg !== null) problems = await this.licenceCheck(row, facts.lines, { leg: decision.leg }, today);
    else if (decision.action === 'accept' || decision.action === 'partially_reject') problems = await this.licenceCheck(row, facts.lines, { receiver: true }, today, { declaredT: afterTotals.acceptedT ?? row.declared_t });
    const spawn = decision.effects.find((e) => e.kind === 'spawn');
    if (spawn?.kind === 'spawn' && spawn.route === 'onward') {
      const known = await this.all('whether the onward receiver exists (the directory is public)').selectFrom('enterprises').select('id').where('id', '=', spawn.receiverId).executeTakeFirst();
      if (!known) throw validation('/body/rejection/receiverId no such enterprise', [{ path: '/body/rejection/receiverId', message: 'no such enterprise' }]);
      const rejectedLines = after.lines.filter((l) => spawn.lines.some((s) => s.line === l.line));
      const rejectedT = round(spawn.lines.reduce((s, x) => s + toTonnes(x.quantity, after.lines.find((l) => l.line === x.line)?.unit ?? 't'), 0));
      problems.push(...(await this.licenceCheck(row, rejectedLines, { receiver: true }, today, { receiverId: spawn.receiverId, kind: 'onward', declaredT: rejectedT, receiverSiteId: null })));
    }
    if (problems.length) throw conflict(`${problems[0].code}: ${problems.map((p) => p.reason).join('; ')}`);

    const settings = await this.settings();
    const effects = new Set(decision.effects.map((e) => e.kind));
    const detail = detailOf(body);
    const sig = { action: decision.action, party: decision.party, leg: decision.leg, location: body.location ?? null, seen: body.seen ?? null, detail, note: body.note ?? null };
    const enterpriseIds = (r: { enterprise_id: number; receiver_id: number; legs: string }) => [...new Set([r.enterprise_id, r.receiver_id, ...legsOf(r).map((l) => l.transporterId)])];

    const written = await this.db.transaction().execute(async (trx) => {
      if (decision.action === 'correct') {
        const newer = await trx.selectFrom('manifests').select('id').where('number', '=', row.number).where('revision', '>', row.revision).executeTakeFirst();
        if (newer) throw conflict(`stale_version: manifest ${row.number} was corrected meanwhile; correct its newest revision`);
        const totals = totalsOf(after.lines);
        const fields = [...new Set((body.corrections ?? []).flatMap((c) => Object.keys(c).filter((k) => k !== 'line')))];
        const correction = { reason: body.note ?? '', by: ctx.username, at, fields, previous: { id: row.id, revision: row.revision } };
        const { id: _old, ...copy } = row;
        void _old;
        let newId: number;
        try {
          newId = await this.insertManifest(trx, {
            ...copy, revision: row.revision + 1, state: 'closed', version: 1, lines: JSON.stringify(after.lines), declared_t: totals.declaredT, received_t: totals.receivedT, accepted_t: totals.acceptedT,
            correction: JSON.stringify(correction), created_by: ctx.username, created_at: at, updated_at: at,
          });
        } catch (err) {
          // The unique (number, revision) index settles two corrections of one revision at once.
          if (/unique|duplicate/i.test((err as Error).message)) throw conflict(`stale_version: manifest ${row.number} was corrected meanwhile`);
          throw err;
        }
        const newRow = await trx.selectFrom('manifests').selectAll().where('id', '=', newId).executeTakeFirstOrThrow();
        await this.appendSignature(trx, ctx, newRow, { ...sig, version: body.version, at });
        await this.audit.append(trx, ctx, { action: 'correct', entity: 'manifest', entityId: newId, enterpriseId: ctx.enterpriseId ?? row.enterprise_id, before: { id: row.id, revision: row.revision, state: row.state, version: row.version }, after: { id: newId, revision: row.revision + 1, state: 'closed', version: 1, fields, note: body.note ?? null } }, at);
        await recordEvent(trx, 'manifests.manifest.changed', { manifestId: newId, number: row.number, revision: row.revision + 1, action: 'correct', state: 'closed', version: 1, enterpriseIds: enterpriseIds(row) });
        return { id: newId, touched: [newId], spawnedId: null as number | null };
      }

      let spawnedId: number | null = null;
      let rejection = parseJson<Rejection>(row.rejection);
      if (spawn?.kind === 'spawn') {
        const legs = legsOf(row);
        const last = legs[legs.length - 1];
        const spawnedLines = spawn.lines.map((s, i): ManifestLine => {
          const l = after.lines.find((x) => x.line === s.line)!;
          return { ...l, line: i + 1, quantity: s.quantity, received: null, receivedContainers: null, rejected: null, method: null, processed: null };
        });
        const number = await this.allocateNumber(trx, at);
        const receiverId = spawn.route === 'return' ? row.enterprise_id : spawn.receiverId;
        spawnedId = await this.insertManifest(trx, {
          enterprise_id: row.receiver_id, receiver_id: receiverId, number, revision: 0, kind: spawn.route, parent_id: row.id, state: 'draft', version: 1, identifier: null,
          site_id: row.receiver_site_id, receiver_site_id: spawn.route === 'return' ? row.site_id : null, planned_date: today, route: null,
          lines: JSON.stringify(spawnedLines), legs: JSON.stringify(last ? [{ ...last, leg: 1 }] : []), declared_t: totalsOf(spawnedLines).declaredT, received_t: null, accepted_t: null,
          handoffs_done: 0, handoff_half: null, rejection: null, discrepancy: null, discrepancy_state: null, deal_id: null, delivery_id: null, correction: null,
          note: `${spawn.route === 'return' ? 'Returned' : 'Sent onward'}: the part of ${row.number} the receiver rejected (${command.rejection?.reason ?? ''})`,
          signed_at: null, picked_up_at: null, delivered_at: null, received_at: null, processed_at: null, closed_at: null, cancelled_at: null, overdue_since: null,
          created_by: ctx.username, created_at: at, updated_at: at,
        });
        rejection = { route: spawn.route, receiverId: spawn.route === 'onward' ? spawn.receiverId : null, reason: command.rejection?.reason ?? '', manifestId: spawnedId };
        await this.audit.append(trx, ctx, { action: 'create', entity: 'manifest', entityId: spawnedId, enterpriseId: row.receiver_id, before: null, after: { number, state: 'draft', version: 1, kind: spawn.route, parentId: row.id } }, at);
        await recordEvent(trx, 'manifests.manifest.changed', { manifestId: spawnedId, number, revision: 0, action: 'create', state: 'draft', version: 1, enterpriseIds: [...new Set([row.receiver_id, receiverId, ...(last ? [last.transporterId] : [])])] });
      } else if (command.rejection && (decision.action === 'reject' || decision.action === 'partially_reject')) {
        rejection = { route: command.rejection.route, receiverId: command.rejection.receiverId ?? null, reason: command.rejection.reason, manifestId: null };
      }

      let discrepancy = parseJson<Discrepancy>(row.discrepancy);
      let discrepancyState = after.discrepancyState;
      if (effects.has('received')) {
        discrepancy = discrepancyOf(after.lines, settings);
        discrepancyState = discrepancy ? 'open' : null;
      }
      if (effects.has('discrepancy_resolved') && discrepancy) discrepancy = { ...discrepancy, resolution: { note: body.note ?? '', by: ctx.username, at } };

      const stamp = (effect: ManifestEffect['kind'], column: number | string | null) => (effects.has(effect) ? at : num(column));
      const updated = await trx
        .updateTable('manifests')
        .set({
          state: after.state, version: after.version, lines: JSON.stringify(after.lines), handoffs_done: after.handoffsDone, handoff_half: after.handoffGiven ? 'given' : null,
          declared_t: afterTotals.declaredT, received_t: afterTotals.receivedT, accepted_t: afterTotals.acceptedT,
          rejection: rejection ? JSON.stringify(rejection) : null, discrepancy: discrepancy ? JSON.stringify(discrepancy) : null, discrepancy_state: discrepancyState,
          signed_at: decision.action === 'sign' ? at : num(row.signed_at),
          picked_up_at: stamp('picked_up', row.picked_up_at), delivered_at: stamp('delivered', row.delivered_at), received_at: stamp('received', row.received_at),
          processed_at: stamp('processed', row.processed_at), closed_at: stamp('closed', row.closed_at), cancelled_at: stamp('cancelled', row.cancelled_at),
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', body.version)
        .executeTakeFirst();
      // The version in the WHERE makes a concurrent answer to the same version lose here, not overwrite.
      if (Number(updated.numUpdatedRows) !== 1) throw conflict(`stale_version: manifest ${row.number} changed meanwhile; reload it and sign again`);
      const current = await trx.selectFrom('manifests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await this.appendSignature(trx, ctx, current, { ...sig, version: body.version, at });
      await this.audit.append(
        trx,
        ctx,
        {
          action: decision.action, entity: 'manifest', entityId: id, enterpriseId: ctx.enterpriseId ?? row.enterprise_id,
          before: { state: row.state, version: row.version, handoffsDone: row.handoffs_done },
          after: { state: after.state, version: after.version, handoffsDone: after.handoffsDone, party: decision.party, leg: decision.leg, ...(spawnedId ? { spawnedId } : {}), ...(discrepancyState !== row.discrepancy_state ? { discrepancy: discrepancyState } : {}) },
        },
        at,
      );
      await recordEvent(trx, 'manifests.manifest.changed', { manifestId: id, number: row.number, revision: row.revision, action: decision.action, state: after.state, version: after.version, enterpriseIds: enterpriseIds(row) });
      return { id, touched: spawnedId ? [id, spawnedId] : [id], spawnedId };
    });
    this.events?.wake();
    if (written.spawnedId !== null) await this.attachIdentifier(ctx, written.spawnedId).catch((err) => this.log?.warn({ err, manifestId: written.spawnedId }, 'manifests: minting the identifier failed'));
    for (const touched of written.touched) await this.applyLinks(touched);
    return this.get(ctx, written.id);
  }

  private async applyLinks(id: number): Promise<void> {
    try {
      await this.neighbours.links.apply(id);
    } catch (err) {
      // The durable processor of manifests.manifest.changed applies them again.
      this.log?.warn({ err, manifestId: id }, 'manifests: writing the links failed; the processor retries');
    }
  }

  private async appendSignature(
    trx: Trx,
    ctx: AuthContext,
    row: ManifestRow,
    s: { action: ManifestAction; party: ManifestParty; leg: number | null; version: number; at: number; location: SignatureLocation | null; seen: SeenQuantity[] | null; detail: Record<string, unknown> | null; note: string | null },
  ): Promise<void> {
    const last = await trx.selectFrom('manifest_signatures').select(['seq', 'hash']).where('manifest_id', '=', row.id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? ZERO_HASH;
    const values = {
      manifest_id: row.id, seq, version: s.version, action: s.action, party: s.party, leg: s.leg, enterprise_id: ctx.enterpriseId!, user_id: ctx.userId, username: ctx.username, role: ctx.role, via: ctx.via, at: s.at,
      location: s.location ? JSON.stringify(s.location) : null, seen: s.seen ? JSON.stringify(s.seen) : null,
      // The digest of what was signed is kept with the signature: the lines change with later steps, and the chain is verified against what each signer saw.
      detail: JSON.stringify({ ...(s.detail ?? {}), content: contentDigest({ lines: JSON.parse(row.lines) as ManifestLine[], legs: JSON.parse(row.legs) as ManifestLeg[], receiverId: row.receiver_id }) }),
      note: s.note,
    };
    const hash = signatureHash(prevHash, signatureFieldsOf(row, values));
    await trx.insertInto('manifest_signatures').values({ ...values, prev_hash: prevHash, hash }).execute();
  }

  // ---- the park's watch -----------------------------------------------------------------------

  async overview(ctx: AuthContext, q: { year?: number }): Promise<Overview> {
    manifestPolicy.assert(ctx, 'read');
    const now = Date.now();
    const park = await this.neighbours.registry.getPark();
    const year = q.year ?? Number(localDate(now, park.timezone).slice(0, 4));
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const db = this.all('narrowed to the manifests the caller is a party to');
    const latest = visibleManifests(db, ctx).where((eb) =>
      eb.not(eb.exists(eb.selectFrom('manifests as newer').select('newer.id').whereRef('newer.number', '=', 'manifests.number').whereRef('newer.revision', '>', 'manifests.revision'))),
    );
    const [planned, received, processed, watched] = await Promise.all([
      latest.select(['state', 'declared_t']).where('planned_date', '>=', `${year}-01-01`).where('planned_date', '<=', `${year}-12-31`).execute(),
      latest.select(['received_at', 'accepted_t']).where('received_at', '>=', start).where('received_at', '<', end).execute(),
      latest.select(['processed_at', 'lines']).where('processed_at', '>=', start).where('processed_at', '<', end).execute(),
      latest.selectAll().where((eb) => eb.or([eb('state', 'in', [...OPEN_STATES]), eb('discrepancy_state', '=', 'open')])).orderBy('planned_date').orderBy('id').execute(),
    ]);
    const byState = new Map<string, { state: ManifestState; count: number; declaredT: number }>();
    for (const r of planned) {
      const s = byState.get(r.state) ?? { state: r.state as ManifestState, count: 0, declaredT: 0 };
      s.count++;
      s.declaredT = round(s.declaredT + r.declared_t);
      byState.set(r.state, s);
    }
    const months = Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, manifests: 0, acceptedT: 0, utilizedT: 0, disposedT: 0 }));
    const monthOf = (ms: number | string | null) => months[Number(localDate(Number(ms), park.timezone).slice(5, 7)) - 1];
    for (const r of received) {
      const m = monthOf(r.received_at);
      if (!m) continue;
      m.manifests++;
      m.acceptedT = round(m.acceptedT + (r.accepted_t ?? 0));
    }
    for (const r of processed) {
      const m = monthOf(r.processed_at);
      if (!m) continue;
      for (const l of JSON.parse(r.lines) as ManifestLine[]) {
        const fate = l.method ? methodOf(l.method)?.fate : undefined;
        const t = toTonnes(l.processed ?? 0, l.unit);
        if (fate === 'utilization') m.utilizedT = round(m.utilizedT + t);
        else if (fate === 'disposal') m.disposedT = round(m.disposedT + t);
      }
    }
    const summaries = await this.summaries(ctx, watched, now);
    const licences = await (isParkRole(ctx.role) ? db.selectFrom('waste_licences').selectAll() : db.selectFrom('waste_licences').selectAll().where('enterprise_id', '=', ctx.enterpriseId ?? -1))
      .where('kind', '=', 'receiver')
      .orderBy('enterprise_id')
      .orderBy('number')
      .execute();
    const use = licences.length ? await this.neighbours.links.licenceUse(year) : [];
    const partyOf = await this.partyRefs(licences.map((l) => l.enterprise_id));
    const today = localDate(now, park.timezone);
    return {
      scope: isParkRole(ctx.role) ? 'park' : 'enterprise',
      year,
      byState: [...byState.values()],
      months,
      openDiscrepancies: summaries.filter((s) => s.discrepancy === 'open'),
      overdue: summaries.filter((s) => s.overdue !== null),
      open: summaries.filter((s) => (OPEN_STATES as readonly string[]).includes(s.state)),
      capacity: licences.map((l) => {
        const u = use.find((x) => x.licenceId === l.id);
        const facts = licenceFactsOf(l);
        return {
          receiver: partyOf(l.enterprise_id), licenceNumber: l.number, codes: facts.codes, validFrom: l.valid_from, validTo: l.valid_to, valid: l.valid_from <= today && today <= l.valid_to,
          annualCapacityT: l.annual_capacity_t, acceptedT: round(u?.acceptedT ?? 0), inFlightT: round(u?.inFlightT ?? 0), leftT: capacityLeft(facts, u),
        };
      }),
    };
  }

  async vocabulary(): Promise<{ methods: { code: string; fate: 'utilization' | 'disposal'; name: string; nameEn: string }[]; hazards: { hwCode: string; hazards: ManifestLine['hazards'] }[] }> {
    const codes = await this.all('the park catalogue (rows with no enterprise)').selectFrom('materials').select('hw_code').where('hw_code', 'is not', null).where('enterprise_id', 'is', null).distinct().orderBy('hw_code').execute();
    return {
      methods: METHOD_CODES.map((m) => ({ code: m.code, fate: m.fate, name: m.name, nameEn: m.nameEn })),
      hazards: codes.flatMap((c) => {
        const hazards = hazardsOf(c.hw_code!);
        return hazards ? [{ hwCode: c.hw_code!, hazards }] : [];
      }),
    };
  }

  async getSettings(ctx: AuthContext): Promise<ManifestSettings & { updatedBy: string | null; updatedAt: number | null }> {
    manifestSettingsPolicy.assert(ctx, 'read');
    return this.settings();
  }

  async putSettings(ctx: AuthContext, body: ManifestSettings): Promise<ManifestSettings & { updatedBy: string | null; updatedAt: number | null }> {
    manifestSettingsPolicy.assert(ctx, 'update');
    const problems = settingsProblems(body);
    if (problems.length) throw validation(problems.map((e) => `${e.path} ${e.message}`).join('; '), problems);
    const before = await this.settings();
    const now = Date.now();
    const settings: ManifestSettings = {
      numberFormat: body.numberFormat, regionCode: body.regionCode, discrepancyTolerancePct: body.discrepancyTolerancePct, containerTolerance: body.containerTolerance,
      pickupAllowanceDays: body.pickupAllowanceDays, transitAllowanceHours: body.transitAllowanceHours,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('manifest_settings').values({ settings: JSON.stringify(settings), updated_by: ctx.username, updated_at: now }).execute();
      const { updatedBy: _by, updatedAt: _at, ...was } = before;
      void _by;
      void _at;
      await this.audit.append(trx, ctx, { action: 'update', entity: 'manifest_settings', entityId: null, enterpriseId: null, before: was, after: settings }, now);
    });
    return this.settings();
  }

  async pdf(ctx: AuthContext, id: number, lang: 'zh-CN' | 'en'): Promise<{ number: string; pdf: Buffer }> {
    const [detail, park] = await Promise.all([this.get(ctx, id), this.neighbours.registry.getPark()]);
    // Loaded on first use: the renderer (fonts, QR) is heavy and only the PDF route needs it.
    const { renderManifestPdf } = await import('./pdf.ts');
    return { number: detail.number, pdf: await renderManifestPdf(detail, lang, { publicUrl: this.neighbours.identity.baseUrl ?? undefined, timeZone: park.timezone }) };
  }

  /** Raises and clears the overdue alarms at `now` (the worker's `manifests:overdue` job). */
  sweep(now?: number): Promise<{ raised: number; cleared: number }> {
    return this.neighbours.links.sweep(now);
  }

  // ---- the exchange's port --------------------------------------------------------------------

  /** A draft for a delivery of a hazardous deal, drafted for its supplier (the generator); the one already open for the delivery if there is one. */
  async openForDelivery(ctx: AuthContext, input: { dealId: number; deliveryId: number; supplierId: number; receiverId: number; materialId: number; quantity: number; due: string }): Promise<{ id: number; number: string }> {
    const existing = await this.all('the manifest of a delivery, for the exchange')
      .selectFrom('manifests')
      .select(['id', 'number'])
      .where('delivery_id', '=', input.deliveryId)
      // A cancelled or wholly rejected manifest carried nothing: the delivery needs a new one.
      .where('state', 'not in', ['cancelled', 'rejected'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (existing) return existing;
    const material = (await this.materials([input.materialId])).get(input.materialId);
    if (!material) throw validation(`material ${input.materialId} does not exist`, [{ path: '/body/materialId', message: 'no such material' }]);
    const perT = tonnesPerUnitOf(material.unit, material.densityKgM3);
    // A manifest declares weight: a material counted in pieces, or a volume without a density, cannot be declared for the supplier.
    if (perT === null) throw conflict(`${material.code} is counted in ${material.unit} with no density: its manifest is drafted by hand (POST /api/v1/manifests)`);
    const quantityT = round(input.quantity * perT);
    if (!(quantityT > 0)) throw validation(`delivery ${input.deliveryId} plans no quantity to declare`, [{ path: '/body/quantity', message: 'must be more than 0' }]);
    // Drafted as the supplier's: it is its manifest, whichever party's answer opened it.
    const asSupplier: AuthContext = { userId: null, username: ctx.username, role: 'enterprise_admin', enterpriseId: input.supplierId, via: 'system' };
    const id = await this.createFor(
      asSupplier,
      input.supplierId,
      {
        receiverId: input.receiverId, plannedDate: input.due, legs: [],
        // Form and packaging are the supplier's to state in its draft before signing; bulk solid is where it starts.
        lines: [{ materialId: input.materialId, form: 'solid', packaging: 'bulk', containers: 0, quantity: quantityT, unit: 't' }],
        note: `exchange deal ${input.dealId}, delivery ${input.deliveryId} (due ${input.due})`,
      },
      { dealId: input.dealId, deliveryId: input.deliveryId },
    );
    const row = await this.all('the manifest just drafted').selectFrom('manifests').select(['id', 'number']).where('id', '=', id).executeTakeFirstOrThrow();
    return row;
  }

  /** t per receiver and waste code that manifests took (accepted in `year`) or hold (signed, not yet received), for the exchange's licence use. */
  async licenceUse(year: number): Promise<{ receiverId: number; hwCode: string; t: number }[]> {
    const rows = await this.all('licence use is the park-wide sum the planner subtracts from capacities')
      .selectFrom('manifests')
      .select(['receiver_id', 'lines', 'state', 'received_at'])
      .where('kind', '!=', 'return')
      .where((eb) => eb.or([eb.and([eb('received_at', '>=', Date.UTC(year, 0, 1)), eb('received_at', '<', Date.UTC(year + 1, 0, 1))]), eb('state', 'in', [...OPEN_STATES])]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('manifests as newer').select('newer.id').whereRef('newer.number', '=', 'manifests.number').whereRef('newer.revision', '>', 'manifests.revision'))))
      .execute();
    const sums = new Map<string, { receiverId: number; hwCode: string; t: number }>();
    for (const r of rows) {
      const inFlight = r.received_at === null;
      for (const l of JSON.parse(r.lines) as ManifestLine[]) {
        const t = inFlight ? toTonnes(l.quantity, l.unit) : toTonnes(Math.max(0, (l.received ?? 0) - (l.rejected ?? 0)), l.unit);
        const key = `${r.receiver_id}|${l.hwCode}`;
        const sum = sums.get(key) ?? { receiverId: r.receiver_id, hwCode: l.hwCode, t: 0 };
        sum.t = round(sum.t + t);
        sums.set(key, sum);
      }
    }
    return [...sums.values()];
  }
}

function licenceFactsOf(l: { id: number; enterprise_id: number; number: string; kind: string; codes: string; annual_capacity_t: number | null; valid_from: string; valid_to: string; site_id: number | null; vehicle: string | null }): LicenceFacts {
  return {
    id: l.id, enterpriseId: l.enterprise_id, number: l.number, kind: l.kind as LicenceFacts['kind'], codes: parseJson<string[]>(l.codes) ?? [], annualCapacityT: l.annual_capacity_t,
    validFrom: l.valid_from, validTo: l.valid_to, siteId: l.site_id, vehicle: l.vehicle,
  };
}

/** What a signature says of its action beyond who, when, where and what was seen: the rejection, the methods, the corrections. */
function detailOf(body: ManifestActionBody): Record<string, unknown> | null {
  const detail: Record<string, unknown> = {};
  if (body.rejected) detail.rejected = body.rejected;
  if (body.rejection) detail.rejection = body.rejection;
  if (body.methods) detail.methods = body.methods;
  if (body.corrections) detail.corrections = body.corrections;
  return Object.keys(detail).length ? detail : null;
}

/** The fields a signature's hash covers, from its row and the manifest row it signs. */
function signatureFieldsOf(
  m: Pick<ManifestRow, 'id' | 'number' | 'revision'>,
  s: { seq: number; version: number; action: string; party: string; leg: number | null; enterprise_id: number; user_id: number | null; username: string; role: string; via: string; at: number | string; location: string | null; seen: string | null; detail: string | null; note: string | null },
): SignatureFields {
  return {
    manifestId: m.id, number: m.number, revision: m.revision, seq: s.seq, version: s.version, action: s.action, party: s.party, leg: s.leg, enterpriseId: s.enterprise_id,
    userId: s.user_id, username: s.username, role: s.role, via: s.via, at: Number(s.at), location: parseJson(s.location), seen: parseJson<SeenQuantity[]>(s.seen) ?? [], detail: parseJson(s.detail), note: s.note,
    content: parseJson<{ content?: string }>(s.detail)?.content ?? '',
  };
}

/** A refusal of the state machine as the problem the API answers. */
function refusal(d: { code: string; reason: string; status: 400 | 403 | 409 }): Problem {
  const detail = `${d.code}: ${d.reason}`;
  return d.status === 400 ? validation(detail) : d.status === 403 ? forbidden(detail) : conflict(detail);
}

/** A YYYY-MM-DD that names a real day (the schema's pattern lets 2026-13-45 through). */
function assertCalendarDay(day: string, path: string): void {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d) throw validation(`${path} ${day} is not a day of the calendar`, [{ path, message: 'is not a day of the calendar' }]);
}
