/**
 * The registry's use cases beyond the generic collections: the park itself, its summary, and
 * keeping the shipped material catalogue in the database.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql, stringListColumn, tablesOf, type Db, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { isTrue } from '../../adapters/db/tables.ts';
import { ResourceService, type SomeResourceService } from '../../core/crud/service.ts';
import type { Row } from '../../core/crud/store.ts';
import type { CreateOf, ItemOf, PatchOf } from '../../core/crud/spec.ts';
import { notFound, validation, type FieldError } from '../../core/errors.ts';
import { parseAllowlist, type OutboundPolicy, type Resolver } from '../../core/outbound.ts';
import { isNameField, nameProblem, textProblem } from '../../core/crud/text.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { MAX_LIMIT } from '../../core/crud/schemas.ts';
import { moduleDb, tenantDb, unscoped } from '../../core/tenancy.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { gtinUnderPrefix } from '../identity/model.ts';
import { loadCatalogue } from './catalogue/catalogue.ts';
import { deviceSpec, enterpriseSpec, materialSpec, siteSpec, tagSpec, unitSpec } from './resources.ts';
import type { DirectoryEntry, Park, ParkPatch, Summary } from './schemas.ts';
import { parkPolicy } from './policy.ts';
import type { ParkTable, RegistryTables } from './tables.ts';
import type { SERVICE_STATES } from './model.ts';

export type { Park, ParkPatch } from './schemas.ts';

type Enterprise = ItemOf<typeof enterpriseSpec>;
type Device = ItemOf<typeof deviceSpec>;

export const DEFAULT_PARK: Omit<Park, 'updatedAt'> = {
  code: 'park',
  name: '循环经济产业园',
  nameEn: 'Circular Economy Park',
  timezone: 'Asia/Shanghai',
  address: null,
  lat: null,
  lng: null,
  identifierPrefix: null,
};

/** What the registry shows of a device's connection (the telemetry module knows it). */
export interface DeviceStatus {
  online: boolean;
  lastSeenAt: number | null;
}

/** Statuses of the given devices; a device missing from the answer shows as never seen. */
export type DeviceStatusProvider = (deviceIds: number[]) => Promise<ReadonlyMap<number, DeviceStatus>>;

/** How many user accounts the caller may see (the auth module knows them). */
export type UserCountProvider = (ctx: AuthContext) => Promise<number>;

/**
 * Runs inside the transaction that records new GS1 company prefixes for an enterprise: the identity
 * module releases the GS1 keys other enterprises' identifiers hold under them, so that the change
 * and its consequence commit together.
 */
export type CompanyPrefixesRecorded = (trx: Tx, enterpriseId: number, prefixes: string[]) => Promise<void>;

/** The enterprise holding the recorded GS1 company prefix a GTIN is under. */
export interface PrefixHolder {
  enterpriseId: number;
  prefix: string;
}

