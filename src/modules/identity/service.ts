/**
 * Identifiers: minting for lots, products, packages, waste batches and devices, their typed values,
 * resolution in the Handle REST form (local prefix here, other prefixes through configured peer
 * resolvers with caching that honours ttl), GS1 Digital Link lookups, and QR labels.
 */
import QRCode from 'qrcode';
import type { Selectable, Transaction } from 'kysely';
import type { DbHandle, Tx } from '../../adapters/db/index.ts';
import { isUniqueViolation, sql, tablesOf } from '../../adapters/db/index.ts';
import { isTrue } from '../../adapters/db/tables.ts';
import { conflict, forbidden, notFound, validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import { canSee, moduleDb, tenantDb, unscoped } from '../../core/tenancy.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import type { RegistryService } from '../registry/service.ts';
import { identifierPolicy } from './policy.ts';
import { GS1_ALNUM_PATTERN, gs1KeyOf, localDay, normalizeGtin, RESPONSE, SUFFIX_PATTERN, suffixFor, toHandleValue, type StoredValue } from './model.ts';
import type { HandleResponse, IdentifierItem, ListQuery, MintInput, ValueInput } from './schemas.ts';
import type { IdentifiersTable, IdentityTables } from './tables.ts';

export type { IdentifierItem, MintInput, ValueInput } from './schemas.ts';

export interface Resolution {
  /** A peer's 200, 401 and 404 pass through; 502 when it does not answer or answers anything else. */
  status: 200 | 401 | 404 | 502;
  body: HandleResponse;
}

type IdentityTx = Transaction<IdentityTables>;

const DEFAULT_TTL = 86_400;
/** Value types the list search treats as the item's name (the demo and the console use DESC). */
const NAME_TYPES = ['DESC', 'NAME', 'DESCRIPTION'];

/** A LIKE pattern matching `text` anywhere, its wildcards escaped (with ESCAPE '\\'). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class IdentityService {
  /** The node's public base URL, known once it listens (set by the composition root). */
  baseUrl = 'http://127.0.0.1:8080';
  private readonly cache = new Map<string, { until: number; resolution: Resolution }>();

  constructor(
    private readonly handle: DbHandle,
    private readonly registry: RegistryService,
    private readonly audit: AuditStore,
    /** prefix → base URL of the node authoritative for it */
    private readonly peers: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * The module's own tables; enterprises, materials and the park come from the registry's service.
   * `identifiers` is a tenant's: read through `tenantDb(this.db, ctx)`, or `unscoped` with the reason.
   */
  private get db() {
    return moduleDb(tablesOf<IdentityTables>(this.handle.db));
  }

  async localPrefix(): Promise<string | null> {
    return (await this.registry.getPark()).identifierPrefix;
  }

  async mint(ctx: AuthContext, input: MintInput): Promise<IdentifierItem> {
    identifierPolicy.assert(ctx, 'create');
    const park = await this.registry.getPark();
    if (!park.identifierPrefix) throw conflict("The park has no identifier prefix yet; a park administrator sets it in the park settings");
    const enterpriseId = ctx.enterpriseId ?? input.enterpriseId;
    if (enterpriseId === undefined) throw validation('enterpriseId is required for a park role', [{ path: '/body/enterpriseId', message: 'is required for a park role' }]);
    if (ctx.enterpriseId !== null && input.enterpriseId !== undefined && input.enterpriseId !== ctx.enterpriseId) {
      throw forbidden('You may mint identifiers for your own enterprise only');
    }
    const enterpriseCode = await this.registry.enterpriseCode(enterpriseId);
    if (enterpriseCode === undefined) throw validation(`enterprise ${enterpriseId} does not exist`, [{ path: '/body/enterpriseId', message: 'no such enterprise' }]);
    const gtin = input.gtin === undefined ? null : normalizeGtin(input.gtin);
    const errors = [];
    if (input.gtin !== undefined && !gtin) errors.push({ path: '/body/gtin', message: 'is not a GTIN with a valid check digit' });
    if (input.lot !== undefined && !GS1_ALNUM_PATTERN.test(input.lot)) errors.push({ path: '/body/lot', message: 'must be 1–20 GS1 characters' });
    if (input.serial !== undefined && !GS1_ALNUM_PATTERN.test(input.serial)) errors.push({ path: '/body/serial', message: 'must be 1–20 GS1 characters' });
    if ((input.lot !== undefined || input.serial !== undefined) && !gtin && input.gtin === undefined) errors.push({ path: '/body/gtin', message: 'is required with a lot or serial' });
    if (input.suffix !== undefined && !SUFFIX_PATTERN.test(input.suffix)) errors.push({ path: '/body/suffix', message: 'may hold letters, digits and . _ - : / only' });
    if (input.materialId !== undefined && !(await this.registry.materialUsableBy(input.materialId, enterpriseId))) {
      errors.push({ path: '/body/materialId', message: 'no such material' });
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    const gs1Key = gs1KeyOf(gtin, input.lot ?? null, input.serial ?? null);
    if (gtin && gs1Key) await this.assertMayTake(null, enterpriseId, gtin, gs1Key);
    const prefix = park.identifierPrefix;

    const now = Date.now();
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const id = await this.db.transaction().execute(async (trx) => {
          // Again inside the transaction; the unique index on gs1_key settles a race between nodes.
          if (gtin && gs1Key) await this.assertMayTake(trx, enterpriseId, gtin, gs1Key);
          let suffix = input.suffix;
          if (suffix === undefined) {
            const day = localDay(now, park.timezone);
            const stem = suffixFor(enterpriseCode, input.kind, day, 0).slice(0, -4);
            const n = await trx.selectFrom('identifiers').select((eb) => eb.fn.countAll<number>().as('n')).where('prefix', '=', prefix).where('suffix', 'like', `${stem}%`).executeTakeFirstOrThrow();
            suffix = suffixFor(enterpriseCode, input.kind, day, n.n + 1 + attempt);
          }
          const row = await trx
            .insertInto('identifiers')
            .values({
              enterprise_id: enterpriseId, prefix, suffix, kind: input.kind, gtin, lot: input.lot ?? null, serial: input.serial ?? null,
              gs1_key: gs1Key, material_id: input.materialId ?? null, created_at: now, updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const handle = `${prefix}/${suffix}`;
          const values: (ValueInput & { index: number })[] = [
            { index: 1, type: 'URL', value: `${this.baseUrl}/id/${handle}`, publicRead: true },
            { index: 2, type: 'SYMBIONT.KIND', value: input.kind, publicRead: true },
            { index: 3, type: 'SYMBIONT.OWNER', value: enterpriseCode, publicRead: true },
            ...(gtin ? [{ index: 10, type: 'GS1.GTIN', value: gtin, publicRead: true }] : []),
            ...(input.lot ? [{ index: 11, type: 'GS1.LOT', value: input.lot, publicRead: true }] : []),
            ...(input.serial ? [{ index: 12, type: 'GS1.SERIAL', value: input.serial, publicRead: true }] : []),
            ...(input.values ?? []).map((v, i) => ({ ...v, index: v.index ?? 100 + i })),
          ];
          const seen = new Set<number>();
          for (const v of values) {
            if (seen.has(v.index)) throw validation(`value index ${v.index} is used twice`, [{ path: '/body/values', message: `index ${v.index} is used twice` }]);
            seen.add(v.index);
            await trx.insertInto('identifier_values').values(valueRow(row.id, v.index, v, now)).execute();
          }
          await this.audit.append(trx, ctx, { action: 'create', entity: 'identifier', entityId: row.id, enterpriseId, after: { handle, kind: input.kind, gtin, lot: input.lot ?? null, serial: input.serial ?? null } });
          return row.id;
        });
        return await this.get(ctx, id);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Which unique index: the GS1 key (another mint took it meanwhile) or the handle?
        if (gtin && gs1Key) await this.assertMayTake(null, enterpriseId, gtin, gs1Key);
        if (input.suffix !== undefined) throw conflict(`The identifier ${prefix}/${input.suffix} already exists`);
      }
    }
    throw conflict('Could not allocate a suffix; try again');
  }

  /**
   * A GS1 key belongs to the enterprise that first minted it — or, where the park recorded GS1
   * company prefixes, only the enterprise holding the prefix the GTIN is under may mint it. Throws
   * 409 naming the key; another enterprise is never named.
   */
  private async assertMayTake(trx: IdentityTx | null, enterpriseId: number, gtin: string, gs1Key: string): Promise<void> {
    const db = trx ?? unscoped(this.db, 'a GS1 key has one holder in the park: whose it is decides who may mint it');
    const holder = await this.registry.companyPrefixHolder(gtin, trx ?? undefined);
    if (holder && holder.enterpriseId !== enterpriseId) {
      throw conflict(`The GTIN ${gtin} is under the GS1 company prefix ${holder.prefix}, which the park recorded for another enterprise; only that enterprise mints identifiers with it`);
    }
    const owner = await db.selectFrom('identifiers').select(['prefix', 'suffix', 'enterprise_id']).where('gs1_key', '=', gs1Key).executeTakeFirst();
    if (!owner) return;
    if (owner.enterprise_id === enterpriseId) throw conflict(`The GS1 key ${gs1Key} is already held by your identifier ${owner.prefix}/${owner.suffix}`);
    throw conflict(`The GS1 key ${gs1Key} belongs to another enterprise, which minted it first`);
  }

  async get(ctx: AuthContext, id: number): Promise<IdentifierItem> {
    const row = await tenantDb(this.db, ctx).selectFrom('identifiers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Identifier ${id}`);
    return this.item(row, await this.values(row.id));
  }

  /** The row id of a local identifier (for redirects; says nothing of its values). */
  async idOf(prefix: string, suffix: string): Promise<number | undefined> {
    const row = await unscoped(this.db, 'a handle is public: its redirect says where it resolves, not what it holds')
      .selectFrom('identifiers').select('id').where('prefix', '=', prefix).where('suffix', '=', suffix).executeTakeFirst();
    return row?.id;
  }

  /** An identifier of this node by prefix/suffix, if the caller may see it. */
  async byHandle(ctx: AuthContext, prefix: string, suffix: string): Promise<IdentifierItem> {
    const row = await tenantDb(this.db, ctx).selectFrom('identifiers').select('id').where('prefix', '=', prefix).where('suffix', '=', suffix).executeTakeFirst();
    if (!row) throw notFound(`Identifier ${prefix}/${suffix}`);
    return this.get(ctx, row.id);
  }

  async list(ctx: AuthContext, q: ListQuery): Promise<{ items: IdentifierItem[]; total: number; limit: number; offset: number }> {
    // Materials whose names match, from their owner (the registry), before the query is built.
    const materialIds = q.q ? await this.registry.materialIdsMatching(q.q) : [];
    let base = tenantDb(this.db, ctx).selectFrom('identifiers');
    if (q.kind) base = base.where('kind', '=', q.kind);
    if (q.enterpriseId !== undefined) base = base.where('enterprise_id', '=', q.enterpriseId);
    if (q.q) {
      // Case-insensitive substring (so also prefix) of the suffix, lot, serial, GTIN or name (a
      // DESC/NAME value, or the material's name); the user's % and _ are literal.
      const p = containsPattern(q.q);
      const like = (col: 'identifiers.suffix' | 'identifiers.lot' | 'identifiers.serial' | 'identifiers.gtin' | 'v.data') => sql<boolean>`lower(${sql.ref(col)}) like ${p} escape '\\'`;
      base = base.where((eb) =>
        eb.or([
          like('identifiers.suffix'), like('identifiers.lot'), like('identifiers.serial'), like('identifiers.gtin'),
          eb.exists(eb.selectFrom('identifier_values as v').select('v.idx').whereRef('v.identifier_id', '=', 'identifiers.id').where('v.type', 'in', NAME_TYPES).where(like('v.data'))),
          ...(materialIds.length ? [eb('identifiers.material_id', 'in', materialIds)] : []),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      base.selectAll('identifiers').orderBy('identifiers.id', 'desc').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await Promise.all(rows.map(async (r) => this.item(r, await this.values(r.id)))), total: count.n, limit: q.limit, offset: q.offset };
  }

  /** Sets (adds or replaces) values by index; the standard ones (1–12) are the platform's. */
  async setValues(ctx: AuthContext, id: number, values: ValueInput[]): Promise<IdentifierItem> {
    const current = await this.get(ctx, id);
    identifierPolicy.assert(ctx, 'update', current.enterpriseId);
    const errors = values.map((v, i) => (v.index === undefined || v.index < 100 ? { path: `/body/values/${i}/index`, message: 'must be 100 or more (lower indexes are the platform’s)' } : null)).filter((e) => e !== null);
    if (errors.length) throw validation('Some value indexes are reserved', errors);
    const indexed = values.flatMap((v) => (v.index === undefined ? [] : [{ ...v, index: v.index }]));
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      for (const v of indexed) {
        await trx.deleteFrom('identifier_values').where('identifier_id', '=', id).where('idx', '=', v.index).execute();
        await trx.insertInto('identifier_values').values(valueRow(id, v.index, v, now)).execute();
      }
      await trx.updateTable('identifiers').set({ updated_at: now }).where('id', '=', id).execute();
      await this.audit.append(trx, ctx, { action: 'update', entity: 'identifier', entityId: id, enterpriseId: current.enterpriseId, before: current.values, after: values });
    });
    return this.get(ctx, id);
  }

  /**
   * Resolves prefix/suffix in the Handle REST form. Values not marked public are shown only to
   * callers who may see the owner's records; other prefixes go to their peer resolver.
   */
  async resolve(ctx: AuthContext | null, prefix: string, suffix: string, filter: { type?: string[]; index?: number[] } = {}): Promise<Resolution> {
    const handle = `${prefix}/${suffix}`;
    const local = await this.localPrefix();
    if (prefix !== local) return this.resolveRemote(prefix, suffix, filter);
    // Resolution is public: anyone resolves a handle and gets its public values; the owner check below decides the rest.
    const row = await unscoped(this.db, 'public resolution of a handle')
      .selectFrom('identifiers').select(['id', 'enterprise_id']).where('prefix', '=', prefix).where('suffix', '=', suffix).executeTakeFirst();
    if (!row) return { status: 404, body: { responseCode: RESPONSE.HANDLE_NOT_FOUND, handle, message: 'Handle not found' } };
    const mayRead = ctx !== null && canSee(ctx, row.enterprise_id);
    let values = (await this.values(row.id)).filter((v) => v.publicRead || mayRead);
    if (filter.type?.length) values = values.filter((v) => filter.type!.includes(v.type));
    if (filter.index?.length) values = values.filter((v) => filter.index!.includes(v.index));
    if (values.length === 0) {
      return ctx === null && (filter.type?.length || filter.index?.length)
        ? { status: 401, body: { responseCode: RESPONSE.AUTHENTICATION_NEEDED, handle, message: 'Authentication needed for these values' } }
        : { status: 200, body: { responseCode: RESPONSE.VALUES_NOT_FOUND, handle, values: [] } };
    }
    return { status: 200, body: { responseCode: RESPONSE.SUCCESS, handle, values: values.map(toHandleValue) } };
  }

  private async resolveRemote(prefix: string, suffix: string, filter: { type?: string[]; index?: number[] }): Promise<Resolution> {
    const handle = `${prefix}/${suffix}`;
    const peer = this.peers.get(prefix);
    if (!peer) return { status: 404, body: { responseCode: RESPONSE.HANDLE_NOT_FOUND, handle, message: `No resolver is configured for the prefix ${prefix}` } };
    const qs = new URLSearchParams();
    for (const t of filter.type ?? []) qs.append('type', t);
    for (const i of filter.index ?? []) qs.append('index', String(i));
    const url = `${peer.replace(/\/$/, '')}/api/handles/${prefix}/${suffix.split('/').map(encodeURIComponent).join('/')}${qs.size ? `?${qs}` : ''}`;
    const hit = this.cache.get(url);
    if (hit && hit.until > Date.now()) return hit.resolution;
    let resolution: Resolution;
    try {
      // Only public values cross nodes: the request carries no credentials. This fetch does not go
      // through the outbound-webhook guard (src/core/outbound.ts) on purpose: the peers are the
      // operator's trusted configuration (--resolver-peers), not a destination a tenant chose.
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      resolution = { status: res.status === 200 || res.status === 401 || res.status === 404 ? res.status : 502, body: handleResponseOf(await res.json(), handle) };
    } catch (err) {
      return { status: 502, body: { responseCode: RESPONSE.ERROR, handle, message: `The resolver for ${prefix} did not answer: ${(err as Error).message}` } };
    }
    // Cache for the shortest ttl among the values (Handle semantics); misses for a minute.
    const ttls = resolution.body.values?.map((v) => v.ttl) ?? [];
    const ttlS = ttls.length ? Math.min(...ttls) : 60;
    if (resolution.status < 500) this.cache.set(url, { until: Date.now() + ttlS * 1000, resolution });
    if (this.cache.size > 10_000) this.cache.clear();
    return resolution;
  }

  /** The identifier a GS1 Digital Link path names: GTIN with a lot (AI 10) or a serial (AI 21). */
  async byDigitalLink(gtin: string, ai: '10' | '21', value: string): Promise<{ id: number; prefix: string; suffix: string; enterpriseId: number } | undefined> {
    const g = normalizeGtin(gtin);
    if (!g) return undefined;
    // The key's owner, and only it: one identifier holds a key (unique index), whoever minted later.
    const row = await unscoped(this.db, 'a GS1 Digital Link resolves publicly, like the handle it leads to')
      .selectFrom('identifiers')
      .select(['id', 'prefix', 'suffix', 'enterprise_id'])
      .where('gs1_key', '=', `01/${g}/${ai}/${value}`)
      .executeTakeFirst();
    return row ? { id: row.id, prefix: row.prefix, suffix: row.suffix, enterpriseId: row.enterprise_id } : undefined;
  }

  /** The handles (prefix/suffix) minted here for canonical GS1 Digital Link URIs of lots and serials. */
  async handlesOf(refs: string[]): Promise<Map<string, string>> {
    // By canonical GS1 key: each key has one owner (unique index), so the answer is deterministic
    // and a later mint of the same key by another enterprise cannot take its place.
    const out = new Map<string, string>();
    const keyed = new Map<string, string>();
    for (const ref of refs) {
      const m = /^https:\/\/id\.gs1\.org\/01\/(\d{14})\/(10|21)\/([^/?#]+)$/.exec(ref);
      if (!m) continue;
      try {
        keyed.set(`01/${m[1]}/${m[2]}/${decodeURIComponent(m[3])}`, ref);
      } catch {
        // not a well-formed percent-encoding: no identifier of ours
      }
    }
    const keys = [...keyed.keys()];
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await unscoped(this.db, 'the handle minted for a GS1 key is public (what a Digital Link resolves to)')
        .selectFrom('identifiers').select(['prefix', 'suffix', 'gs1_key']).where('gs1_key', 'in', keys.slice(i, i + 500)).execute();
      for (const r of rows) {
        const ref = r.gs1_key === null ? undefined : keyed.get(r.gs1_key);
        if (ref) out.set(ref, `${r.prefix}/${r.suffix}`);
      }
    }
    return out;
  }

  /** A QR code carrying the identifier's resolvable URL (its Digital Link where it has a GTIN). */
  async label(ctx: AuthContext, id: number, format: 'svg' | 'png'): Promise<{ body: string | Buffer; text: string }> {
    const item = await this.get(ctx, id);
    const text = item.digitalLink ?? item.url;
    const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
    const body = format === 'svg' ? await QRCode.toString(text, { ...options, type: 'svg' }) : await QRCode.toBuffer(text, { ...options, type: 'png', width: 512 });
    return { body, text };
  }

  private async values(identifierId: number): Promise<StoredValue[]> {
    const rows = await this.db.selectFrom('identifier_values').selectAll().where('identifier_id', '=', identifierId).orderBy('idx').execute();
    return rows.map((r) => ({ index: r.idx, type: r.type, value: this.served(r.idx, r.type, r.data), ttl: r.ttl, ts: r.ts, publicRead: isTrue(r.public_read) }));
  }

  /**
   * The platform's own URL value (index 1) is served under the current public URL, whatever base it
   * was minted under (the demo is minted before the node listens; a node moves to another port or
   * name), so stored rows never point at a stale address.
   */
  private served(index: number, type: string, data: string): string {
    const path = index === 1 && type === 'URL' ? /^https?:\/\/[^/]+(\/id\/.+)$/.exec(data)?.[1] : undefined;
    return path ? this.baseUrl + path : data;
  }

  private item(r: Selectable<IdentifiersTable>, values: StoredValue[]): IdentifierItem {
    const handle = `${r.prefix}/${r.suffix}`;
    const { gtin, lot, serial, gs1_key: gs1Key } = r;
    return {
      id: r.id,
      handle,
      prefix: r.prefix,
      suffix: r.suffix,
      kind: r.kind,
      enterpriseId: r.enterprise_id,
      gtin,
      lot,
      serial,
      materialId: r.material_id,
      url: `${this.baseUrl}/id/${handle}`,
      // Only the key's owner has a Digital Link here (a label of a later duplicate would print another's link).
      digitalLink: gtin && gs1Key ? `${this.baseUrl}/01/${gtin}${serial ? `/21/${encodeURIComponent(serial)}` : lot ? `/10/${encodeURIComponent(lot)}` : ''}` : null,
      gs1Key,
      values,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /**
   * Inside the registry's transaction that records GS1 company prefixes for an enterprise: the GS1
   * keys other enterprises' identifiers hold under them are released (gs1_key NULL: they keep their
   * handle, lose the key mapping), so the prefix holder owns every key under its prefix.
   */
  async releaseKeysUnder(trx: Tx, holderId: number, prefixes: readonly string[]): Promise<void> {
    for (const p of prefixes) {
      await tablesOf<IdentityTables>(trx)
        .updateTable('identifiers')
        .set({ gs1_key: null })
        .where('gs1_key', 'is not', null)
        .where('enterprise_id', '!=', holderId)
        .where(sql<boolean>`substr(gtin, 2, ${sql.lit(p.length)}) = ${p}`)
        .execute();
    }
  }

  /**
   * The identifiers minted here for lots or serials of the given GTINs, with who minted each and
   * when: the trace module counts a mint as a claim to have made the lot (docs/trace.md, "held").
   * One query per 500 GTINs (a genealogy walk asks once per level).
   */
  async mintedFor(gtins: readonly string[]): Promise<{ enterpriseId: number; gtin: string; lot: string | null; serial: string | null; createdAt: number }[]> {
    const unique = [...new Set(gtins)];
    const out: { enterpriseId: number; gtin: string; lot: string | null; serial: string | null; createdAt: number }[] = [];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await unscoped(this.db, 'who minted a lot is a claim trace weighs for every caller; trace decides what it shows')
        .selectFrom('identifiers').select(['enterprise_id', 'gtin', 'lot', 'serial', 'created_at']).where('gtin', 'in', unique.slice(i, i + 500)).execute();
      for (const r of rows) if (r.gtin !== null) out.push({ enterpriseId: r.enterprise_id, gtin: r.gtin, lot: r.lot, serial: r.serial, createdAt: r.created_at });
    }
    return out;
  }
}

/** A row of identifier_values from a value given with its index. */
function valueRow(identifierId: number, index: number, v: ValueInput, now: number) {
  return { identifier_id: identifierId, idx: index, type: v.type, data: v.value, ttl: v.ttl ?? DEFAULT_TTL, ts: now, public_read: v.publicRead === false ? 0 : 1 };
}

/** A peer's body, checked for the Handle response's shape: what is not is an error for the handle asked. */
export function handleResponseOf(body: unknown, handle: string): HandleResponse {
  const b = typeof body === 'object' && body !== null ? body : {};
  const responseCode = 'responseCode' in b && typeof b.responseCode === 'number' ? b.responseCode : RESPONSE.ERROR;
  const out: HandleResponse = { responseCode, handle: 'handle' in b && typeof b.handle === 'string' ? b.handle : handle };
  if ('message' in b && typeof b.message === 'string') out.message = b.message;
  if ('values' in b && Array.isArray(b.values)) out.values = b.values.filter(isHandleValue);
  return out;
}

function isHandleValue(v: unknown): v is NonNullable<HandleResponse['values']>[number] {
  if (typeof v !== 'object' || v === null || !('data' in v) || typeof v.data !== 'object' || v.data === null) return false;
  const { data } = v;
  return (
    'index' in v && typeof v.index === 'number' && 'type' in v && typeof v.type === 'string' && 'ttl' in v && typeof v.ttl === 'number' &&
    'timestamp' in v && typeof v.timestamp === 'string' && 'format' in data && data.format === 'string' && 'value' in data && typeof data.value === 'string'
  );
}
