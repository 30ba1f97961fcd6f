/**
 * The registry's use cases beyond the generic collections: the park itself, its summary, and
 * keeping the shipped material catalogue in the database.
 */
import { sql, stringListColumn, type Db, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { ResourceService, type SomeResourceService } from '../../core/crud/service.ts';
import type { Item, Row } from '../../core/crud/store.ts';
import { forbidden, notFound, validation, type FieldError } from '../../core/errors.ts';
import { parseAllowlist } from '../../core/outbound.ts';
import { isNameField, nameProblem, textProblem } from '../../core/crud/text.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { scoped } from '../../core/tenancy.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import { loadCatalogue } from './catalogue/catalogue.ts';
import { deviceSpec, enterpriseSpec, materialSpec, siteSpec, tagSpec, unitSpec } from './resources.ts';

export interface Park {
  code: string;
  name: string;
  nameEn: string | null;
  timezone: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  identifierPrefix: string | null;
  updatedAt: number;
}

const PARK_COLUMNS: Record<keyof Omit<Park, 'updatedAt'>, string> = {
  code: 'code',
  name: 'name',
  nameEn: 'name_en',
  timezone: 'timezone',
  address: 'address',
  lat: 'lat',
  lng: 'lng',
  identifierPrefix: 'identifier_prefix',
};

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

export class RegistryService {
  readonly enterprises: ResourceService;
  readonly sites: ResourceService<typeof siteSpec>;
  readonly units: ResourceService<typeof unitSpec>;
  readonly devices: ResourceService<typeof deviceSpec>;
  readonly tags: ResourceService<typeof tagSpec>;
  readonly materials: ResourceService<typeof materialSpec>;

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditStore,
  ) {
    this.enterprises = new EnterpriseService(handle, enterpriseSpec, audit, { afterWrite: (trx, _action, before, after) => companyPrefixesWritten(trx, before, after) });
    this.sites = new ResourceService(handle, siteSpec, audit);
    this.units = new ResourceService(handle, unitSpec, audit);
    // Device items carry deviceSpec.extraItemFields (online, last seen), from the status provider.
    this.devices = new ResourceService(handle, deviceSpec, audit, { decorate: (items) => this.decorateDevices(items) });
    this.tags = new ResourceService(handle, tagSpec, audit);
    this.materials = new ResourceService(handle, materialSpec, audit);
  }

  private deviceStatus: DeviceStatusProvider | null = null;

  /**
   * The hook through which another module supplies device items' `online` and `lastSeenAt` (the
   * composition root connects telemetry to it; the registry does not depend on telemetry). Once.
   */
  provideDeviceStatus(provider: DeviceStatusProvider): void {
    if (this.deviceStatus) throw new Error('the device status provider is already set');
    this.deviceStatus = provider;
  }

  private async decorateDevices(items: { id: unknown; [k: string]: unknown }[]): Promise<void> {
    const statuses = items.length && this.deviceStatus ? await this.deviceStatus(items.map((i) => Number(i.id))) : new Map<number, DeviceStatus>();
    for (const item of items) {
      const s = statuses.get(Number(item.id));
      item.online = s ? s.online : this.deviceStatus ? false : null;
      item.lastSeenAt = s ? s.lastSeenAt : null;
    }
  }

  get collections(): SomeResourceService[] {
    return [this.enterprises, this.sites, this.units, this.devices, this.tags, this.materials];
  }

  /**
   * The park's directory: every enterprise's code, names and GLN, for any signed-in user. These are
   * what a counterparty needs to name a party or a share rule's grantee, not the enterprise's data.
   */
  async directory(): Promise<{ id: number; code: string; name: string; nameEn: string | null; gln: string | null }[]> {
    const rows = await this.handle.db.selectFrom('enterprises').select(['id', 'code', 'name', 'name_en', 'gln']).orderBy('code').execute();
    return rows.map((r) => ({ id: Number(r.id), code: String(r.code), name: String(r.name), nameEn: r.name_en === null ? null : String(r.name_en), gln: r.gln === null ? null : String(r.gln) }));
  }

  async getPark(): Promise<Park> {
    const row = await this.handle.db.selectFrom('park').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) throw notFound('The park');
    return parkOf(row);
  }

  async hasPark(): Promise<boolean> {
    return (await this.handle.db.selectFrom('park').select('id').where('id', '=', 1).executeTakeFirst()) !== undefined;
  }

  /** Creates the park record if there is none, or updates it; park administrators only. */
  async savePark(ctx: AuthContext, patch: Partial<Omit<Park, 'updatedAt'>>): Promise<Park> {
    if (ctx.role !== 'park_admin') throw forbidden('Only a park administrator may change the park');
    const now = Date.now();
    const set: Record<string, unknown> = { updated_at: now };
    const errors: FieldError[] = [];
    for (const [k, v] of Object.entries(patch)) {
      const col = PARK_COLUMNS[k as keyof typeof PARK_COLUMNS];
      if (!col || v === undefined) continue;
      // The park's names are held to the same rule as every record's (src/core/crud/text.ts).
      const value = typeof v === 'string' && isNameField(k) ? v.trim() : v;
      const why = typeof value !== 'string' ? null : isNameField(k) ? nameProblem(value) : textProblem(value);
      if (why) errors.push({ path: `/body/${k}`, message: why });
      set[col] = value;
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    await this.handle.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('park').selectAll().where('id', '=', 1).executeTakeFirst();
      if (current) await trx.updateTable('park').set(set).where('id', '=', 1).execute();
      else {
        const full = { ...DEFAULT_PARK, ...patch };
        const row: Record<string, unknown> = { id: 1, created_at: now, updated_at: now };
        for (const [k, col] of Object.entries(PARK_COLUMNS)) row[col] = full[k as keyof typeof full] ?? null;
        await trx.insertInto('park').values(row).execute();
      }
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
    if (!isParkRole(ctx.role)) throw forbidden('Only park roles may read the outbound allow-list');
    return { entries: await readOutboundAllowlist(this.handle.db) };
  }

  /** Replaces the outbound allow-list; park administrators only, audited. */
  async setOutboundAllowlist(ctx: AuthContext, entries: string[]): Promise<{ entries: string[] }> {
    if (ctx.role !== 'park_admin') throw forbidden('Only a park administrator may change the outbound allow-list');
    const { errors } = parseAllowlist(entries);
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    const list = [...new Set(entries.map((e) => e.trim().toLowerCase()))];
    await this.handle.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('park').select('outbound_allowlist').where('id', '=', 1).executeTakeFirst();
      if (!current) throw notFound('The park');
      await trx.updateTable('park').set({ outbound_allowlist: JSON.stringify(list) }).where('id', '=', 1).execute();
      await this.audit.append(trx, ctx, { action: 'update', entity: 'park_outbound_allowlist', entityId: 1, enterpriseId: null, before: { entries: stringListColumn(current.outbound_allowlist) }, after: { entries: list } });
    });
    return { entries: list };
  }

  /** Counts of what the caller may see, for the overview page. */
  async summary(ctx: AuthContext) {
    const db = this.handle.db;
    const count = async (table: string, opts: { column?: string; sharedWhenNull?: boolean } = {}) => {
      const r = await scoped(db.selectFrom(table), ctx, opts).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    };
    const [enterprises, sites, units, devices, tags, materials, users, byIndustry, devicesByEnterprise] = await Promise.all([
      count('enterprises', { column: 'id' }),
      count('sites'),
      count('units'),
      count('devices'),
      count('tags'),
      count('materials', { sharedWhenNull: true }),
      count('users'),
      scoped(db.selectFrom('enterprises'), ctx, { column: 'id' })
        .select(['industry', (eb) => eb.fn.countAll().as('n')])
        .groupBy('industry')
        .orderBy('industry')
        .execute(),
      scoped(db.selectFrom('enterprises'), ctx, { column: 'enterprises.id' })
        .leftJoin('devices', 'devices.enterprise_id', 'enterprises.id')
        .select(['enterprises.id', 'enterprises.code', 'enterprises.name', 'enterprises.name_en', (eb) => eb.fn.count('devices.id').as('n')])
        .groupBy(['enterprises.id', 'enterprises.code', 'enterprises.name', 'enterprises.name_en'])
        .orderBy('enterprises.code')
        .execute(),
    ]);
    return {
      counts: { enterprises, sites, units, devices, tags, materials, users },
      enterprisesByIndustry: byIndustry.map((r) => ({ industry: String(r.industry), count: Number(r.n) })),
      devicesByEnterprise: devicesByEnterprise.map((r) => ({
        enterpriseId: Number(r.id),
        code: String(r.code),
        name: String(r.name),
        nameEn: r.name_en === null ? null : String(r.name_en),
        count: Number(r.n),
      })),
    };
  }

  /**
   * Brings the park catalogue up to the shipped version: new entries are added, entries of an
   * older version are updated; entries an operator added or edited at the current version stay.
   */
  async syncCatalogue(ctx: AuthContext, onProgress?: (done: number, total: number) => void): Promise<{ added: number; updated: number; version: number }> {
    const catalogue = loadCatalogue();
    const existing = await this.handle.db
      .selectFrom('materials')
      .select(['id', 'code', 'catalogue_version'])
      .where('enterprise_id', 'is', null)
      .execute();
    const byCode = new Map(existing.map((r) => [String(r.code), r]));
    let added = 0;
    let updated = 0;
    let done = 0;
    for (const m of catalogue.materials) {
      const row = byCode.get(m.code);
      const extra = { catalogue_version: catalogue.version };
      if (!row) {
        await this.materials.create(ctx, { ...m, enterpriseId: null }, extra);
        added++;
      } else if (row.catalogue_version !== null && Number(row.catalogue_version) < catalogue.version) {
        const { code: _code, ...rest } = m;
        await this.materials.update(ctx, Number(row.id), rest, extra);
        updated++;
      }
      onProgress?.(++done, catalogue.materials.length);
    }
    return { added, updated, version: catalogue.version };
  }
}

