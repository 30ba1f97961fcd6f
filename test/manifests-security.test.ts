/**
 * Manifests against a hostile tenant, with raw HTTP: a non-party is told nothing exists; a party
 * signs only at its turn, only with a signing role, only once per version; the signer is the caller
 * whatever the body says; a closed manifest changes only by a new revision, and not even SQL
 * rewrites it (both dialects); every transition is in the audit chain; regulators read everything
 * and sign nothing; hostile input is answered with problem+json.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, openServices, type Services } from '../src/app.ts';
import type { AuthContext, Role } from '../src/core/roles.ts';
import { systemContext } from '../src/core/roles.ts';
import { freshDatabase, testDialects, type TestDatabase } from './helpers/db.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;

const today = new Date().toISOString().slice(0, 10);
const seen = (quantity: number, containers = 4) => [{ line: 1, quantity, containers }];

describe('manifests against a hostile tenant', () => {
  let server: TestServer;
  let park: Client;
  let regulator: Client;
  const as: Record<string, Client> = {};
  const ent: Record<string, number> = {};
  let oil: number;
  let ash: number;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    park = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const password = 'manifests-security-password';
    const user = async (username: string, role: Role, enterpriseId: number | null) => {
      const r = await park.post('/api/v1/users', { username, displayName: username, role, password, ...(enterpriseId === null ? {} : { enterpriseId }) });
      if (r.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(r.body)}`);
      return client(server.url, await login(server.url, username, password));
    };
    for (const code of ['gen', 'haul', 'recv', 'intruder']) {
      ent[code] = (await park.post('/api/v1/enterprises', { code, name: code, industry: 'other' })).body.id;
      as[code] = await user(`${code}.admin`, 'enterprise_admin', ent[code]);
    }
    as.haulViewer = await user('haul.viewer', 'enterprise_viewer', ent.haul);
    as.intruderOperator = await user('intruder.operator', 'enterprise_operator', ent.intruder);
    regulator = await user('regulator', 'park_viewer', null);
    const materials = (await park.get('/api/v1/materials?limit=500')).body.items as { id: number; code: string; hwCode: string | null; hazardous: boolean }[];
    const o = materials.find((m) => m.code === 'WASTE_MINERAL_OIL')!;
    oil = o.id;
    ash = materials.find((m) => m.code === 'FLY_ASH')!.id;
    const hwClass = String(o.hwCode).split('/')[0];
    for (const [who, kind] of [['recv', 'receiver'], ['haul', 'transporter']] as const) {
      const r = await park.post('/api/v1/waste-licences', { enterpriseId: ent[who], number: `${who}-1`, kind, codes: [hwClass], annualCapacityT: 1000, validFrom: '2020-01-01', validTo: '2099-12-31' });
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    }
  }, 120_000);
  afterAll(() => server?.close());

  const draft = async () => {
    const r = await as.gen.post('/api/v1/manifests', {
      receiverId: ent.recv, plannedDate: today, legs: [{ transporterId: ent.haul, vehicle: '浙A00001' }],
      lines: [{ materialId: oil, form: 'liquid', packaging: 'drum', containers: 4, quantity: 1 }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: number; number: string; version: number };
  };
  const act = (who: Client, id: number, body: Record<string, unknown>) => who.post(`/api/v1/manifests/${id}/actions`, body);
  const expectProblem = (r: { status: number; headers: Headers; body: { status?: number; type?: string; detail?: string } }, status: number, detail?: RegExp) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.status).toBe(status);
    if (detail) expect(r.body.detail).toMatch(detail);
  };

  it('tells a non-party that the manifest does not exist, whatever it tries', async () => {
    const m = await draft();
    for (const who of [as.intruder, as.intruderOperator]) {
      expectProblem(await who.get(`/api/v1/manifests/${m.id}`), 404);
      expectProblem(await who.get(`/api/v1/manifests/${m.id}/pdf?lang=en`), 404);
      expectProblem(await who.patch(`/api/v1/manifests/${m.id}`, { version: 1, route: 'x' }), 404);
      for (const action of ['sign', 'cancel', 'hand_over', 'take_over', 'accept', 'close']) expectProblem(await act(who, m.id, { action, version: 1, seen: seen(1) }), 404);
      const listed = (await who.get('/api/v1/manifests?limit=500')).body.items.map((i: { id: number }) => i.id);
      expect(listed).not.toContain(m.id);
      expect((await who.get(`/api/v1/manifests?q=${encodeURIComponent(m.number)}`)).body.total).toBe(0);
    }
    // An id that does not exist answers the same as one the caller may not see.
    expectProblem(await as.intruder.get('/api/v1/manifests/999999'), 404);
    const untouched = (await as.gen.get(`/api/v1/manifests/${m.id}`)).body;
    expect(untouched).toMatchObject({ state: 'draft', version: 1, signatures: [] });
  });

  it('lets a party sign only at its turn, and only with a signing role', async () => {
    const m = await draft();
    expectProblem(await act(as.recv, m.id, { action: 'sign', version: 1 }), 409, /not_your_turn|not_a_party|wrong_state/);
    expectProblem(await act(as.haul, m.id, { action: 'hand_over', version: 1, seen: seen(1) }), 409);
    expect((await act(as.gen, m.id, { action: 'sign', version: 1 })).status).toBe(200);
    // The transporter's turn comes after the generator handed over; before that, not its turn.
    expectProblem(await act(as.haul, m.id, { action: 'take_over', version: 2, seen: seen(1) }), 409, /not_your_turn/);
    expectProblem(await act(as.recv, m.id, { action: 'accept', version: 2, seen: seen(1) }), 409);
    expect((await act(as.gen, m.id, { action: 'hand_over', version: 2, seen: seen(1) })).status).toBe(200);
    // A viewer of the transporter reads, and signs nothing.
    expect((await as.haulViewer.get(`/api/v1/manifests/${m.id}`)).status).toBe(200);
    expect((await as.haulViewer.get(`/api/v1/manifests/${m.id}`)).body.actions).toEqual([]);
    expectProblem(await act(as.haulViewer, m.id, { action: 'take_over', version: 3, seen: seen(1) }), 403);
    // Regulators and the park read everything and sign nothing, not even a generator's draft.
    expect((await regulator.get(`/api/v1/manifests/${m.id}`)).body.actions).toEqual([]);
    expectProblem(await act(regulator, m.id, { action: 'take_over', version: 3, seen: seen(1) }), 403);
    expectProblem(await act(park, m.id, { action: 'take_over', version: 3, seen: seen(1) }), 403);
    expectProblem(await park.post('/api/v1/manifests', { receiverId: ent.recv, plannedDate: today, legs: [], lines: [{ materialId: oil, form: 'liquid', packaging: 'drum', containers: 1, quantity: 1 }] }), 403);
    expect((await regulator.get('/api/v1/manifests?limit=500')).body.items.map((i: { id: number }) => i.id)).toContain(m.id);
    const state = (await as.gen.get(`/api/v1/manifests/${m.id}`)).body;
    expect(state).toMatchObject({ state: 'signed', version: 3 });
    expect(state.signatures).toHaveLength(2);
  });

  it('refuses a replayed or reordered signature, and one naming its own signer', async () => {
    const m = await draft();
    const sign = { action: 'sign', version: 1, location: { place: 'gate 1' } };
    expect((await act(as.gen, m.id, sign)).status).toBe(200);
    expectProblem(await act(as.gen, m.id, sign), 409, /stale_version/);
    expect((await act(as.gen, m.id, { action: 'hand_over', version: 2, seen: seen(1) })).status).toBe(200);
    // The driver answers the version it loaded before the hand-over: reordered, refused.
    expectProblem(await act(as.haul, m.id, { action: 'take_over', version: 2, seen: seen(1) }), 409, /stale_version/);
    // A version from the future is no better.
    expectProblem(await act(as.haul, m.id, { action: 'take_over', version: 4, seen: seen(1) }), 409, /stale_version/);
    for (const forged of [{ username: 'gen.admin' }, { enterpriseId: ent.recv }, { party: 'receiver' }, { userId: 1 }, { role: 'park_admin' }, { leg: 1 }, { at: 0 }]) {
      expectProblem(await act(as.haul, m.id, { action: 'take_over', version: 3, seen: seen(1), ...forged }), 400);
    }
    const took = await act(as.haul, m.id, { action: 'take_over', version: 3, seen: seen(1) });
    expect(took.status).toBe(200);
    expect(took.body.signatures.at(-1)).toMatchObject({ user: 'haul.admin', enterprise: { id: ent.haul }, party: 'transporter', leg: 1, via: 'session' });
    expect(took.body.signatures.map((s: { seq: number; version: number }) => [s.seq, s.version])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(took.body.signaturesVerified).toBe(true);
    // The same body again is a replay.
    expectProblem(await act(as.haul, m.id, { action: 'take_over', version: 3, seen: seen(1) }), 409, /stale_version/);
    expect((await as.gen.get(`/api/v1/manifests/${m.id}`)).body.signatures).toHaveLength(3);
  });

  it('keeps a closed manifest as it was: every action but correct is refused, and correct makes a new revision', async () => {
    const m = await draft();
    let v = 1;
    for (const [who, body] of [
      [as.gen, { action: 'sign' }],
      [as.gen, { action: 'hand_over', seen: seen(1) }],
      [as.haul, { action: 'take_over', seen: seen(1) }],
      [as.haul, { action: 'hand_over', seen: seen(1) }],
      [as.recv, { action: 'take_over', seen: seen(1) }],
      [as.recv, { action: 'accept', seen: seen(1) }],
      [as.recv, { action: 'process', methods: [{ line: 1, method: 'D10', quantity: 1 }] }],
      [as.gen, { action: 'close' }],
    ] as const) {
      const r = await act(who, m.id, { ...body, version: v++ });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const db = server.services.handle.db;
    const rowBefore = await db.selectFrom('manifests').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
    const before = (await as.gen.get(`/api/v1/manifests/${m.id}`)).body;
    expect(before).toMatchObject({ state: 'closed', version: v });
    const attempts: [Client, Record<string, unknown>][] = [];
    for (const who of [as.gen, as.haul, as.recv]) {
      for (const action of ['sign', 'hand_over', 'take_over', 'accept', 'partially_reject', 'reject', 'process', 'resolve_discrepancy', 'close', 'cancel']) {
        attempts.push([who, { action, version: v, seen: seen(1), note: 'x', methods: [{ line: 1, method: 'D10', quantity: 1 }] }]);
      }
    }
    for (const [who, body] of attempts) {
      const r = await act(who, m.id, body);
      expect(r.status, `${String(body.action)}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expectProblem(await as.gen.patch(`/api/v1/manifests/${m.id}`, { version: v, route: 'x' }), 409);
    expect(await db.selectFrom('manifests').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow()).toEqual(rowBefore);
    expect((await as.gen.get(`/api/v1/manifests/${m.id}`)).body).toEqual(before);

    // The receiver may correct its own figures, not the generator's.
    expectProblem(await act(as.recv, m.id, { action: 'correct', version: v, note: 'x', corrections: [{ line: 1, quantity: 2 }] }), 403);
    const corrected = await act(as.gen, m.id, { action: 'correct', version: v, note: '申报数量笔误', corrections: [{ line: 1, quantity: 1.2 }] });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({ number: m.number, revision: 1, state: 'closed', version: 1, declaredT: 1.2, signaturesVerified: true });
    expect(await db.selectFrom('manifests').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow()).toEqual(rowBefore);
    const old = (await as.gen.get(`/api/v1/manifests/${m.id}`)).body;
    expect({ ...old, latest: true, revisions: [], actions: [] }).toEqual({ ...before, latest: true, revisions: [], actions: [] });
    expect(old.latest).toBe(false);
    // Only the newest revision is corrected, once per version.
    expectProblem(await act(as.gen, m.id, { action: 'correct', version: v, note: 'again', corrections: [{ line: 1, quantity: 1.3 }] }), 409);
    expectProblem(await act(as.gen, corrected.body.id, { action: 'correct', version: 2, note: 'again', corrections: [{ line: 1, quantity: 1.3 }] }), 409, /stale_version/);

    // Every transition is in the audit chain, and the chain holds.
    const audit = (await park.get('/api/v1/audit?limit=1000')).body.items as { entity: string; entityId: string | number; action: string }[];
    const logged = audit.filter((r) => r.entity === 'manifest' && String(r.entityId) === String(m.id)).map((r) => r.action);
    expect(logged.sort()).toEqual(['accept', 'close', 'create', 'hand_over', 'hand_over', 'process', 'sign', 'take_over', 'take_over'].sort());
    expect(audit.some((r) => r.entity === 'manifest' && String(r.entityId) === String(corrected.body.id) && r.action === 'correct')).toBe(true);
    expect((await park.get('/api/v1/audit/verify')).body).toMatchObject({ ok: true, firstBroken: null });
  });

  it('answers hostile input with problem+json', async () => {
    const base = { receiverId: ent.recv, plannedDate: today, legs: [{ transporterId: ent.haul, vehicle: '浙A00001' }] };
    const line = { materialId: oil, form: 'liquid', packaging: 'drum', containers: 1, quantity: 1 };
    const post = (body: unknown) => as.gen.post('/api/v1/manifests', body);
    expectProblem(await post({ ...base, lines: [{ ...line, quantity: 1e300 }] }), 400);
    expectProblem(await post({ ...base, lines: [{ ...line, quantity: -1 }] }), 400);
    expectProblem(await post({ ...base, lines: [{ ...line, containers: 1.5 }] }), 400);
    expectProblem(await post({ ...base, lines: Array.from({ length: 201 }, () => line) }), 400);
    expectProblem(await post({ ...base, lines: [] }), 400);
    const unknown = await post({ ...base, lines: [{ ...line, materialId: 999_999 }] });
    expectProblem(unknown, 400);
    expect(unknown.body.errors).toEqual([{ path: '/body/lines/0/materialId', message: 'no such material' }]);
    const harmless = await post({ ...base, lines: [line, { ...line, materialId: ash }] });
    expectProblem(harmless, 400, /not a hazardous waste/);
    expect(harmless.body.errors[0].path).toBe('/body/lines/1/materialId');
    expectProblem(await post({ ...base, receiverId: 999_999, lines: [line] }), 400);
    expectProblem(await post({ ...base, receiverId: ent.gen, lines: [line] }), 400);
    expectProblem(await post({ ...base, legs: [{ transporterId: 999_999, vehicle: 'x' }], lines: [line] }), 400);
    expectProblem(await post({ ...base, lines: [{ ...line, hwCode: 'HW06/900-402-06' }] }), 400, /class/);
    expectProblem(await post({ ...base, plannedDate: '2026-13-45x', lines: [line] }), 400);
    expectProblem(await post({ ...base, enterpriseId: ent.recv, lines: [line] }), 400);
    expectProblem(await as.gen.raw('POST', '/api/v1/manifests', '{"receiverId": 1, "lines": ['), 400);
    const m = await draft();
    expectProblem(await as.gen.raw('POST', `/api/v1/manifests/${m.id}/actions`, '{"action":"sign","version":'), 400);
    expectProblem(await act(as.gen, m.id, { action: 'sign', version: 1e20 }), 409, /stale_version/);
    expectProblem(await act(as.gen, m.id, { action: 'sign', version: 0 }), 400);
    expectProblem(await act(as.gen, m.id, { action: 'forge', version: 1 }), 400);
    expectProblem(await act(as.gen, m.id, { action: 'sign', version: 1, seen: Array.from({ length: 201 }, () => ({ line: 1, quantity: 1 })) }), 400);
    expectProblem(await act(as.gen, m.id, { action: 'sign', version: 1, location: { lat: 1e9 } }), 400);
    // The platform answers an id that cannot be one as a record that is not there.
    expectProblem(await as.gen.get('/api/v1/manifests/1e30'), 404);
    expectProblem(await as.gen.get('/api/v1/manifests/abc'), 404);
    expectProblem(await as.gen.get('/api/v1/manifests?limit=1000000'), 400);
    expectProblem(await as.gen.get(`/api/v1/manifests/${m.id}/pdf?lang=fr`), 400);
    expect((await as.gen.get(`/api/v1/manifests/${m.id}`)).body).toMatchObject({ version: 1, state: 'draft' });
  });

  it('prints a party’s manifest as a PDF', async () => {
    const m = await draft();
    const r = await fetch(`${server.url}/api/v1/manifests/${m.id}/pdf?lang=en`, { headers: { authorization: `Bearer ${as.haul.token}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toBe(`inline; filename="manifest-${m.number}.pdf"`);
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe.each(await testDialects())('a closed manifest in the store (%s)', (dialect) => {
  let db: TestDatabase;
  let s: Services;
  let id: number;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    s = await openServices({ db: db.url, sessionTtlHours: 1 });
    await bootstrap(s, { adminPassword: 'test-admin-password' });
    const sys = systemContext('test');
    const ids: Record<string, number> = {};
    for (const code of ['gen', 'haul', 'recv']) ids[code] = (await s.registry.enterprises.create(sys, { code, name: code, industry: 'other' })).id;
    const oil = await s.handle.db.selectFrom('materials').select(['id', 'hw_code']).where('code', '=', 'WASTE_MINERAL_OIL').where('enterprise_id', 'is', null).executeTakeFirstOrThrow();
    const now = Date.now();
    for (const [who, kind] of [['recv', 'receiver'], ['haul', 'transporter']] as const) {
      await s.handle.db
        .insertInto('waste_licences')
        .values({ enterprise_id: ids[who], number: `${who}-1`, kind, codes: JSON.stringify([oil.hw_code]), annual_capacity_t: 100, valid_from: '2020-01-01', valid_to: '2099-12-31', site_id: null, vehicle: null, issuer: null, note: null, created_at: now, updated_at: now })
        .execute();
    }
    const ctx = (e: string): AuthContext => ({ userId: null, username: `${e}.admin`, role: 'enterprise_admin', enterpriseId: ids[e], via: 'session' });
    const m = await s.manifests.create(ctx('gen'), {
      receiverId: ids.recv, plannedDate: today, legs: [{ transporterId: ids.haul, vehicle: '浙A00001' }],
      lines: [{ materialId: oil.id, form: 'liquid', packaging: 'drum', containers: 4, quantity: 1 }],
    });
    id = m.id;
    let v = 1;
    for (const [who, body] of [
      ['gen', { action: 'sign' }],
      ['gen', { action: 'hand_over', seen: seen(1) }],
      ['haul', { action: 'take_over', seen: seen(1) }],
      ['haul', { action: 'hand_over', seen: seen(1) }],
      ['recv', { action: 'take_over', seen: seen(1) }],
      ['recv', { action: 'accept', seen: seen(1) }],
      ['recv', { action: 'process', methods: [{ line: 1, method: 'D10', quantity: 1 }] }],
      ['gen', { action: 'close' }],
    ] as const) await s.manifests.act(ctx(who), id, { ...body, version: v++ } as never);
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

  it('refuses a direct UPDATE or DELETE of the closed row and of its signatures', async () => {
    const before = await s.handle.db.selectFrom('manifests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(before.state).toBe('closed');
    await expect(sql`UPDATE manifests SET declared_t = 999 WHERE id = ${id}`.execute(s.handle.db)).rejects.toThrow(/closed manifest cannot change/);
    await expect(sql`UPDATE manifests SET state = 'processed' WHERE id = ${id}`.execute(s.handle.db)).rejects.toThrow(/closed manifest cannot change/);
    await expect(sql`DELETE FROM manifests WHERE id = ${id}`.execute(s.handle.db)).rejects.toThrow(/never deleted/);
    await expect(sql`UPDATE manifest_signatures SET username = 'forger' WHERE manifest_id = ${id}`.execute(s.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM manifest_signatures WHERE manifest_id = ${id}`.execute(s.handle.db)).rejects.toThrow(/append-only/);
    expect(await s.handle.db.selectFrom('manifests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
    const detail = await s.manifests.get(systemContext('test'), id);
    expect(detail.signatures).toHaveLength(8);
    expect(detail.signaturesVerified).toBe(true);
  });
});
