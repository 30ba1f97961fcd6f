/**
 * Captures no longer wait for each other (no global capture lock), and a subscription cursor still
 * never passes an event whose capture is open (src/modules/trace/commit-order.ts). On PostgreSQL:
 * enterprise A's capture is held open mid-transaction — its events have taken their ids, and the
 * foreign-key check of their enterprise waits on a row this test locks — while enterprise B's
 * capture, which took higher ids, commits. A cursor moved as delivery moves it (high-water mark,
 * then the events after the cursor) delivers B's event and not past A's; once A commits, A's event
 * is delivered after the cursor, and nothing twice. Waits poll conditions, never durations.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import { gs1CheckDigit } from '../src/modules/identity/model.ts';
import { systemContext, type AuthContext } from '../src/core/roles.ts';
import { freshDatabase, type TestDatabase } from './helpers/db.ts';
import { until } from './helpers/poll.ts';
import { postgresReachable } from './helpers/services.ts';

const gln = (body12: string) => body12 + gs1CheckDigit(body12);
const CTX = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** A shipment by the capturing enterprise to `to` (a GLN), of an identifier of its own. */
const shipment = (tag: string, to: string) => ({
  '@context': [CTX], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-25T08:00:00Z',
  epcisBody: {
    eventList: [{
      type: 'ObjectEvent', action: 'OBSERVE', eventTime: '2026-11-25T08:00:00+08:00', eventTimeZoneOffset: '+08:00', bizStep: 'shipping',
      epcList: [`urn:epc:id:sgtin:6901234.000001.${tag}`], destinationList: [{ type: 'owning_party', destination: `https://id.gs1.org/417/${to}` }],
    }],
  },
});
const tagOf = (e: Record<string, unknown>) => String((e.epcList as string[])[0]).replace(/^.*\./, '');

describe.runIf(await postgresReachable())('commit order of captures (PostgreSQL)', () => {
  let db: TestDatabase;
  let s: Services;
  let ids: { a: number; b: number; c: number };
  let c: AuthContext;
  const ctxOf = (enterpriseId: number, username: string): AuthContext => ({ userId: null, username, role: 'enterprise_operator', enterpriseId, via: 'system' });

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    s = await openServices({ db: db.url, sessionTtlHours: 1 });
    await bootstrap(s, { adminPassword: 'test-admin-password' });
    const sys = systemContext('test');
    const make = async (code: string, g: string) => (await s.registry.enterprises.create(sys, { code, name: code, industry: 'energy', gln: g })).id as number;
    ids = { a: await make('ent-a', gln('690123400001')), b: await make('ent-b', gln('690123400002')), c: await make('ent-c', gln('690123400003')) };
    c = ctxOf(ids.c, 'c.reader');
    // The capture workers start (threads loading the EPCIS code) before the timed part begins.
    const warm = await s.trace.startCapture(c, JSON.stringify(shipment('C0', gln('690123400001'))), 'application/ld+json', 'rollback');
    await warm.done;
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

  it('lets a capture commit while another is open, and moves no cursor past the open one', async () => {
    const toC = gln('690123400003');
    // The cursor a new stream subscription starts from.
    let cursor = await s.trace.highWater();
    const delivered: string[] = [];
    /** One delivery pass as the subscription worker makes it: the high-water mark, then the events after the cursor. */
    const pass = async () => {
      const high = await s.trace.highWater();
      for (;;) {
        const r = await s.trace.query(c, { perPage: 100 }, { afterSeq: cursor });
        delivered.push(...r.events.map(tagOf));
        if (r.lastSeq !== null) cursor = r.lastSeq;
        if (r.events.length < 100) break;
      }
      cursor = Math.max(cursor, high);
    };

    // Enterprise A's capture stops inside its transaction: its events' enterprise row is locked here.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM enterprises WHERE id = $1 FOR UPDATE', [ids.a]);
      const a = await s.trace.startCapture(ctxOf(ids.a, 'a.operator'), JSON.stringify(shipment('A1', toC)), 'application/ld+json', 'rollback');
      await until(
        // Asked on another connection: inside the holder's transaction the activity view would stay as first read.
        async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into "epcis_events"%'`.execute(s.handle.db)).rows[0].n,
        (n) => n > 0,
        "A's capture waiting inside its transaction",
        60_000,
      );

      // B's capture does not wait for A's (there is no capture lock) and commits.
      const b = await s.trace.startCapture(ctxOf(ids.b, 'b.operator'), JSON.stringify(shipment('B1', toC)), 'application/ld+json', 'rollback');
      await b.done;
      expect((await s.trace.job(ctxOf(ids.b, 'b.operator'), b.id)).success).toBe(true);

      await pass();
      expect(delivered).toEqual(['B1']);
      // Still open: a later pass neither delivers A's event nor moves past it.
      await pass();
      expect(delivered).toEqual(['B1']);

      await holder.query('ROLLBACK');
      await a.done;
      expect((await s.trace.job(ctxOf(ids.a, 'a.operator'), a.id)).success).toBe(true);
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.end();
    }

    // The hazard was real: A's event took a lower id than B's, yet committed after it.
    const rows = (await s.trace.query(c, {})).events;
    expect(rows.map(tagOf).sort()).toEqual(['A1', 'B1', 'C0']);
    const byTag = await s.handle.db.selectFrom('epcis_events as e').innerJoin('epcis_event_docs as d', 'd.event_pk', 'e.id').select(['e.id', 'e.commit_seq', 'd.doc']).execute();
    const idOf = (tag: string) => byTag.find((r) => String(r.doc).includes(`.${tag}"`))!;
    expect(Number(idOf('A1').id)).toBeLessThan(Number(idOf('B1').id));
    expect(Number(idOf('A1').commit_seq)).toBeGreaterThan(Number(idOf('B1').commit_seq));

    // Delivered after it committed, once; B's not again.
    await until(async () => {
      await pass();
      return delivered;
    }, (d) => d.includes('A1'), "A's event delivered");
    expect(delivered).toEqual(['B1', 'A1']);
  }, 120_000);
});