function parkOf(row: Record<string, unknown>): Park {
  return {
    code: String(row.code),
    name: String(row.name),
    nameEn: (row.name_en as string | null) ?? null,
    timezone: String(row.timezone),
    address: (row.address as string | null) ?? null,
    lat: row.lat === null ? null : Number(row.lat),
    lng: row.lng === null ? null : Number(row.lng),
    identifierPrefix: (row.identifier_prefix as string | null) ?? null,
    updatedAt: Number(row.updated_at),
  };
}

/** The park's outbound allow-list as stored (empty when none). Read at every webhook connect. */
export async function readOutboundAllowlist(db: Db | Tx): Promise<string[]> {
  const row = await db.selectFrom('park').select('outbound_allowlist').where('id', '=', 1).executeTakeFirst();
  return stringListColumn(row?.outbound_allowlist);
}


/** Enterprises, with `gs1CompanyPrefixes` written by park administrators only. */
class EnterpriseService extends ResourceService {
  override async create(ctx: AuthContext, input: Record<string, unknown>, extraRow: Row = {}): Promise<Item> {
    if (input.gs1CompanyPrefixes !== undefined && input.gs1CompanyPrefixes !== null && ctx.role !== 'park_admin') {
      throw forbidden('Only a park administrator records GS1 company prefixes');
    }
    return super.create(ctx, input, extraRow);
  }