export class RegistryService {
  readonly enterprises: EnterpriseService;
  readonly sites: ResourceService<typeof siteSpec>;
  readonly units: ResourceService<typeof unitSpec>;
  readonly devices: ResourceService<typeof deviceSpec>;
  readonly tags: ResourceService<typeof tagSpec>;
  readonly materials: ResourceService<typeof materialSpec>;

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
  ) {
    this.enterprises = new EnterpriseService(handle, enterpriseSpec, audit, { afterWrite: (trx, _action, before, after) => this.companyPrefixesWritten(trx, before, after) });
    this.sites = new ResourceService(handle, siteSpec, audit);
    this.units = new ResourceService(handle, unitSpec, audit);
    // Device items carry deviceSpec.extraItemFields (online, last seen), from the status provider.
    this.devices = new ResourceService(handle, deviceSpec, audit, { decorate: (items) => this.decorateDevices(items) });
    this.tags = new ResourceService(handle, tagSpec, audit);
    this.materials = new ResourceService(handle, materialSpec, audit);
  }

  private deviceStatus: DeviceStatusProvider | null = null;
  private userCount: UserCountProvider | null = null;
  private prefixesRecorded: CompanyPrefixesRecorded | null = null;

  /**
   * The registry's own tables; other modules' data comes through the providers below. All but the
   * park record are tenants': read through `tenantDb(this.db, ctx)`, or `unscoped` with the reason.
   */
  private get db() {
    return moduleDb(tablesOf<RegistryTables>(this.handle.db));
  }

  /**
   * The hook through which another module supplies device items' `online` and `lastSeenAt` (the
   * composition root connects telemetry to it; the registry does not depend on telemetry). Once.
   */
  provideDeviceStatus(provider: DeviceStatusProvider): void {
    if (this.deviceStatus) throw new Error('the device status provider is already set');
    this.deviceStatus = provider;
  }

  /** The hook through which the auth module counts users for the summary (set by the composition root). Once. */
  provideUserCount(provider: UserCountProvider): void {
    if (this.userCount) throw new Error('the user count provider is already set');
    this.userCount = provider;
  }

  /** The hook the identity module keeps GS1 keys consistent with recorded prefixes through (composition root). Once. */
  onCompanyPrefixesRecorded(hook: CompanyPrefixesRecorded): void {
    if (this.prefixesRecorded) throw new Error('the company prefix hook is already set');
    this.prefixesRecorded = hook;
  }

  private async decorateDevices(items: Device[]): Promise<void> {
    const statuses = items.length && this.deviceStatus ? await this.deviceStatus(items.map((i) => i.id)) : new Map<number, DeviceStatus>();
    for (const item of items) {
      const s = statuses.get(item.id);
      // The items are the service's own, made for this response: filled in place (the fields are read-only to callers).
      Object.assign(item, { online: s ? s.online : this.deviceStatus ? false : null, lastSeenAt: s ? s.lastSeenAt : null });
    }
  }

  /**
   * Inside the enterprise write's transaction: recorded prefixes are unique across enterprises and
   * none is a prefix of another enterprise's; then the identity module releases the GS1 keys other
   * enterprises' identifiers hold under a newly recorded prefix, so the prefix holder owns every
   * key under its prefix from the commit on.
   */
  private async companyPrefixesWritten(trx: Tx, before: Enterprise | null, after: Enterprise | null): Promise<void> {
    if (!after) return;
    const next = after.gs1CompanyPrefixes ?? [];
    const prev = new Set(before?.gs1CompanyPrefixes ?? []);
    const added = next.filter((p) => !prev.has(p));
    if (added.length === 0) return;
    const others = await tablesOf<RegistryTables>(trx)
      .selectFrom('enterprises')
      .select(['id', 'code', 'gs1_company_prefixes'])
      .where('gs1_company_prefixes', 'is not', null)
      .where('id', '!=', after.id)
      .execute();
    const errors: FieldError[] = [];
    for (const p of added) {
      for (const o of others) {
        const clash = stringListColumn(o.gs1_company_prefixes).find((q) => q.startsWith(p) || p.startsWith(q));
        if (clash !== undefined) {
          errors.push({ path: `/body/gs1CompanyPrefixes/${next.indexOf(p)}`, message: `overlaps ${clash}, recorded for the enterprise ${o.code}` });
          break;
        }
      }
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    if (!this.prefixesRecorded) throw new Error('the company prefix hook is not set');
    await this.prefixesRecorded(trx, after.id, added);
  }

  get collections(): SomeResourceService[] {
    return [this.enterprises, this.sites, this.units, this.devices, this.tags, this.materials];
  }

  /**
   * The park's directory: every enterprise's code, names and GLN, for any signed-in user. These are
   * what a counterparty needs to name a party or a share rule's grantee, not the enterprise's data.
   */
  async directory(): Promise<DirectoryEntry[]> {
    const rows = await unscoped(this.db, "the park's directory names every enterprise to every user")
      .selectFrom('enterprises').select(['id', 'code', 'name', 'name_en', 'gln']).orderBy('code').execute();
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, nameEn: r.name_en, gln: r.gln }));
  }

  /**
   * Every process unit of the park with its enterprise, code and names: the flow ledger keeps a
   * node per unit (src/modules/flows/nodes.ts), for the park's own structure, not a caller's read.
   */
  async unitDirectory(): Promise<{ id: number; enterpriseId: number; code: string; name: string; nameEn: string | null }[]> {
    const rows = await unscoped(this.db, "the flow ledger's nodes mirror the park's units")
      .selectFrom('units').select(['id', 'enterprise_id', 'code', 'name', 'name_en']).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, enterpriseId: r.enterprise_id, code: r.code, name: r.name, nameEn: r.name_en }));
  }

  /** An enterprise's code by id, whoever asks (codes name enterprises in generated identifiers); undefined if there is none. */
  async enterpriseCode(id: number): Promise<string | undefined> {
    return (await unscoped(this.db, 'an enterprise code is directory data').selectFrom('enterprises').select('code').where('id', '=', id).executeTakeFirst())?.code;
  }

  /**
   * The enterprise holding a recorded GS1 company prefix that the GTIN (14 digits) is under (the
   * longest), or null. `trx`: the caller's open transaction, where it checks inside one.
   */
  async companyPrefixHolder(gtin14: string, trx?: Tx): Promise<PrefixHolder | null> {
    const why = 'GS1 company prefixes are the park’s record of who holds which GTINs, whoever asks';
    const db = trx ? unscoped(tablesOf<RegistryTables>(trx), why) : unscoped(this.db, why);
    const rows = await db.selectFrom('enterprises').select(['id', 'gs1_company_prefixes']).where('gs1_company_prefixes', 'is not', null).execute();
    let best: PrefixHolder | null = null;
    for (const r of rows) {
      for (const p of stringListColumn(r.gs1_company_prefixes)) {
        if (gtinUnderPrefix(gtin14, p) && (!best || p.length > best.prefix.length)) best = { enterpriseId: r.id, prefix: p };
      }
    }
    return best;
  }

  /** Whether a material exists that an enterprise may use: its own, or one of the park catalogue. */
  /**
   * The materials the caller may use, one per code, read through the material resource (so its
   * tenancy applies): the park catalogue and, for an enterprise, its own (which wins over a
   * catalogue entry of the same code); park roles see every enterprise's too, the catalogue's
   * winning a shared code.
   */
  async usableMaterials(ctx: AuthContext): Promise<Map<string, ItemOf<typeof materialSpec>>> {
    const items: ItemOf<typeof materialSpec>[] = [];
    for (let offset = 0; ; offset += MAX_LIMIT) {
      const page = await this.materials.list(ctx, { limit: MAX_LIMIT, offset });
      items.push(...page.items);
      if (page.items.length < MAX_LIMIT || items.length >= page.total) break;
    }
    const rank = (owner: number | null) => (owner === null ? (isParkRole(ctx.role) ? 2 : 1) : owner === ctx.enterpriseId ? 2 : 0);
    const out = new Map<string, { rank: number; item: ItemOf<typeof materialSpec> }>();
    for (const item of items) {
      const known = out.get(item.code);
      const k = rank(item.enterpriseId ?? null);
      if (!known || k > known.rank) out.set(item.code, { rank: k, item });
    }
    return new Map([...out].map(([code, { item }]) => [code, item]));
  }

  async materialUsableBy(materialId: number, enterpriseId: number): Promise<boolean> {
    // For the enterprise named, which the caller's module has already checked; the answer says no more than yes or no.
    const m = await unscoped(this.db, 'whether a material is usable by a given enterprise').selectFrom('materials').select('enterprise_id').where('id', '=', materialId).executeTakeFirst();
    return m !== undefined && (m.enterprise_id === null || m.enterprise_id === enterpriseId);
  }

  /**
   * Ids of the materials whose code or names contain the text (case-insensitive; `%` and `_` are
   * literal), for other modules' searches by material name.
   */
  async materialIdsMatching(text: string): Promise<number[]> {
    const p = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (col: 'name' | 'name_en' | 'code') => sql<boolean>`lower(${sql.ref(col)}) like ${p} escape '\\'`;
    // Ids only: the caller's own query applies its tenant filter to the rows they lead to.
    const rows = await unscoped(this.db, 'material ids for another module’s search, filtered there')
      .selectFrom('materials').select('id').where((eb) => eb.or([like('name'), like('name_en'), like('code')])).execute();
    return rows.map((r) => r.id);
  }

  async getPark(): Promise<Park> {
    const row = await this.db.selectFrom('park').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) throw notFound('The park');
    return parkOf(row);
  }

  async hasPark(): Promise<boolean> {
    return (await this.db.selectFrom('park').select('id').where('id', '=', 1).executeTakeFirst()) !== undefined;
  }

  /** Creates the park record if there is none, or updates it; park administrators only. */
  async savePark(ctx: AuthContext, patch: ParkPatch): Promise<Park> {
    parkPolicy.assert(ctx, 'update');
    const now = Date.now();
    const cleaned: ParkPatch = { ...patch };
    const errors: FieldError[] = [];
    for (const k of Object.keys(patch)) {
      if (!isParkTextField(k)) continue;
      const v = cleaned[k];
      if (typeof v !== 'string') continue;
      // The park's names are held to the same rule as every record's (src/core/crud/text.ts).
      const value = isNameField(k) ? v.trim() : v;
      const why = isNameField(k) ? nameProblem(value) : textProblem(value);
      if (why) errors.push({ path: `/body/${k}`, message: why });
      cleaned[k] = value;
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    await this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('park').selectAll().where('id', '=', 1).executeTakeFirst();
      if (current) await trx.updateTable('park').set({ ...parkColumns(cleaned), updated_at: now }).where('id', '=', 1).execute();
      else await trx.insertInto('park').values({ ...parkColumns(withDefaults(cleaned)), id: 1, created_at: now, updated_at: now }).execute();
      const after = await trx.selectFrom('park').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      await this.audit.append(trx, ctx, { action: current ? 'update' : 'create', entity: 'park', entityId: 1, enterpriseId: null, before: current ? parkOf(current) : null, after: parkOf(after) });
    });
    return this.getPark();
  }

  /**
   * The park's outbound allow-list: webhook destinations (hosts, host:port, addresses, CIDR ranges)
   * the outbound guard lets through although they are internal. Park roles read it.
   */
  async outboundAllowlist(ctx: AuthContext): Promise<{ entries: string[] }> {
    parkPolicy.assert(ctx, 'readAllowlist');
    return { entries: await readOutboundAllowlist(this.handle.db) };
  }

  /** Replaces the outbound allow-list; park administrators only, audited. */
  async setOutboundAllowlist(ctx: AuthContext, entries: string[]): Promise<{ entries: string[] }> {
    parkPolicy.assert(ctx, 'update');
    const { errors } = parseAllowlist(entries);
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    const list = [...new Set(entries.map((e) => e.trim().toLowerCase()))];
    await this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('park').select('outbound_allowlist').where('id', '=', 1).executeTakeFirst();
      if (!current) throw notFound('The park');
      await trx.updateTable('park').set({ outbound_allowlist: JSON.stringify(list) }).where('id', '=', 1).execute();
      await this.audit.append(trx, ctx, { action: 'update', entity: 'park_outbound_allowlist', entityId: 1, enterpriseId: null, before: { entries: stringListColumn(current.outbound_allowlist) }, after: { entries: list } });
    });
    return { entries: list };
  }

  /** Counts of what the caller may see, for the overview page. */
  async summary(ctx: AuthContext): Promise<Summary> {
    const db = tenantDb(this.db, ctx);
    const userCount = this.userCount;
    if (!userCount) throw new Error('the user count provider is not set');
    const count = async (table: 'enterprises' | 'sites' | 'units' | 'devices' | 'tags' | 'materials', opts: { column?: string; sharedWhenNull?: boolean } = {}) => {
      const r = await db.selectFrom(table, opts).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return r.n;
    };
    const [enterprises, sites, units, devices, tags, materials, users, byIndustry, devicesByEnterprise] = await Promise.all([
      count('enterprises', { column: 'id' }),
      count('sites'),
      count('units'),
      count('devices'),
      count('tags'),
      count('materials', { sharedWhenNull: true }),
      userCount(ctx),
      db.selectFrom('enterprises', { column: 'id' })
        .select(['industry', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('industry')
        .orderBy('industry')
        .execute(),
      db.selectFrom('enterprises', { column: 'enterprises.id' })
        .leftJoin('devices', 'devices.enterprise_id', 'enterprises.id')
        .select(['enterprises.id', 'enterprises.code', 'enterprises.name', 'enterprises.name_en', (eb) => eb.fn.count<number>('devices.id').as('n')])
        .groupBy(['enterprises.id', 'enterprises.code', 'enterprises.name', 'enterprises.name_en'])
        .orderBy('enterprises.code')
        .execute(),
    ]);
    return {
      counts: { enterprises, sites, units, devices, tags, materials, users },
      enterprisesByIndustry: byIndustry.map((r) => ({ industry: r.industry, count: r.n })),
      devicesByEnterprise: devicesByEnterprise.map((r) => ({ enterpriseId: r.id, code: r.code, name: r.name, nameEn: r.name_en, count: r.n })),
    };
  }

  /**
   * Brings the park catalogue up to the shipped version: new entries are added, entries of an
   * older version are updated; entries an operator added or edited at the current version stay.
   */
  async syncCatalogue(ctx: AuthContext, onProgress?: (done: number, total: number) => void): Promise<{ added: number; updated: number; version: number }> {
    const catalogue = loadCatalogue();
    const existing = await unscoped(this.db, 'the park catalogue (no enterprise) is synchronised at start-up')
      .selectFrom('materials')
      .select(['id', 'code', 'catalogue_version'])
      .where('enterprise_id', 'is', null)
      .execute();
    const byCode = new Map(existing.map((r) => [r.code, r]));
    let added = 0;
    let updated = 0;
    let done = 0;
    for (const m of catalogue.materials) {
      const row = byCode.get(m.code);
      const extra = { catalogue_version: catalogue.version };
      if (!row) {
        await this.materials.create(ctx, { ...m, enterpriseId: null }, extra);
        added++;
      } else if (row.catalogue_version !== null && row.catalogue_version < catalogue.version) {
        const { code: _code, ...rest } = m;
        await this.materials.update(ctx, row.id, rest, extra);
        updated++;
      }
      onProgress?.(++done, catalogue.materials.length);
    }
    return { added, updated, version: catalogue.version };
  }

  /**
   * A device and its tags as a transport needs them to accept a reading, by code or id, without a
   * caller (a device authenticates itself; telemetry checks the user, where there is one). Read
   * fresh: telemetry keeps its own short-lived cache of the answers.
   */
  async deviceForIngest(ref: { code: string } | { id: number }): Promise<{ id: number; code: string; enterpriseId: number; enabled: boolean; tags: { id: number; key: string }[] } | undefined> {
    const db = unscoped(this.db, 'ingestion: a device authenticates itself, and its reading names no caller');
    const q = db.selectFrom('devices').select(['id', 'code', 'enterprise_id', 'enabled']);
    const row = await ('code' in ref ? q.where('code', '=', ref.code) : q.where('id', '=', ref.id)).executeTakeFirst();
    if (!row) return undefined;
    const tags = await db.selectFrom('tags').select(['id', 'key']).where('device_id', '=', row.id).orderBy('id').execute();
    return { id: row.id, code: row.code, enterpriseId: row.enterprise_id, enabled: isTrue(row.enabled), tags };
  }

  /** The ids of every device the caller may see, in id order (for views that list all of them). */
  async visibleDeviceIds(ctx: AuthContext): Promise<number[]> {
    const rows = await tenantDb(this.db, ctx).selectFrom('devices').select('id').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  /**
   * The directory entries (code, names, GLN) of the enterprises with the given ids or GLNs: how
   * another module names the enterprises its records point at (trace: the parties an event names,
   * who recorded it) without reading the table. One query per 500 keys, so a capture of thousands
   * of events asks a few.
   */
  async directoryOf(keys: { ids?: readonly number[]; glns?: readonly string[] }): Promise<Awaited<ReturnType<RegistryService['directory']>>> {
    const found = new Map<number, Awaited<ReturnType<RegistryService['directory']>>[number]>();
    const db = unscoped(this.db, 'directory entries, which every user may see');
    const columns = ['id', 'code', 'name', 'name_en as nameEn', 'gln'] as const;
    for (let i = 0; i < (keys.ids?.length ?? 0); i += 500) {
      for (const r of await db.selectFrom('enterprises').select(columns).where('id', 'in', keys.ids!.slice(i, i + 500)).execute()) found.set(r.id, r);
    }
    for (let i = 0; i < (keys.glns?.length ?? 0); i += 500) {
      for (const r of await db.selectFrom('enterprises').select(columns).where('gln', 'in', keys.glns!.slice(i, i + 500)).execute()) found.set(r.id, r);
    }
    return [...found.values()].sort((a, b) => a.id - b.id);
  }

  /**
   * Every tag (with its kind and limits) and every device (with its unit, kind and service state),
   * and the park's time zone: what alarm rules resolve against. One read of each table, because
   * the alarm runtime resolves thousands of rules against tens of thousands of tags at once.
   */
  async alarmSubjects(): Promise<AlarmSubjects> {
    const db = unscoped(this.db, "alarm evaluation acts for the platform: every enterprise's rules on its own tags and devices");
    const [tags, devices, park] = await Promise.all([
      db.selectFrom('tags').select(['id', 'enterprise_id', 'device_id', 'key', 'kind', 'low_low_limit', 'low_limit', 'high_limit', 'high_high_limit']).orderBy('id').execute(),
      db.selectFrom('devices').select(['id', 'enterprise_id', 'unit_id', 'kind', 'service_state']).orderBy('id').execute(),
      this.db.selectFrom('park').select('timezone').where('id', '=', 1).executeTakeFirst(),
    ]);
    return {
      timezone: park?.timezone ?? 'UTC',
      tags: tags.map((t) => ({
        id: t.id, enterpriseId: t.enterprise_id, deviceId: t.device_id, key: t.key, kind: t.kind,
        lowLow: t.low_low_limit, low: t.low_limit, high: t.high_limit, highHigh: t.high_high_limit,
      })),
      devices: devices.map((d) => ({ id: d.id, enterpriseId: d.enterprise_id, unitId: d.unit_id, kind: d.kind, serviceState: d.service_state as DeviceServiceState })),
    };
  }

  /** The tags that have at least one limit (a tag's own limits are an alarm rule), in id order. */
  async tagsWithLimits(): Promise<{ id: number; enterpriseId: number; kind: string }[]> {
    const rows = await unscoped(this.db, "a tag's own limits are alarm rules, whichever enterprise owns the tag")
      .selectFrom('tags')
      .select(['id', 'enterprise_id', 'kind'])
      .where((eb) => eb.or([eb('low_low_limit', 'is not', null), eb('low_limit', 'is not', null), eb('high_limit', 'is not', null), eb('high_high_limit', 'is not', null)]))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, enterpriseId: r.enterprise_id, kind: r.kind }));
  }

  /**
   * The devices among `ids` that are not in service (maintenance, out of service), with that state;
   * a device missing from the answer is in service or does not exist. `trx`: the caller's open
   * transaction, where it decides inside one (on SQLite a read beside it would wait for it).
   */
  async deviceServiceStates(ids: readonly number[], trx?: Tx): Promise<Map<number, DeviceServiceState>> {
    const why = 'alarm suppression follows every enterprise’s device service states';
    const db = trx ? unscoped(tablesOf<RegistryTables>(trx), why) : unscoped(this.db, why);
    const unique = [...new Set(ids)];
    const out = new Map<number, DeviceServiceState>();
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await db.selectFrom('devices').select(['id', 'service_state']).where('id', 'in', unique.slice(i, i + 500)).where('service_state', '!=', 'in_service').execute();
      for (const r of rows) out.set(r.id, r.service_state as DeviceServiceState);
    }
    return out;
  }

  /**
   * Display names of the tags, devices and enterprises other records point at (an alarm's tag name
   * and key, device code, enterprise code), one query per kind and 500 ids. The caller has already
   * decided that its reader may see the records naming them; an id with no row is left out.
   */
  async namesOf(ids: { tagIds?: readonly number[]; deviceIds?: readonly number[]; enterpriseIds?: readonly number[] }): Promise<SubjectNames> {
    const db = unscoped(this.db, 'names of what records the caller may see point at');
    const out: SubjectNames = { tags: new Map(), devices: new Map(), enterprises: new Map() };
    const chunks = (list: readonly number[] | undefined): number[][] => {
      const unique = [...new Set(list ?? [])];
      const parts: number[][] = [];
      for (let i = 0; i < unique.length; i += 500) parts.push(unique.slice(i, i + 500));
      return parts;
    };
    await Promise.all([
      ...chunks(ids.tagIds).map(async (part) => {
        for (const r of await db.selectFrom('tags').select(['id', 'name', 'key']).where('id', 'in', part).execute()) out.tags.set(r.id, { name: r.name, key: r.key });
      }),
      ...chunks(ids.deviceIds).map(async (part) => {
        for (const r of await db.selectFrom('devices').select(['id', 'code']).where('id', 'in', part).execute()) out.devices.set(r.id, { code: r.code });
      }),
      ...chunks(ids.enterpriseIds).map(async (part) => {
        for (const r of await db.selectFrom('enterprises').select(['id', 'code']).where('id', 'in', part).execute()) out.enterprises.set(r.id, { code: r.code });
      }),
    ]);
    return out;
  }

  /**
   * A cheap fingerprint of what alarmSubjects answers: count and latest change of tags and devices
   * (a delete changes a count, an insert or edit a latest change) and the park's time zone. Two
   * aggregate reads instead of reading tens of thousands of tags every few seconds.
   */
  async subjectsVersion(): Promise<string> {
    const db = unscoped(this.db, 'the fingerprint of every enterprise’s tags and devices, for alarm evaluation');
    const [tags, devices, park] = await Promise.all([
      db.selectFrom('tags').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')]).executeTakeFirstOrThrow(),
      db.selectFrom('devices').select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('at')]).executeTakeFirstOrThrow(),
      this.db.selectFrom('park').select('timezone').where('id', '=', 1).executeTakeFirst(),
    ]);
    return `${Number(tags.n)}@${Number(tags.at ?? 0)}|${Number(devices.n)}@${Number(devices.at ?? 0)}|${park?.timezone ?? 'UTC'}`;
  }

  /**
   * The distinct kinds of the tags of `key` on the given devices, as far as `ctx` may see them: what
   * a new alarm rule on a key of several devices measures (alarms' rule defaults).
   */
  async tagKindsOf(ctx: AuthContext, key: string, deviceIds: readonly number[]): Promise<string[]> {
    const kinds = new Set<string>();
    const unique = [...new Set(deviceIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await tenantDb(this.db, ctx).selectFrom('tags').select('kind').distinct().where('key', '=', key).where('device_id', 'in', unique.slice(i, i + 500)).execute();
      for (const r of rows) kinds.add(r.kind);
    }
    return [...kinds].sort();
  }
}

