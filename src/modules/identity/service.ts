/**
 * Identifiers: minting for lots, products, packages, waste batches and devices, their typed values,
 * resolution in the Handle REST form (local prefix here, other prefixes through configured peer
 * resolvers with caching that honours ttl), GS1 Digital Link lookups, and QR labels.
 */
import QRCode from 'qrcode';
import type { DbHandle, Tx } from '../../adapters/db/index.ts';
import { isUniqueViolation, sql, stringListColumn } from '../../adapters/db/index.ts';
import { conflict, forbidden, notFound, validation } from '../../core/errors.ts';
import type { AuthContext } from '../../core/roles.ts';
import { canSee, scoped } from '../../core/tenancy.ts';
import type { AuditStore } from '../../core/audit/store.ts';
import type { RegistryService } from '../registry/service.ts';
import { identifierPolicy } from './policy.ts';
import {
  GS1_ALNUM_PATTERN, gs1KeyOf, gtinUnderPrefix, localDay, normalizeGtin, RESPONSE, SUFFIX_PATTERN, suffixFor, toHandleValue,
  type HandleValue, type IdentifierKind, type StoredValue,
} from './model.ts';

export interface ValueInput {
  index?: number;
  type: string;
  value: string;
  ttl?: number;
  publicRead?: boolean;
}

export interface MintInput {
  kind: IdentifierKind;
  enterpriseId?: number;
  suffix?: string;
  gtin?: string;
  lot?: string;
  serial?: string;
  materialId?: number;
  values?: ValueInput[];
}

export interface IdentifierItem {
  id: number;
  handle: string;
  prefix: string;
  suffix: string;
  kind: IdentifierKind;
  enterpriseId: number;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  materialId: number | null;
  url: string;
  /** The identifier's GS1 Digital Link on this node: only while it holds its GS1 key (see gs1Key). */
  digitalLink: string | null;
  /**
   * The canonical GS1 key it holds (`01/{gtin}[/10/{lot}|/21/{serial}]`), null without a GTIN or
   * when another identifier holds the key (an older duplicate; see migration 009).
   */
  gs1Key: string | null;
  values: StoredValue[];
  createdAt: number;
  updatedAt: number;
}