  override async update(ctx: AuthContext, id: number, patch: Record<string, unknown>, extraRow: Row = {}): Promise<Item> {
    if (patch.gs1CompanyPrefixes !== undefined && ctx.role !== 'park_admin') {
      // The same value sent back by a form is not a change; anything else is the park's to write.
      const current = await this.get(ctx, id);
      if (JSON.stringify(current.gs1CompanyPrefixes ?? null) !== JSON.stringify(patch.gs1CompanyPrefixes)) {
        throw forbidden('Only a park administrator records GS1 company prefixes');
      }
    }
    return super.update(ctx, id, patch, extraRow);
  }
}

/**
 * Inside the enterprise write's transaction: recorded prefixes are unique across enterprises and
 * none is a prefix of another enterprise's; GS1 keys other enterprises' identifiers held under a
 * newly recorded prefix are released (gs1_key NULL: they keep their handle, lose the key mapping),
 * so the prefix holder owns every key under its prefix.
 */
async function companyPrefixesWritten(trx: Tx, before: Item | null, after: Item | null): Promise<void> {
  if (!after) return;
  const next = (after.gs1CompanyPrefixes as string[] | null) ?? [];
  const prev = new Set((before?.gs1CompanyPrefixes as string[] | null) ?? []);
  const added = next.filter((p) => !prev.has(p));
  if (added.length === 0) return;
  const others = await trx.selectFrom('enterprises').select(['id', 'code', 'gs1_company_prefixes']).where('gs1_company_prefixes', 'is not', null).where('id', '!=', after.id).execute();
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
  for (const p of added) {
    await trx
      .updateTable('identifiers')
      .set({ gs1_key: null })
      .where('gs1_key', 'is not', null)
      .where('enterprise_id', '!=', after.id)
      .where(sql<boolean>`substr(gtin, 2, ${sql.lit(p.length)}) = ${p}`)
      .execute();
  }
}
