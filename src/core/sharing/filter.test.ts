/**
 * The sharing filter against a model of the rule, over SQLite: random owners, rules of two kinds,
 * rows that name parties, and callers of every sort.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { SharingTables } from './tables.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../roles.ts';
import { tenantDb } from '../tenancy.ts';
import { visibleTo, type AnyEb, type VisibleToOptions } from './filter.ts';
import { defineShareKind } from './kinds.ts';

const EVENTS = defineShareKind('test.events', { label: 'events', scopes: ['all', 'shipments'], description: '' });
const FLOWS = defineShareKind('test.flows', { label: 'flows', scopes: ['all'], description: '' });

interface Share { owner: number; grantee: number | null; kind: string; scope: string }
interface Rec { id: number; owner: number; shipment: boolean; parties: number[] }
type Caller = { park: true } | { park: false; enterprise: number | null };

interface Db extends SharingTables {
  recs: { id: number; enterprise_id: number; shipment: number };
  rec_parties: { rec_id: number; party_id: number };
}

const ENTERPRISES = [1, 2, 3, 4];
const ctxOf = (c: Caller): AuthContext =>
  c.park ? { userId: 1, username: 'park', role: 'park_viewer', enterpriseId: null, via: 'session' } : { userId: 2, username: 'e', role: 'enterprise_viewer', enterpriseId: c.enterprise, via: 'session' };

const eventsFilter = (withParties: boolean): VisibleToOptions<'all' | 'shipments'> => ({
  kind: EVENTS,
  ownerColumn: 'recs.enterprise_id',
  scopeMatches: { shipments: (eb: AnyEb) => eb('recs.shipment', '=', 1) },
  alsoVisible: withParties ? (eb: AnyEb, me: unknown) => eb.exists(eb.selectFrom('rec_parties as p').select(sql.lit(1).as('one')).where('p.party_id', '=', me).whereRef('p.rec_id', '=', 'recs.id')) : undefined,
});

/** The rule, written plainly: a rule counts only when the row's owner made it (provenance). */
function modelSees(c: Caller, r: Rec, shares: Share[], withParties: boolean): boolean {
  const covers = (s: Share, grantee: number | null) =>
    s.kind === EVENTS.name && s.owner === r.owner && s.grantee === grantee && (s.scope === 'all' || (s.scope === 'shipments' && r.shipment));
  if (c.park) return shares.some((s) => covers(s, null));
  if (c.enterprise === null) return false;
  const me = c.enterprise;
  return r.owner === me || (withParties && r.parties.includes(me)) || shares.some((s) => covers(s, me));
}

const shareArb = fc.record({
  owner: fc.constantFrom(...ENTERPRISES),
  grantee: fc.option(fc.constantFrom(...ENTERPRISES), { nil: null }),
  kind: fc.constantFrom(EVENTS.name, FLOWS.name),
  // 'gone' stands for a scope a kind no longer declares: it must cover nothing.
  scope: fc.constantFrom('all', 'shipments', 'gone'),
});
const worldArb = fc.record({
  shares: fc.uniqueArray(shareArb, { selector: (s) => `${s.owner}>${s.grantee}:${s.kind}`, maxLength: 10 }),
  recs: fc.array(fc.record({ owner: fc.constantFrom(...ENTERPRISES), shipment: fc.boolean(), parties: fc.uniqueArray(fc.constantFrom(...ENTERPRISES), { maxLength: 2 }) }), { maxLength: 12 }).map((rs) => rs.map((r, i): Rec => ({ ...r, id: i + 1 }))),
  caller: fc.oneof(fc.constant<Caller>({ park: true }), fc.option(fc.constantFrom(...ENTERPRISES), { nil: null }).map((enterprise): Caller => ({ park: false, enterprise }))),
  withParties: fc.boolean(),
});

let sqlite: Database.Database;
let db: Kysely<Db>;

beforeAll(async () => {
  sqlite = new Database(':memory:');
  db = new Kysely<Db>({ dialect: new SqliteDialect({ database: sqlite }) });
  sqlite.exec(`
    CREATE TABLE shares (id INTEGER PRIMARY KEY, enterprise_id INTEGER NOT NULL, grantee_id INTEGER, kind TEXT NOT NULL, scope TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
    CREATE TABLE recs (id INTEGER PRIMARY KEY, enterprise_id INTEGER NOT NULL, shipment INTEGER NOT NULL);
    CREATE TABLE rec_parties (rec_id INTEGER NOT NULL, party_id INTEGER NOT NULL);`);
});
afterAll(async () => db.destroy());

async function store(shares: Share[], recs: Rec[]): Promise<void> {
  sqlite.exec('DELETE FROM shares; DELETE FROM recs; DELETE FROM rec_parties;');
  if (shares.length) await db.insertInto('shares').values(shares.map((s) => ({ enterprise_id: s.owner, grantee_id: s.grantee, kind: s.kind, scope: s.scope, created_at: 0, updated_at: 0 }))).execute();
  if (recs.length) await db.insertInto('recs').values(recs.map((r) => ({ id: r.id, enterprise_id: r.owner, shipment: r.shipment ? 1 : 0 }))).execute();
  const parties = recs.flatMap((r) => r.parties.map((p) => ({ rec_id: r.id, party_id: p })));
  if (parties.length) await db.insertInto('rec_parties').values(parties).execute();
}

async function seen(c: Caller, withParties: boolean): Promise<number[]> {
  const rows = await visibleTo(db.selectFrom('recs').select('recs.id'), ctxOf(c), eventsFilter(withParties)).orderBy('recs.id').execute();
  return rows.map((r) => r.id);
}

describe('visibleTo', () => {
  it('shows exactly what the rule says: own rows, rows naming the caller where the module says so, and rows their recorder shares with the caller', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ shares, recs, caller, withParties }) => {
        await store(shares, recs);
        expect(await seen(caller, withParties)).toEqual(recs.filter((r) => modelSees(caller, r, shares, withParties)).map((r) => r.id));
      }),
      { numRuns: 300 },
    );
  });

  it('never shows a grantee a row whose owner did not share this kind with it', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.constantFrom(...ENTERPRISES), async ({ shares, recs }, me) => {
        await store(shares, recs);
        for (const id of await seen({ park: false, enterprise: me }, false)) {
          const owner = recs.find((r) => r.id === id)!.owner;
          if (owner !== me) expect(shares.some((s) => s.owner === owner && s.grantee === me && s.kind === EVENTS.name)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a scope condition for a scope the kind does not declare', () => {
    const bad = { ...eventsFilter(false), scopeMatches: { monthly: () => sql.lit(true) } } as unknown as VisibleToOptions;
    expect(() => visibleTo(db.selectFrom('recs').select('id'), ctxOf({ park: true }), bad).compile()).toThrow(/no scope "monthly"/);
  });

  it('is what the tenant handle applies for shared reads', async () => {
    await store([{ owner: 2, grantee: 1, kind: EVENTS.name, scope: 'all' }], [{ id: 1, owner: 2, shipment: false, parties: [] }, { id: 2, owner: 3, shipment: true, parties: [] }]);
    const rows = await tenantDb(db, ctxOf({ park: false, enterprise: 1 })).selectVisible('recs', eventsFilter(false)).select('recs.id').execute();
    expect(rows.map((r) => r.id)).toEqual([1]);
  });
});