export interface Resolution {
  status: number;
  body: { responseCode: number; handle: string; values?: HandleValue[]; message?: string };
}

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

  private get db() {
    return this.handle.db;
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
    const enterprise = await this.db.selectFrom('enterprises').select(['id', 'code']).where('id', '=', enterpriseId).executeTakeFirst();
    if (!enterprise) throw validation(`enterprise ${enterpriseId} does not exist`, [{ path: '/body/enterpriseId', message: 'no such enterprise' }]);
    const gtin = input.gtin === undefined ? null : normalizeGtin(input.gtin);
    const errors = [];
    if (input.gtin !== undefined && !gtin) errors.push({ path: '/body/gtin', message: 'is not a GTIN with a valid check digit' });
    if (input.lot !== undefined && !GS1_ALNUM_PATTERN.test(input.lot)) errors.push({ path: '/body/lot', message: 'must be 1–20 GS1 characters' });
    if (input.serial !== undefined && !GS1_ALNUM_PATTERN.test(input.serial)) errors.push({ path: '/body/serial', message: 'must be 1–20 GS1 characters' });
    if ((input.lot !== undefined || input.serial !== undefined) && !gtin && input.gtin === undefined) errors.push({ path: '/body/gtin', message: 'is required with a lot or serial' });
    if (input.suffix !== undefined && !SUFFIX_PATTERN.test(input.suffix)) errors.push({ path: '/body/suffix', message: 'may hold letters, digits and . _ - : / only' });
    if (input.materialId !== undefined) {
      const m = await this.db.selectFrom('materials').select(['id', 'enterprise_id']).where('id', '=', input.materialId).executeTakeFirst();
      if (!m || (m.enterprise_id !== null && Number(m.enterprise_id) !== enterpriseId)) errors.push({ path: '/body/materialId', message: 'no such material' });
    }
    if (errors.length) throw validation(errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
    const gs1Key = gs1KeyOf(gtin, input.lot ?? null, input.serial ?? null);
    if (gtin && gs1Key) await this.assertMayTake(this.db, enterpriseId, gtin, gs1Key);

    const now = Date.now();
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const id = await this.db.transaction().execute(async (trx) => {
          // Again inside the transaction; the unique index on gs1_key settles a race between nodes.
          if (gtin && gs1Key) await this.assertMayTake(trx, enterpriseId, gtin, gs1Key);
          let suffix = input.suffix;
          if (suffix === undefined) {
            const day = localDay(now, park.timezone);
            const stem = suffixFor(String(enterprise.code), input.kind, day, 0).slice(0, -4);
            const n = await trx.selectFrom('identifiers').select((eb) => eb.fn.countAll().as('n')).where('prefix', '=', park.identifierPrefix).where('suffix', 'like', `${stem}%`).executeTakeFirstOrThrow();
            suffix = suffixFor(String(enterprise.code), input.kind, day, Number(n.n) + 1 + attempt);
          }
          const row = await trx
            .insertInto('identifiers')
            .values({
              enterprise_id: enterpriseId, prefix: park.identifierPrefix, suffix, kind: input.kind, gtin, lot: input.lot ?? null, serial: input.serial ?? null,
              gs1_key: gs1Key, material_id: input.materialId ?? null, created_at: now, updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const handle = `${park.identifierPrefix}/${suffix}`;
          const values: ValueInput[] = [
            { index: 1, type: 'URL', value: `${this.baseUrl}/id/${handle}`, publicRead: true },
            { index: 2, type: 'SYMBIONT.KIND', value: input.kind, publicRead: true },
            { index: 3, type: 'SYMBIONT.OWNER', value: String(enterprise.code), publicRead: true },
            ...(gtin ? [{ index: 10, type: 'GS1.GTIN', value: gtin, publicRead: true }] : []),
            ...(input.lot ? [{ index: 11, type: 'GS1.LOT', value: input.lot, publicRead: true }] : []),
            ...(input.serial ? [{ index: 12, type: 'GS1.SERIAL', value: input.serial, publicRead: true }] : []),
            ...(input.values ?? []).map((v, i) => ({ ...v, index: v.index ?? 100 + i })),
          ];
          const seen = new Set<number>();
          for (const v of values) {
            if (seen.has(v.index!)) throw validation(`value index ${v.index} is used twice`, [{ path: '/body/values', message: `index ${v.index} is used twice` }]);
            seen.add(v.index!);
            await trx.insertInto('identifier_values').values({ identifier_id: row.id, idx: v.index!, type: v.type, data: v.value, ttl: v.ttl ?? DEFAULT_TTL, ts: now, public_read: v.publicRead === false ? 0 : 1 }).execute();
          }
          await this.audit.append(trx, ctx, { action: 'create', entity: 'identifier', entityId: Number(row.id), enterpriseId, after: { handle, kind: input.kind, gtin, lot: input.lot ?? null, serial: input.serial ?? null } });
          return Number(row.id);
        });
        return await this.get(ctx, id);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Which unique index: the GS1 key (another mint took it meanwhile) or the handle?
        if (gtin && gs1Key) await this.assertMayTake(this.db, enterpriseId, gtin, gs1Key);
        if (input.suffix !== undefined) throw conflict(`The identifier ${park.identifierPrefix}/${input.suffix} already exists`);
      }
    }
    throw conflict('Could not allocate a suffix; try again');
  }

  /**
   * A GS1 key belongs to the enterprise that first minted it — or, where the park recorded GS1
   * company prefixes, only the enterprise holding the prefix the GTIN is under may mint it. Throws
   * 409 naming the key; another enterprise is never named.
   */
  private async assertMayTake(db: Tx, enterpriseId: number, gtin: string, gs1Key: string): Promise<void> {
    const holder = await companyPrefixHolder(db, gtin);
    if (holder && holder.enterpriseId !== enterpriseId) {
      throw conflict(`The GTIN ${gtin} is under the GS1 company prefix ${holder.prefix}, which the park recorded for another enterprise; only that enterprise mints identifiers with it`);
    }
    const owner = await db.selectFrom('identifiers').select(['prefix', 'suffix', 'enterprise_id']).where('gs1_key', '=', gs1Key).executeTakeFirst();
    if (!owner) return;
    if (Number(owner.enterprise_id) === enterpriseId) throw conflict(`The GS1 key ${gs1Key} is already held by your identifier ${owner.prefix}/${owner.suffix}`);
    throw conflict(`The GS1 key ${gs1Key} belongs to another enterprise, which minted it first`);
  }

  async get(ctx: AuthContext, id: number): Promise<IdentifierItem> {
    const row = await scoped(this.db.selectFrom('identifiers'), ctx).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Identifier ${id}`);
    return this.item(row, await this.values(Number(row.id)));
  }

  /** The row id of a local identifier (for redirects; says nothing of its values). */
  async idOf(prefix: string, suffix: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('identifiers').select('id').where('prefix', '=', prefix).where('suffix', '=', suffix).executeTakeFirst();
    return row ? Number(row.id) : undefined;
  }

  /** An identifier of this node by prefix/suffix, if the caller may see it. */
  async byHandle(ctx: AuthContext, prefix: string, suffix: string): Promise<IdentifierItem> {
    const row = await scoped(this.db.selectFrom('identifiers'), ctx).select('id').where('prefix', '=', prefix).where('suffix', '=', suffix).executeTakeFirst();
    if (!row) throw notFound(`Identifier ${prefix}/${suffix}`);
    return this.get(ctx, Number(row.id));
  }

  async list(ctx: AuthContext, q: { limit: number; offset: number; kind?: string; q?: string; enterpriseId?: number }) {
    let base = scoped(this.db.selectFrom('identifiers'), ctx);
    if (q.kind) base = base.where('kind', '=', q.kind);
    if (q.enterpriseId !== undefined) base = base.where('enterprise_id', '=', q.enterpriseId);
    if (q.q) {
      // Case-insensitive substring (so also prefix) of the suffix, lot, serial, GTIN or name (a
      // DESC/NAME value, or the material's name); the user's % and _ are literal.
      const p = containsPattern(q.q);
      const like = (col: string) => sql<boolean>`lower(${sql.ref(col)}) like ${p} escape '\\'`;
      base = base.where((eb) =>
        eb.or([
          like('identifiers.suffix'), like('identifiers.lot'), like('identifiers.serial'), like('identifiers.gtin'),
          eb.exists(eb.selectFrom('identifier_values as v').select('v.idx').whereRef('v.identifier_id', '=', 'identifiers.id').where('v.type', 'in', NAME_TYPES).where(like('v.data'))),
          eb.exists(eb.selectFrom('materials as m').select('m.id').whereRef('m.id', '=', 'identifiers.material_id').where((e) => e.or([like('m.name'), like('m.name_en'), like('m.code')]))),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      base.selectAll('identifiers').orderBy('identifiers.id', 'desc').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await Promise.all(rows.map(async (r) => this.item(r, await this.values(Number(r.id))))), total: Number(count.n), limit: q.limit, offset: q.offset };
  }

  /** Sets (adds or replaces) values by index; the standard ones (1–12) are the platform's. */
  async setValues(ctx: AuthContext, id: number, values: ValueInput[]): Promise<IdentifierItem> {
    const current = await this.get(ctx, id);
    identifierPolicy.assert(ctx, 'update', current.enterpriseId);
    const errors = values.map((v, i) => (v.index === undefined || v.index < 100 ? { path: `/body/values/${i}/index`, message: 'must be 100 or more (lower indexes are the platform’s)' } : null)).filter((e) => e !== null);
    if (errors.length) throw validation('Some value indexes are reserved', errors);
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      for (const v of values) {
        await trx.deleteFrom('identifier_values').where('identifier_id', '=', id).where('idx', '=', v.index!).execute();
        await trx.insertInto('identifier_values').values({ identifier_id: id, idx: v.index!, type: v.type, data: v.value, ttl: v.ttl ?? DEFAULT_TTL, ts: now, public_read: v.publicRead === false ? 0 : 1 }).execute();
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
    const row = await this.db.selectFrom('identifiers').select(['id', 'enterprise_id']).where('prefix', '=', prefix).where('suffix', '=', suffix).executeTakeFirst();
    if (!row) return { status: 404, body: { responseCode: RESPONSE.HANDLE_NOT_FOUND, handle, message: 'Handle not found' } };
    const mayRead = ctx !== null && canSee(ctx, Number(row.enterprise_id));
    let values = (await this.values(Number(row.id))).filter((v) => v.publicRead || mayRead);
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
      resolution = { status: res.status, body: (await res.json()) as Resolution['body'] };
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
    const row = await this.db
      .selectFrom('identifiers')
      .select(['id', 'prefix', 'suffix', 'enterprise_id'])
      .where('gs1_key', '=', `01/${g}/${ai}/${value}`)
      .executeTakeFirst();
    return row ? { id: Number(row.id), prefix: String(row.prefix), suffix: String(row.suffix), enterpriseId: Number(row.enterprise_id) } : undefined;
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
      const rows = await this.db.selectFrom('identifiers').select(['prefix', 'suffix', 'gs1_key']).where('gs1_key', 'in', keys.slice(i, i + 500)).execute();
      for (const r of rows) {
        const ref = keyed.get(String(r.gs1_key));
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
    return rows.map((r) => ({ index: Number(r.idx), type: String(r.type), value: this.served(Number(r.idx), String(r.type), String(r.data)), ttl: Number(r.ttl), ts: Number(r.ts), publicRead: r.public_read === true || r.public_read === 1 }));
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

  private item(r: Record<string, unknown>, values: StoredValue[]): IdentifierItem {
    const handle = `${r.prefix}/${r.suffix}`;
    const gtin = r.gtin === null ? null : String(r.gtin);
    const lot = r.lot === null ? null : String(r.lot);
    const serial = r.serial === null ? null : String(r.serial);
    const gs1Key = r.gs1_key === null || r.gs1_key === undefined ? null : String(r.gs1_key);
    return {
      id: Number(r.id),
      handle,
      prefix: String(r.prefix),
      suffix: String(r.suffix),
      kind: r.kind as IdentifierKind,
      enterpriseId: Number(r.enterprise_id),
      gtin,
      lot,
      serial,
      materialId: r.material_id === null ? null : Number(r.material_id),
      url: `${this.baseUrl}/id/${handle}`,
      // Only the key's owner has a Digital Link here (a label of a later duplicate would print another's link).
      digitalLink: gtin && gs1Key ? `${this.baseUrl}/01/${gtin}${serial ? `/21/${encodeURIComponent(serial)}` : lot ? `/10/${encodeURIComponent(lot)}` : ''}` : null,
      gs1Key,
      values,
      createdAt: Number(r.created_at),
      updatedAt: Number(r.updated_at),
    };
  }
}


/** The enterprise holding a recorded GS1 company prefix that the GTIN is under (the longest), or null. */
export async function companyPrefixHolder(db: Tx, gtin14: string): Promise<{ enterpriseId: number; prefix: string } | null> {
  const rows = await db.selectFrom('enterprises').select(['id', 'gs1_company_prefixes']).where('gs1_company_prefixes', 'is not', null).execute();
  let best: { enterpriseId: number; prefix: string } | null = null;
  for (const r of rows) {
    const prefixes = stringListColumn(r.gs1_company_prefixes);
    for (const p of prefixes) if (gtinUnderPrefix(gtin14, p) && (!best || p.length > best.prefix.length)) best = { enterpriseId: Number(r.id), prefix: p };
  }
  return best;
}

