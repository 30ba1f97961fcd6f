/**
 * The exchange's reads that cross tenants by design, and its settings record. The market and the
 * plan set published listings of several enterprises side by side: their SQL says who may see
 * which (visibility.ts, the same rule in code) rather than the tenant filter, so each read here
 * names its reason at `unscoped`. An enterprise's own listings, in every state, are the generic
 * collection's (resources.ts), read through the tenant filter.
 */
import { sql, type Selectable } from 'kysely';
import { tablesOf, type DbHandle, type Tx } from '../../adapters/db/index.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { moduleDb, unscoped } from '../../core/tenancy.ts';
import type { ExchangeSettings, ListingSide } from './model.ts';
import { DEFAULT_EXCHANGE_SETTINGS } from './settings.ts';
import type { ExchangeListingsTable, ExchangeTables, WasteLicencesTable } from './tables.ts';
import { partnerNeedle } from './visibility.ts';

export type ListingRow = Selectable<ExchangeListingsTable>;
export type LicenceRow = Selectable<WasteLicencesTable>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** What the market is asked for: every filter optional; ids resolved by the service from codes and text. */
export interface MarketFilter {
  side?: ListingSide;
  /** Listings of these materials … */
  materialIds?: readonly number[];
  /** … or whose accepted codes contain one of these (exact JSON strings, or a prefix with `prefix`). */
  acceptCodes?: readonly { code: string; prefix: boolean }[];
  /** Listings of this enterprise, as far as the caller may know who offers (anonymous ones only to their owner and the park). */
  enterpriseId?: number;
  /** Title, note, handling, or these materials (by name). */
  text?: { pattern: string; materialIds: readonly number[] };
}

export class ExchangeStore {
  constructor(private readonly handle: DbHandle) {}

  private get db() {
    return moduleDb(tablesOf<ExchangeTables>(this.handle.db));
  }

  /** Published listings `ctx` may see (visibility.ts, seesOnMarket) with the filter, newest first; `page` absent: all of them. */
  async market(ctx: AuthContext, f: MarketFilter, page?: { limit: number; offset: number }): Promise<{ rows: ListingRow[]; total: number }> {
    const op = this.handle.dialect === 'postgres' ? sql`ilike` : sql`like`;
    const park = isParkRole(ctx.role);
    const me = ctx.enterpriseId ?? -1;
    const base = () => {
      let q = unscoped(this.db, 'the market shows published listings to their audience (visibility.ts), across enterprises by design')
        .selectFrom('exchange_listings')
        .where('state', '=', 'published');
      if (!park) {
        // Partner ids are stored as JSON.stringify of an int array ("[3,15]"); its brackets as commas make the match exact (visibility.ts, partnerNeedle).
        q = q.where((eb) =>
          eb.or([
            eb('enterprise_id', '=', me),
            eb('audience', '=', 'park'),
            eb.and([eb('audience', '=', 'partners'), sql<boolean>`(',' || substr(partner_ids, 2, length(partner_ids) - 2) || ',') like ${partnerNeedle(me)}`]),
          ]),
        );
      }
      if (f.side) q = q.where('side', '=', f.side);
      if (f.materialIds || f.acceptCodes) {
        const ids = [...(f.materialIds ?? [])];
        const codes = f.acceptCodes ?? [];
        q = q.where((eb) =>
          eb.or([
            ...(ids.length ? [eb('material_id', 'in', ids)] : []),
            ...codes.map((c) => sql<boolean>`accepts like ${`%"${escapeLike(c.code)}${c.prefix ? '' : '"'}%`} escape '\\'`),
            // Nothing matched: an empty `or` is false.
            sql<boolean>`1 = 0`,
          ]),
        );
      }
      if (f.enterpriseId !== undefined) {
        q = q.where('enterprise_id', '=', f.enterpriseId);
        // Filtering by enterprise must not reveal whose anonymous listings are whose.
        if (!park && f.enterpriseId !== me) q = q.where('anonymous', '=', 0);
      }
      if (f.text) {
        const { pattern, materialIds } = f.text;
        q = q.where((eb) =>
          eb.or([
            ...(['title', 'note', 'handling'] as const).map((c) => sql<boolean>`${sql.ref(c)} ${op} ${pattern} escape '\\'`),
            ...(materialIds.length ? [eb('material_id', 'in', [...materialIds])] : []),
          ]),
        );
      }
      return q;
    };
    let rowsQuery = base().selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc');
    if (page) rowsQuery = rowsQuery.limit(page.limit).offset(page.offset);
    const rows = await rowsQuery.execute();
    if (!page || (rows.length < page.limit && (rows.length > 0 || page.offset === 0))) return { rows, total: (page?.offset ?? 0) + rows.length };
    const n = await base().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { rows, total: Number(n.n) };
  }

  /** Every licence of the park: whether a receiver may take a waste decides pairs of any two enterprises the caller sees. */
  async licences(): Promise<LicenceRow[]> {
    return unscoped(this.db, 'a receiver’s licence decides whether a pair is allowed, whoever plans it').selectFrom('waste_licences').selectAll().orderBy('id').execute();
  }

  async substitutions() {
    return this.db.selectFrom('exchange_substitutions').selectAll().orderBy('id').execute();
  }

  async distances() {
    return this.db.selectFrom('exchange_distances').selectAll().orderBy('id').execute();
  }

  /** The park's settings (the defaults until the park administrator saves some). */
  async settings(): Promise<{ settings: ExchangeSettings; updatedBy: string | null; updatedAt: number | null }> {
    const row = await this.db.selectFrom('exchange_settings').selectAll().orderBy('id').limit(1).executeTakeFirst();
    if (!row) return { settings: DEFAULT_EXCHANGE_SETTINGS, updatedBy: null, updatedAt: null };
    // A record saved before a setting existed takes that setting's default.
    const saved = JSON.parse(row.settings) as Partial<ExchangeSettings>;
    return { settings: { ...DEFAULT_EXCHANGE_SETTINGS, ...saved }, updatedBy: row.updated_by, updatedAt: Number(row.updated_at) };
  }

  async saveSettings(trx: Tx, settings: ExchangeSettings, by: string, at: number): Promise<void> {
    const db = tablesOf<ExchangeTables>(trx);
    const row = await db.selectFrom('exchange_settings').select('id').orderBy('id').limit(1).executeTakeFirst();
    const values = { settings: JSON.stringify(settings), updated_by: by, updated_at: at };
    if (row) await db.updateTable('exchange_settings').set(values).where('id', '=', row.id).execute();
    else await db.insertInto('exchange_settings').values(values).execute();
  }
}