/** A device's service state: alarms of a device outside service are suppressed. */
export type DeviceServiceState = (typeof SERVICE_STATES)[number];

/** What alarm rules resolve against (RegistryService.alarmSubjects). */
export interface AlarmSubjects {
  /** The park's IANA time zone (UTC when there is no park record yet). */
  timezone: string;
  tags: { id: number; enterpriseId: number; deviceId: number; key: string; kind: string; lowLow: number | null; low: number | null; high: number | null; highHigh: number | null }[];
  devices: { id: number; enterpriseId: number; unitId: number | null; kind: string; serviceState: DeviceServiceState }[];
}

/** Display names by id (RegistryService.namesOf). */
export interface SubjectNames {
  tags: Map<number, { name: string; key: string }>;
  devices: Map<number, { code: string }>;
  enterprises: Map<number, { code: string }>;
}

function parkOf(row: Selectable<ParkTable>): Park {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    timezone: row.timezone,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    identifierPrefix: row.identifier_prefix,
    updatedAt: row.updated_at,
  };
}

/** The park's columns of the given fields (absent ones are left out of the write: Kysely skips undefined). */
function parkColumns(p: Omit<Park, 'updatedAt'>): Omit<Insertable<ParkTable>, 'id' | 'created_at' | 'updated_at'>;
function parkColumns(p: ParkPatch): Updateable<ParkTable>;
function parkColumns(p: ParkPatch): Updateable<ParkTable> {
  return { code: p.code, name: p.name, name_en: p.nameEn, timezone: p.timezone, address: p.address, lat: p.lat, lng: p.lng, identifier_prefix: p.identifierPrefix };
}

