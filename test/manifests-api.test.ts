/**
 * Manifests over HTTP (SQLite): a two-leg manifest from draft to closed with every hand-off signed
 * by both of its sides, a partial rejection spawning the return manifest and a discrepancy that
 * keeps the manifest open until explained, an onward rejection needing the other receiver's licence,
 * every licence refusal the issue names, settings, the overview, the list's filters; and on
 * PostgreSQL, parallel creates never sharing a number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/roles.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';

type Client = ReturnType<typeof client>;

interface Park {
  server: TestServer;
  park: Client;
  regulator: Client;
  as: Record<string, Client>;
  ent: Record<string, number>;
  oil: { id: number; hwCode: string };
  today: string;
}

/** Enterprises, their administrators, and the licences the park registers for them. */
async function setUp(server: TestServer): Promise<Park> {
  const park = client(server.url, await login(server.url, 'admin', server.adminPassword));
  const password = 'manifests-test-password';
  const user = async (username: string, role: Role, enterpriseId: number | null) => {
    const r = await park.post('/api/v1/users', { username, displayName: username, role, password, ...(enterpriseId === null ? {} : { enterpriseId }) });
    if (r.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(r.body)}`);
    return client(server.url, await login(server.url, username, password));
  };
  const ent: Record<string, number> = {};
  const as: Record<string, Client> = {};
  for (const code of ['pharma', 'haul1', 'haul2', 'recycler', 'alt', 'small', 'stale', 'narrow', 'rogue', 'third']) {
    const r = await park.post('/api/v1/enterprises', { code, name: `${code} 公司`, nameEn: `${code} Co.`, industry: 'other' });
    if (r.status !== 201) throw new Error(`enterprise ${code}: ${JSON.stringify(r.body)}`);
    ent[code] = r.body.id;
    as[code] = await user(`${code}.admin`, 'enterprise_admin', ent[code]);
  }
  as.haul1Viewer = await user('haul1.viewer', 'enterprise_viewer', ent.haul1);
  as.haul1Driver = await user('haul1.driver', 'enterprise_operator', ent.haul1);
  const regulator = await user('regulator', 'park_viewer', null);
  const material = (await park.get('/api/v1/materials?q=WASTE_MINERAL_OIL&limit=50')).body.items.find((m: { code: string }) => m.code === 'WASTE_MINERAL_OIL');
  const hwClass = String(material.hwCode).split('/')[0];
  const licence = async (enterprise: string, body: Record<string, unknown>) => {
    const r = await park.post('/api/v1/waste-licences', { enterpriseId: ent[enterprise], validFrom: '2020-01-01', validTo: '2099-12-31', ...body });
    if (r.status !== 201) throw new Error(`licence of ${enterprise}: ${JSON.stringify(r.body)}`);
  };
  await licence('recycler', { number: 'R-1', kind: 'receiver', codes: [hwClass], annualCapacityT: 1000 });
  await licence('small', { number: 'S-1', kind: 'receiver', codes: [hwClass], annualCapacityT: 5 });
  await licence('stale', { number: 'X-1', kind: 'receiver', codes: [hwClass], annualCapacityT: 1000, validFrom: '2015-01-01', validTo: '2020-12-31' });
  await licence('narrow', { number: 'N-1', kind: 'receiver', codes: ['HW06'], annualCapacityT: 1000 });
  await licence('haul1', { number: 'T-1', kind: 'transporter', codes: [hwClass], vehicle: null });
  await licence('haul2', { number: 'T-2', kind: 'transporter', codes: [hwClass], vehicle: '浙B00002' });
  return { server, park, regulator, as, ent, oil: { id: material.id, hwCode: material.hwCode }, today: new Date().toISOString().slice(0, 10) };
}

describe('manifests over HTTP', () => {
  let p: Park;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    p = await setUp(server);
  }, 120_000);
  afterAll(() => server?.close());

  const draft = async (over: Record<string, unknown> = {}, as = 'pharma') => {
    const r = await p.as[as].post('/api/v1/manifests', {
      receiverId: p.ent.recycler, plannedDate: p.today, route: 'G60 → 园区南门',
      legs: [{ transporterId: p.ent.haul1, vehicle: '浙A00001', driver: '王师傅', driverPhone: '13800000000' }],
      lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'drum', containers: 10, quantity: 2 }],
      ...over,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const act = async (who: string, id: number, body: Record<string, unknown>, status = 200) => {
    const r = await p.as[who].post(`/api/v1/manifests/${id}/actions`, body);
    expect(r.status, `${who} ${String(body.action)}: ${JSON.stringify(r.body)}`).toBe(status);
    return r.body;
  };
  const all = (quantity: number, containers?: number) => [{ line: 1, quantity, ...(containers === undefined ? {} : { containers }) }];

  it('runs a two-leg manifest from draft to closed, each hand-off signed by both sides, the chain verified', async () => {
    const m = await draft({
      legs: [
        { transporterId: p.ent.haul1, vehicle: '浙A00001' },
        { transporterId: p.ent.haul2, vehicle: '浙B00002' },
      ],
    });
    expect(m).toMatchObject({ state: 'draft', version: 1, revision: 0, kind: 'original', latest: true, generator: { id: p.ent.pharma }, receiver: { id: p.ent.recycler }, roles: ['generator'], declaredT: 2 });
    expect(m.number).toMatch(/-\d{4}-\d{6}$/);
    expect(m.lines[0]).toMatchObject({ line: 1, materialCode: 'WASTE_MINERAL_OIL', hwCode: p.oil.hwCode, unit: 't', received: null });
    expect(m.lines[0].batches).toHaveLength(1);
    expect(m.lines[0].hazards.length).toBeGreaterThan(0);
    expect(m.turn).toMatchObject({ party: 'generator', enterprise: { id: p.ent.pharma } });
    expect(m.actions).toEqual(expect.arrayContaining(['sign', 'cancel']));
    expect(m.licenceProblems).toEqual([]);

    const steps: [string, Record<string, unknown>, string][] = [
      ['pharma', { action: 'sign', location: { place: '制药厂危废库' } }, 'signed'],
      ['pharma', { action: 'hand_over', seen: all(2, 10) }, 'signed'],
      ['haul1', { action: 'take_over', seen: all(2, 10), location: { lat: 30.1, lng: 120.2, accuracyM: 8 } }, 'in_transit'],
      ['haul1', { action: 'hand_over', seen: all(2, 10) }, 'in_transit'],
      ['haul2', { action: 'take_over', seen: all(2, 10) }, 'in_transit'],
      ['haul2', { action: 'hand_over', seen: all(2, 10) }, 'in_transit'],
      ['recycler', { action: 'take_over', seen: all(2, 10) }, 'delivered'],
      ['recycler', { action: 'accept', seen: all(1.95, 10) }, 'accepted'],
      ['recycler', { action: 'process', methods: [{ line: 1, method: 'R9', quantity: 1.95 }] }, 'processed'],
      ['pharma', { action: 'close' }, 'closed'],
    ];
    let version = 1;
    let last = m;
    for (const [who, body, state] of steps) {
      last = await act(who, m.id, { ...body, version });
      expect(last.state, `${who} ${String(body.action)}`).toBe(state);
      expect(last.version).toBe(++version);
    }
    expect(last).toMatchObject({ turn: null, actions: ['correct'], signaturesVerified: true, receivedT: 1.95, acceptedT: 1.95, discrepancy: null });
    expect(last.signatures.map((s: { action: string; party: string; leg: number | null }) => `${s.action}:${s.party}:${s.leg ?? 0}`)).toEqual([
      'sign:generator:0', 'hand_over:generator:0', 'take_over:transporter:1', 'hand_over:transporter:1', 'take_over:transporter:2', 'hand_over:transporter:2',
      'take_over:receiver:0', 'accept:receiver:0', 'process:receiver:0', 'close:generator:0',
    ]);
    const takeOver = last.signatures[2];
    expect(takeOver).toMatchObject({ user: 'haul1.admin', role: 'enterprise_admin', via: 'session', enterprise: { id: p.ent.haul1 }, location: { lat: 30.1, lng: 120.2 }, seen: all(2, 10), version: 3 });
    expect(last.legs.map((l: { tookOverAt: number | null }) => typeof l.tookOverAt)).toEqual(['number', 'number']);
    expect(last.lines[0]).toMatchObject({ received: 1.95, rejected: 0, method: 'R9', processed: 1.95 });
    for (const at of ['signedAt', 'pickedUpAt', 'deliveredAt', 'receivedAt', 'processedAt', 'closedAt']) expect(typeof last[at], at).toBe('number');

    // Each transition is in the audit chain, and the chain holds.
    const audit = await p.park.get(`/api/v1/audit?entity=manifest&entityId=${m.id}&limit=100`);
    expect(audit.status).toBe(200);
    const logged = audit.body.items.filter((r: { entity: string; entityId: string | number }) => r.entity === 'manifest' && String(r.entityId) === String(m.id)).map((r: { action: string }) => r.action);
    for (const a of ['create', 'sign', 'hand_over', 'take_over', 'accept', 'process', 'close']) expect(logged, a).toContain(a);
    expect(logged.length).toBe(11);
    const verify = await p.park.get('/api/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });

    // The receiver corrects what it weighed: a new revision; the closed one reads as it did.
    const before = await p.as.pharma.get(`/api/v1/manifests/${m.id}`);
    const corrected = await act('recycler', m.id, { action: 'correct', version, note: 'the weighbridge was recalibrated', corrections: [{ line: 1, received: 1.9, processed: 1.9 }] });
    expect(corrected).toMatchObject({ number: m.number, revision: 1, state: 'closed', version: 1, latest: true, correction: { by: 'recycler.admin', fields: expect.arrayContaining(['received', 'processed']) } });
    expect(corrected.lines[0]).toMatchObject({ received: 1.9, processed: 1.9 });
    expect(corrected.revisions.map((r: { revision: number }) => r.revision)).toEqual([0, 1]);
    const after = await p.as.pharma.get(`/api/v1/manifests/${m.id}`);
    expect(after.body.latest).toBe(false);
    expect({ ...after.body, latest: true, revisions: [], actions: [] }).toEqual({ ...before.body, latest: true, revisions: [], actions: [] });
    const listed = await p.as.pharma.get(`/api/v1/manifests?q=${encodeURIComponent(m.number)}`);
    expect(listed.body.items.map((i: { revision: number }) => i.revision)).toEqual([1]);
    const everyRevision = await p.as.pharma.get(`/api/v1/manifests?q=${encodeURIComponent(m.number)}&latest=false`);
    expect(everyRevision.body.total).toBe(2);
  });

  it('spawns a return manifest for a partly rejected load, and keeps a discrepancy open until the generator explains it', async () => {
    const m = await draft({ lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'drum', containers: 20, quantity: 4 }] });
    let v = 1;
    for (const [who, body] of [
      ['pharma', { action: 'sign' }],
      ['pharma', { action: 'hand_over', seen: all(4, 20) }],
      ['haul1', { action: 'take_over', seen: all(4, 20) }],
      ['haul1', { action: 'hand_over', seen: all(4, 20) }],
      ['recycler', { action: 'take_over', seen: all(4, 20) }],
    ] as const) await act(who, m.id, { ...body, version: v++ });
    const received = await act('recycler', m.id, { action: 'partially_reject', version: v++, seen: all(3, 20), rejected: [{ line: 1, quantity: 1 }], rejection: { route: 'return', reason: '含水率超标' } });
    expect(received).toMatchObject({ state: 'partially_rejected', receivedT: 3, acceptedT: 2, discrepancy: 'open' });
    expect(received.discrepancyDetail).toMatchObject({ state: 'open', tolerancePct: 10, lines: [{ line: 1, declared: 4, received: 3, reasons: ['weight'] }] });
    expect(received.rejection).toMatchObject({ route: 'return', reason: '含水率超标', manifest: { kind: 'return', state: 'draft' } });
    expect(received.children).toHaveLength(1);

    const ret = (await p.as.recycler.get(`/api/v1/manifests/${received.rejection.manifest.id}`)).body;
    expect(ret).toMatchObject({ kind: 'return', state: 'draft', generator: { id: p.ent.recycler }, receiver: { id: p.ent.pharma }, parent: { id: m.id }, declaredT: 1, roles: ['generator'] });
    expect(ret.lines[0]).toMatchObject({ materialId: p.oil.id, hwCode: p.oil.hwCode, quantity: 1, batches: received.lines[0].batches });
    expect(ret.legs).toMatchObject([{ leg: 1, transporter: { id: p.ent.haul1 }, vehicle: '浙A00001' }]);
    expect(ret.number).not.toBe(m.number);
    // The waste goes back to its producer, which holds no receiver licence: none is needed.
    expect(ret.licenceProblems).toEqual([]);
    expect((await p.as.pharma.get(`/api/v1/manifests/${ret.id}`)).body.roles).toEqual(['receiver']);
    expect((await act('recycler', ret.id, { action: 'sign', version: 1 })).state).toBe('signed');

    await act('recycler', m.id, { action: 'process', version: v++, methods: [{ line: 1, method: 'R9', quantity: 2 }] });
    const refused = await act('pharma', m.id, { action: 'close', version: v }, 409);
    expect(refused.detail).toMatch(/discrepancy_open/);
    expect((await p.park.get('/api/v1/manifests?discrepancy=open')).body.items.map((i: { id: number }) => i.id)).toContain(m.id);
    const resolved = await act('pharma', m.id, { action: 'resolve_discrepancy', version: v++, note: '桶内含水，出厂称重有误' });
    expect(resolved).toMatchObject({ state: 'processed', discrepancy: 'resolved', discrepancyDetail: { state: 'resolved', resolution: { note: '桶内含水，出厂称重有误', by: 'pharma.admin' } } });
    expect((await act('pharma', m.id, { action: 'close', version: v })).state).toBe('closed');
  });

  it('sends a rejected load onward only to a receiver licensed for it', async () => {
    const m = await draft();
    let v = 1;
    for (const [who, body] of [
      ['pharma', { action: 'sign' }],
      ['pharma', { action: 'hand_over', seen: all(2, 10) }],
      ['haul1', { action: 'take_over', seen: all(2, 10) }],
      ['haul1', { action: 'hand_over', seen: all(2, 10) }],
      ['recycler', { action: 'take_over', seen: all(2, 10) }],
    ] as const) await act(who, m.id, { ...body, version: v++ });
    const reject = { action: 'reject', version: v, seen: all(2, 10), rejection: { route: 'onward', receiverId: p.ent.alt, reason: '超出本厂工艺' } };
    const refused = await act('recycler', m.id, reject, 409);
    expect(refused.detail).toMatch(/^no_licence/);
    expect((await p.as.pharma.get(`/api/v1/manifests/${m.id}`)).body).toMatchObject({ state: 'delivered', version: v, children: [] });
    const licence = await p.park.post('/api/v1/waste-licences', { enterpriseId: p.ent.alt, number: 'A-1', kind: 'receiver', codes: [p.oil.hwCode], annualCapacityT: 100, validFrom: '2020-01-01', validTo: '2099-12-31' });
    expect(licence.status).toBe(201);
    const rejected = await act('recycler', m.id, reject);
    expect(rejected).toMatchObject({ state: 'rejected', acceptedT: 0, rejection: { route: 'onward', receiverId: p.ent.alt, manifest: { kind: 'onward' } } });
    const onward = (await p.as.recycler.get(`/api/v1/manifests/${rejected.rejection.manifest.id}`)).body;
    expect(onward).toMatchObject({ kind: 'onward', generator: { id: p.ent.recycler }, receiver: { id: p.ent.alt }, declaredT: 2, licenceProblems: [] });
    // The original generator is no party to where its rejected waste went on.
    expect((await p.as.pharma.get(`/api/v1/manifests/${onward.id}`)).status).toBe(404);
    expect((await p.as.alt.get(`/api/v1/manifests/${onward.id}`)).status).toBe(200);
  });

  describe('licence refusals at the generator’s signature, with the reason', () => {
    const refusedSign = async (body: Record<string, unknown>, code: string) => {
      const m = await draft(body);
      expect(m.licenceProblems.map((x: { code: string }) => x.code)).toContain(code);
      const r = await act('pharma', m.id, { action: 'sign', version: 1 }, 409);
      expect(r.detail).toMatch(new RegExp(`^${code}: `));
      expect(r.type).toMatch(/problems\/conflict$/);
      expect((await p.as.pharma.get(`/api/v1/manifests/${m.id}`)).body).toMatchObject({ state: 'draft', version: 1, signatures: [] });
      return r;
    };
    it('an unlicensed receiver', async () => {
      await refusedSign({ receiverId: p.ent.third }, 'no_licence');
    });
    it('an unlicensed transporter', async () => {
      const r = await refusedSign({ legs: [{ transporterId: p.ent.haul1, vehicle: '浙A00001' }, { transporterId: p.ent.rogue, vehicle: '浙C66666' }] }, 'no_licence');
      expect(r.detail).toMatch(/rogue|transport/i);
    });
    it('a transporter licence for another vehicle', async () => {
      await refusedSign({ legs: [{ transporterId: p.ent.haul2, vehicle: '浙B99999' }] }, 'vehicle_not_covered');
    });
    it('an expired licence', async () => {
      await refusedSign({ receiverId: p.ent.stale }, 'expired');
    });
    it('a code outside the licence', async () => {
      await refusedSign({ receiverId: p.ent.narrow }, 'code_not_covered');
    });
    it('a quantity over the capacity left, counting what is in flight', async () => {
      await refusedSign({ receiverId: p.ent.small, lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'drum', containers: 30, quantity: 6 }] }, 'over_capacity');
      const first = await draft({ receiverId: p.ent.small, lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'drum', containers: 15, quantity: 3 }] });
      expect((await act('pharma', first.id, { action: 'sign', version: 1 })).state).toBe('signed');
      // 5 t a year, 3 t in flight: 2 t left.
      const r = await refusedSign({ receiverId: p.ent.small, lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'drum', containers: 15, quantity: 3 }] }, 'over_capacity');
      expect(r.detail).toMatch(/2/);
      const overview = (await p.park.get('/api/v1/manifests/overview')).body;
      expect(overview.capacity.find((c: { licenceNumber: string }) => c.licenceNumber === 'S-1')).toMatchObject({ receiver: { id: p.ent.small }, annualCapacityT: 5, inFlightT: 3, leftT: 2, valid: true });
    });
    it('a transporter taking over with a vehicle its licence does not cover is refused at the gate', async () => {
      // Signed while the licence covered every vehicle; the park narrows it before pick-up.
      const m = await draft({ legs: [{ transporterId: p.ent.haul1, vehicle: '浙A00001' }] });
      await act('pharma', m.id, { action: 'sign', version: 1 });
      await act('pharma', m.id, { action: 'hand_over', version: 2, seen: all(2, 10) });
      const id = (await p.park.get(`/api/v1/waste-licences?enterpriseId=${p.ent.haul1}`)).body.items[0].id;
      expect((await p.park.patch(`/api/v1/waste-licences/${id}`, { vehicle: '浙A99999' })).status).toBe(200);
      const r = await act('haul1Driver', m.id, { action: 'take_over', version: 3, seen: all(2, 10) }, 409);
      expect(r.detail).toMatch(/^vehicle_not_covered/);
      expect((await p.park.patch(`/api/v1/waste-licences/${id}`, { vehicle: null })).status).toBe(200);
      expect((await act('haul1Driver', m.id, { action: 'take_over', version: 3, seen: all(2, 10) })).state).toBe('in_transit');
    });
  });

  it('edits a draft answering its version, and cancels only before pick-up', async () => {
    const m = await draft();
    const edited = await p.as.pharma.patch(`/api/v1/manifests/${m.id}`, { version: 1, lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'ibc', containers: 2, quantity: 1.5, unit: 't' }], legs: [{ transporterId: p.ent.haul2, vehicle: '浙B00002' }] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, declaredT: 1.5, transporters: [{ id: p.ent.haul2 }], lines: [{ packaging: 'ibc', quantity: 1.5 }] });
    expect(edited.body.lines[0].batches[0]).not.toBe(m.lines[0].batches[0]);
    expect((await p.as.haul2.get(`/api/v1/manifests/${m.id}`)).status).toBe(200);
    expect((await p.as.haul1.get(`/api/v1/manifests/${m.id}`)).status).toBe(404);
    expect((await p.as.pharma.patch(`/api/v1/manifests/${m.id}`, { version: 1, route: 'x' })).status).toBe(409);
    expect((await p.as.recycler.patch(`/api/v1/manifests/${m.id}`, { version: 2, route: 'x' })).status).toBe(403);
    await act('pharma', m.id, { action: 'sign', version: 2 });
    expect((await p.as.pharma.patch(`/api/v1/manifests/${m.id}`, { version: 3, route: 'x' })).status).toBe(409);
    await act('pharma', m.id, { action: 'hand_over', version: 3, seen: all(1.5, 2) });
    await act('haul2', m.id, { action: 'take_over', version: 4, seen: all(1.5, 2) });
    expect((await act('pharma', m.id, { action: 'cancel', version: 5 }, 409)).detail).toMatch(/wrong_state|not_your_turn/);

    const other = await draft();
    expect((await act('pharma', other.id, { action: 'cancel', version: 1, note: '计划取消' })).state).toBe('cancelled');
    expect((await act('pharma', other.id, { action: 'sign', version: 2 }, 409)).detail).toMatch(/wrong_state/);
  });

  it('lists with its filters, and the park’s overview', async () => {
    const byState = await p.regulator.get('/api/v1/manifests?state=closed');
    expect(byState.status).toBe(200);
    expect(byState.body.items.length).toBeGreaterThan(0);
    expect(byState.body.items.every((i: { state: string }) => i.state === 'closed')).toBe(true);
    const asTransporter = (await p.as.haul1.get('/api/v1/manifests?role=transporter&limit=500')).body;
    expect(asTransporter.items.every((i: { roles: string[] }) => i.roles.includes('transporter'))).toBe(true);
    const returns = (await p.park.get('/api/v1/manifests?kind=return')).body.items;
    expect(returns.every((i: { kind: string }) => i.kind === 'return')).toBe(true);
    expect(returns.length).toBe(1);
    const ofSmall = (await p.park.get(`/api/v1/manifests?enterpriseId=${p.ent.small}`)).body.items;
    expect(ofSmall.every((i: { receiver: { id: number } }) => i.receiver.id === p.ent.small)).toBe(true);
    const batch = returns[0] && (await p.park.get(`/api/v1/manifests/${returns[0].id}`)).body.lines[0].batches[0];
    const byBatch = (await p.park.get(`/api/v1/manifests?q=${encodeURIComponent(batch)}&latest=false`)).body.items;
    expect(byBatch.length).toBeGreaterThanOrEqual(2);
    expect((await p.park.get('/api/v1/manifests?overdue=false&limit=1')).body.total).toBeGreaterThan(0);
    expect((await p.park.get('/api/v1/manifests?from=2099-01-01')).body.total).toBe(0);

    const overview = await p.regulator.get('/api/v1/manifests/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.scope).toBe('park');
    expect(overview.body.months).toHaveLength(12);
    expect(overview.body.byState.map((s: { state: string }) => s.state)).toEqual(expect.arrayContaining(['closed', 'draft', 'signed', 'cancelled']));
    expect(overview.body.open.every((s: { state: string }) => ['signed', 'in_transit', 'delivered'].includes(s.state))).toBe(true);
    const thisMonth = overview.body.months.find((m: { month: string }) => m.month === p.today.slice(0, 7));
    expect(thisMonth.acceptedT).toBeGreaterThan(0);
    expect(thisMonth.utilizedT).toBeGreaterThan(0);
    const mine = (await p.as.small.get('/api/v1/manifests/overview')).body;
    expect(mine.scope).toBe('enterprise');
    expect(mine.capacity.map((c: { licenceNumber: string }) => c.licenceNumber)).toEqual(['S-1']);
    const vocabulary = (await p.as.third.get('/api/v1/manifests/vocabulary')).body;
    expect(vocabulary.methods.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['R9', 'D10']));
    expect(vocabulary.hazards.find((h: { hwCode: string }) => h.hwCode === p.oil.hwCode)).toBeDefined();
  });

  it('lets the park administrator alone set the numbering and tolerances', async () => {
    const got = await p.as.pharma.get('/api/v1/manifest-settings');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ numberFormat: '{park}-{YYYY}-{seq:6}', discrepancyTolerancePct: 10 });
    const { updatedBy: _b, updatedAt: _a, ...settings } = got.body;
    void _b;
    void _a;
    expect((await p.as.pharma.raw('PUT', '/api/v1/manifest-settings', settings)).status).toBe(403);
    expect((await p.regulator.raw('PUT', '/api/v1/manifest-settings', settings)).status).toBe(403);
    const bad = await p.park.raw('PUT', '/api/v1/manifest-settings', { ...settings, numberFormat: 'NO-SEQ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/body/numberFormat');
    const put = await p.park.raw('PUT', '/api/v1/manifest-settings', { ...settings, numberFormat: 'HW{YY}{MM}-{seq:5}' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.updatedBy).toBe('admin');
    const m = await draft();
    expect(m.number).toMatch(new RegExp(`^HW${p.today.slice(2, 4)}${p.today.slice(5, 7)}-\\d{5}$`));
    expect((await p.park.raw('PUT', '/api/v1/manifest-settings', settings)).status).toBe(200);
  });

  it('documents the routes in the OpenAPI, the action body closed to anything but the action’s own fields', async () => {
    const doc = (await client(p.server.url).get('/api/openapi.json')).body;
    for (const path of ['/api/v1/manifests', '/api/v1/manifests/overview', '/api/v1/manifests/vocabulary', '/api/v1/manifests/{id}', '/api/v1/manifests/{id}/actions', '/api/v1/manifests/{id}/pdf', '/api/v1/manifest-settings']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const action = doc.paths['/api/v1/manifests/{id}/actions'].post.requestBody.content['application/json'].schema;
    expect(action.additionalProperties).toBe(false);
    for (const forged of ['username', 'enterpriseId', 'party', 'userId', 'role', 'at']) expect(action.properties).not.toHaveProperty([forged]);
    expect(doc.paths['/api/v1/manifests'].get.responses['200']).toBeDefined();
  });

  it('mints the manifest its identifier and its batches theirs once the park has an identifier prefix', async () => {
    const before = await draft();
    expect(before.identifier).toBeNull();
    expect(before.lines[0].batches[0]).toMatch(/^urn:symbiont:waste-batch:/);
    expect((await p.park.patch('/api/v1/park', { identifierPrefix: '88.514.14' })).status).toBe(200);
    const m = await draft();
    expect(m.identifier).toMatch(/^https?:\/\/.+88\.514\.14/);
    expect(m.lines[0].batches[0]).toMatch(/88\.514\.14/);
    expect(m.lines[0].batches[0]).not.toBe(m.identifier);
    const named = await draft({ lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'drum', containers: 1, quantity: 1, batches: ['urn:epc:class:lgtin:6901234.000123.B7'] }] });
    expect(named.lines[0].batches).toEqual(['urn:epc:class:lgtin:6901234.000123.B7']);
    const ids = (await p.as.pharma.get('/api/v1/identifiers?limit=500')).body.items.map((i: { url: string; kind: string }) => `${i.kind} ${i.url}`);
    expect(ids).toEqual(expect.arrayContaining([`other ${m.identifier}`, `waste_batch ${m.lines[0].batches[0]}`]));
  });
});

describe('manifests on PostgreSQL', () => {
  let p: Park;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ demo: false, dialect: 'postgres' });
    p = await setUp(server);
  }, 120_000);
  afterAll(() => server?.close());

  it('gives parallel creates distinct numbers', async () => {
    const body = {
      receiverId: p.ent.recycler, plannedDate: p.today, legs: [{ transporterId: p.ent.haul1, vehicle: '浙A00001' }],
      lines: [{ materialId: p.oil.id, form: 'liquid', packaging: 'drum', containers: 1, quantity: 0.2, batches: ['urn:symbiont:test:batch'] }],
    };
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => p.as[i % 2 ? 'pharma' : 'alt'].post('/api/v1/manifests', body)));
    for (const r of made) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const numbers = made.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(12);
    const serials = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 12 }, (_, i) => serials[0] + i));
  });
});