/** A first park record: the given fields, DEFAULT_PARK's for the others. */
function withDefaults(p: ParkPatch): Omit<Park, 'updatedAt'> {
  const d = DEFAULT_PARK;
  const or = <T>(v: T | undefined, otherwise: T): T => (v === undefined ? otherwise : v);
  return {
    code: or(p.code, d.code), name: or(p.name, d.name), nameEn: or(p.nameEn, d.nameEn), timezone: or(p.timezone, d.timezone),
    address: or(p.address, d.address), lat: or(p.lat, d.lat), lng: or(p.lng, d.lng), identifierPrefix: or(p.identifierPrefix, d.identifierPrefix),
  };
}

const PARK_TEXT_FIELDS = ['code', 'name', 'nameEn', 'timezone', 'address', 'identifierPrefix'] as const;
function isParkTextField(k: string): k is (typeof PARK_TEXT_FIELDS)[number] {
  return (PARK_TEXT_FIELDS as readonly string[]).includes(k);
}

/** The park's outbound allow-list as stored (empty when none). Read at every webhook connect. */
export async function readOutboundAllowlist(anyDb: Db | Tx): Promise<string[]> {
  const row = await tablesOf<RegistryTables>(anyDb).selectFrom('park').select('outbound_allowlist').where('id', '=', 1).executeTakeFirst();
  return stringListColumn(row?.outbound_allowlist);
}

/** Where webhooks may go: the park's allow-list (read at every check) and name resolution (tests inject either). */
export interface OutboundOptions {
  allowlist?: () => Promise<readonly string[]>;
  resolve?: Resolver;
}

/** The outbound guard's policy now: the park's allow-list as stored (an administrator's change applies at the next call), the resolver. */
export async function outboundPolicy(db: Db, opts: OutboundOptions = {}): Promise<OutboundPolicy> {
  const allowlist = await (opts.allowlist ?? (() => readOutboundAllowlist(db)))();
  return { allowlist, resolve: opts.resolve };
}


/** Enterprises, with `gs1CompanyPrefixes` written by park administrators only. */
class EnterpriseService extends ResourceService<typeof enterpriseSpec> {
  override async create(ctx: AuthContext, input: CreateOf<typeof enterpriseSpec>, extraRow: Row = {}): Promise<Enterprise> {
    if (input.gs1CompanyPrefixes !== undefined && input.gs1CompanyPrefixes !== null) parkPolicy.assert(ctx, 'recordCompanyPrefixes');
    return super.create(ctx, input, extraRow);
  }

  override async update(ctx: AuthContext, id: number, patch: PatchOf<typeof enterpriseSpec>, extraRow: Row = {}): Promise<Enterprise> {
    if (patch.gs1CompanyPrefixes !== undefined && !parkPolicy.can(ctx, 'recordCompanyPrefixes')) {
      // The same value sent back by a form is not a change; anything else is the park's to write.
      const current = await this.get(ctx, id);
      if (JSON.stringify(current.gs1CompanyPrefixes ?? null) !== JSON.stringify(patch.gs1CompanyPrefixes)) {
        parkPolicy.assert(ctx, 'recordCompanyPrefixes');
      }
    }
    return super.update(ctx, id, patch, extraRow);
  }
}
