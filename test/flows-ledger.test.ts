/**
 * The flow ledger's store, service and CRUD routes, on each dialect: nodes in step with the
 * registry, manual flows (create, read, patch, delete), who sees a flow (both ends, not a third
 * enterprise; the park only what is shared or its own), a hostile tenant kept out (another
 * enterprise's unit is an unknown node; another's flow answers 404), a source's re-run replacing
 * its rows, an all-or-nothing write listing every bad row, stocks, and problem+json on bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext, Role } from '../src/core/roles.ts';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { testDialects } from './helpers/db.ts';

const dialects = await testDialects();
type Client = ReturnType<typeof client>;

describe.each(dialects)('the flow ledger on %s', (dialect) => {
  let server: TestServer;
  let park: Client;
  let regulator: Client;
  let chlor: Client;
  let chlorAdmin: Client;
  let chlorViewer: Client;
  let pvc: Client;
  let refinery: Client;
  const ent: Record<string, number> = {};
  let chlorUnit: { id: number; code: string };
  let pvcUnit: { id: number; code: string };
  const ctxOf = (role: Role, enterpriseId: number | null, username = 'test'): AuthContext => ({ userId: null, username, role, enterpriseId, via: 'system' });
  const flow = (over: Record<string, unknown> = {}) => ({ period: '2026-03', from: chlorUnit.code, to: 'pvc', material: 'RAW_COAL', quantity: 120, unit: 't', basis: 'measured', ...over });

  beforeAll(async () => {
    // Its own small park rather than the demo's, so that no other flows stand in the counts.
    server = await startTestServer({ demo: false, dialect });
    park = client(server.url, await login(server.url, 'admin', server.adminPassword));
    const password = 'flows-test-password';
    const user = async (username: string, role: Role, enterpriseId: number | null) => {
      const r = await park.post('/api/v1/users', { username, displayName: username, role, password, ...(enterpriseId === null ? {} : { enterpriseId }) });
      if (r.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(r.body)}`);
      return client(server.url, await login(server.url, username, password));
    };
    const units: Record<string, { id: number; code: string }> = {};
    for (const code of ['chloralkali', 'pvc', 'refinery']) {
      ent[code] = (await park.post('/api/v1/enterprises', { code, name: code, industry: 'other' })).body.id;
      const site = (await park.post('/api/v1/sites', { enterpriseId: ent[code], code: `${code}-site`, name: code })).body.id;
      units[code] = (await park.post('/api/v1/units', { siteId: site, code: `${code}-main`, name: `${code} main unit`, kind: 'utility' })).body;
    }
    chlorUnit = units.chloralkali;
    pvcUnit = units.pvc;
    regulator = await user('regulator', 'park_viewer', null);
    chlor = await user('chloralkali.operator', 'enterprise_operator', ent.chloralkali);
    chlorAdmin = await user('chloralkali.admin', 'enterprise_admin', ent.chloralkali);
    chlorViewer = await user('chloralkali.viewer', 'enterprise_viewer', ent.chloralkali);
    pvc = await user('pvc.operator', 'enterprise_operator', ent.pvc);
    refinery = await user('refinery.admin', 'enterprise_admin', ent.refinery);
  }, 120_000);
  afterAll(() => server?.close());

  it('names a unit added to the registry after start-up: the write brings the nodes in step', async () => {
    // The units were added after the start-up sync, so no unit node exists until a write names one.
    const r = await chlor.post('/api/v1/flows', flow());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ enterpriseId: ent.chloralkali, fromCode: chlorUnit.code, toCode: 'pvc', quantity: 120, unit: 't', sd: null, effectiveSd: 1.2, basis: 'measured', source: 'manual', sourceKey: null, enteredBy: 'chloralkali.operator', grain: 'month', period: '2026-03' });
    await park.delete(`/api/v1/flows/${r.body.id}`);
  });

  it('keeps nodes in step with the registry, idempotently, and shows each caller its share of them', async () => {
    await server.services.flows.syncNodes();
    const all = (await park.get('/api/v1/flow-nodes')).body.items as { id: number; code: string; kind: string; enterpriseId: number | null; unitId: number | null; parentId: number | null; boundaryKind: string | null }[];
    await server.services.flows.syncNodes();
    expect((await park.get('/api/v1/flow-nodes')).body.items).toEqual(all);
    const byCode = new Map(all.map((n) => [n.code, n]));
    expect(byCode.get('park')).toMatchObject({ kind: 'park', enterpriseId: null, parentId: null });
    for (const b of ['supplier', 'customer', 'air', 'water-body', 'landfill', 'incineration', 'storage-yard']) expect(byCode.get(b)).toMatchObject({ kind: 'boundary', parentId: byCode.get('park')!.id });
    expect(byCode.get('water-body')!.boundaryKind).toBe('water_body');
    expect(byCode.get('pvc')).toMatchObject({ kind: 'enterprise', enterpriseId: ent.pvc, parentId: byCode.get('park')!.id });
    const unitNode = all.find((n) => n.unitId === chlorUnit.id)!;
    expect(unitNode).toMatchObject({ kind: 'unit', enterpriseId: ent.chloralkali, parentId: byCode.get('chloralkali')!.id });

    const mine = (await chlor.get('/api/v1/flow-nodes')).body.items as typeof all;
    expect(mine.some((n) => n.code === 'pvc')).toBe(true);
    expect(mine.some((n) => n.unitId === chlorUnit.id)).toBe(true);
    expect(mine.some((n) => n.unitId === pvcUnit.id)).toBe(false);
    const pvcUnitNode = all.find((n) => n.unitId === pvcUnit.id)!;
    expect((await chlor.get(`/api/v1/flow-nodes/${pvcUnitNode.id}`)).status).toBe(404);

    // A renamed unit renames its node.
    expect((await park.patch(`/api/v1/units/${chlorUnit.id}`, { name: '改名的装置', nameEn: 'Renamed unit' })).status).toBe(200);
    await server.services.flows.syncNodes();
    expect((await park.get(`/api/v1/flow-nodes/${unitNode.id}`)).body).toMatchObject({ name: '改名的装置', nameEn: 'Renamed unit', code: unitNode.code });
    // Synced nodes follow the registry, not hands.
    expect((await park.patch(`/api/v1/flow-nodes/${unitNode.id}`, { name: 'x' })).status).toBe(409);
  });

  it('adds nodes people name: an enterprise its own boundary node, rolling up to its enterprise', async () => {
    const r = await chlorAdmin.post('/api/v1/flow-nodes', { code: 'chlor-brine-pond', name: '盐泥池', kind: 'boundary', boundaryKind: 'landfill' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const entNode = (await park.get('/api/v1/flow-nodes?kind=enterprise')).body.items.find((n: { code: string }) => n.code === 'chloralkali');
    expect(r.body).toMatchObject({ enterpriseId: ent.chloralkali, parentId: entNode.id });
    expect((await chlorAdmin.post('/api/v1/flow-nodes', { code: 'x-park', name: 'x', kind: 'park' })).status).toBe(400);
    expect((await chlor.post('/api/v1/flow-nodes', { code: 'x-op', name: 'x', kind: 'unit' })).status).toBe(403);
    expect((await pvc.get(`/api/v1/flow-nodes/${r.body.id}`)).status).toBe(404);
    expect((await refinery.patch(`/api/v1/flow-nodes/${r.body.id}`, { name: 'hijacked' })).status).toBe(404);
    expect((await chlorAdmin.delete(`/api/v1/flow-nodes/${r.body.id}`)).status).toBe(204);
  });

  it('records, reads, patches and deletes a flow by hand; both ends see it, a third enterprise and the park do not', async () => {
    const created = await chlor.post('/api/v1/flows', flow({ sd: 2, note: '月报' }));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/flows/${created.body.id}`);
    const id = created.body.id as number;
    expect((await chlor.get(`/api/v1/flows/${id}`)).body).toEqual(created.body);
    expect((await pvc.get(`/api/v1/flows/${id}`)).status).toBe(200);
    expect((await refinery.get(`/api/v1/flows/${id}`)).status).toBe(404);
    expect((await regulator.get(`/api/v1/flows/${id}`)).status).toBe(404);
    expect((await park.get(`/api/v1/flows/${id}`)).status).toBe(404);
    const listed = (who: Client) => who.get('/api/v1/flows?period=2026&limit=1000').then((r) => (r.body.items as { id: number }[]).map((f) => f.id));
    expect(await listed(pvc)).toContain(id);
    expect(await listed(refinery)).not.toContain(id);
    expect(await listed(regulator)).not.toContain(id);
    expect((await chlor.get(`/api/v1/flows?period=2026-03&node=${chlorUnit.code}&material=RAW_COAL`)).body.items.map((f: { id: number }) => f.id)).toContain(id);
    expect((await chlor.get('/api/v1/flows?period=2025')).body).toMatchObject({ items: [], total: 0 });

    const patched = await chlor.patch(`/api/v1/flows/${id}`, { quantity: 130, sd: null, basis: 'estimated' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ quantity: 130, sd: null, basis: 'estimated', note: '月报', fromCode: chlorUnit.code });
    expect(patched.body.effectiveSd).toBeCloseTo(19.5, 9);
    // The other end sees the flow but does not own it; a third enterprise does not see it at all.
    expect((await pvc.patch(`/api/v1/flows/${id}`, { quantity: 1 })).status).toBe(403);
    expect((await pvc.delete(`/api/v1/flows/${id}`)).status).toBe(403);
    expect((await refinery.patch(`/api/v1/flows/${id}`, { quantity: 1 })).status).toBe(404);
    expect((await refinery.delete(`/api/v1/flows/${id}`)).status).toBe(404);
    expect((await chlorViewer.post('/api/v1/flows', flow())).status).toBe(403);
    expect((await regulator.post('/api/v1/flows', flow({ from: 'supplier' }))).status).toBe(403);

    const periods = (await chlor.get('/api/v1/flows/periods')).body.items;
    expect(periods).toContainEqual({ period: '2026-03', grain: 'month', flows: expect.any(Number) });

    expect((await chlor.delete(`/api/v1/flows/${id}`)).status).toBe(204);
    expect((await pvc.get(`/api/v1/flows/${id}`)).status).toBe(404);
    const audit = (await park.get('/api/v1/audit?limit=50')).body.items as { entity: string; entityId: string; action: string }[];
    expect(audit.filter((a) => a.entity === 'flow' && String(a.entityId) === String(id)).map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('shows the park what an enterprise shares with it, exchanges only when the rule says so', async () => {
    const exchange = (await chlor.post('/api/v1/flows', flow({ period: '2026-04' }))).body.id as number;
    const internal = (await chlor.post('/api/v1/flows', flow({ period: '2026-04', to: 'air', material: 'RAW_COAL', quantity: 1 }))).body.id as number;
    expect((await regulator.get(`/api/v1/flows/${exchange}`)).status).toBe(404);
    const rule = await chlorAdmin.post('/api/v1/flow-shares', { granteeId: null, scope: 'exchanges' });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    expect((await regulator.get(`/api/v1/flows/${exchange}`)).status).toBe(200);
    expect((await regulator.get(`/api/v1/flows/${internal}`)).status).toBe(404);
    expect((await chlorAdmin.patch(`/api/v1/flow-shares/${rule.body.id}`, { scope: 'all' })).status).toBe(200);
    expect((await park.get(`/api/v1/flows/${internal}`)).status).toBe(200);
    // The park's share does not reach another enterprise.
    expect((await refinery.get(`/api/v1/flows/${internal}`)).status).toBe(404);
    expect((await chlorAdmin.delete(`/api/v1/flow-shares/${rule.body.id}`)).status).toBe(204);
    expect((await regulator.get(`/api/v1/flows/${exchange}`)).status).toBe(404);
    // The park's own flows are the park's.
    const own = await park.post('/api/v1/flows', flow({ from: 'supplier', to: 'pvc', period: '2026-04' }));
    expect(own.status).toBe(201);
    expect(own.body.enterpriseId).toBe(null);
    expect((await regulator.get(`/api/v1/flows/${own.body.id}`)).status).toBe(200);
    expect((await pvc.get(`/api/v1/flows/${own.body.id}`)).status).toBe(200);
    expect((await refinery.get(`/api/v1/flows/${own.body.id}`)).status).toBe(404);
  });

  it('keeps a hostile tenant from writing from another enterprise’s unit, or between two others', async () => {
    const pvcUnitCode = (await park.get('/api/v1/flow-nodes?kind=unit')).body.items.find((n: { unitId: number }) => n.unitId === pvcUnit.id).code;
    const r = await chlor.post('/api/v1/flows', flow({ from: pvcUnitCode, to: chlorUnit.code }));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.detail).toContain(`unknown node ${pvcUnitCode}`);
    const between = await chlor.post('/api/v1/flows', flow({ from: 'pvc', to: 'refinery' }));
    expect(between.status).toBe(400);
    expect(between.body.detail).toContain('neither pvc nor refinery is a node of your enterprise');
    expect((await chlor.get(`/api/v1/flows?node=${pvcUnitCode}`)).body.total).toBe(0);
  });

  it('answers bad input with problem+json naming what is wrong', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [flow({ quantity: -1 }), /quantity/],
      [flow({ period: '2026-13' }), /period/],
      [flow({ unit: 'pcs' }), /pcs/],
      [flow({ unit: 'Nm3', material: 'RAW_COAL' }), /row 1: cannot convert Nm3 to t for RAW_COAL/],
      [flow({ material: 'NO_SUCH' }), /unknown material NO_SUCH/],
      [flow({ basis: 'guessed' }), /basis/],
      [flow({ to: chlorUnit.code }), /same node/],
      [{ ...flow(), extra: 1 }, /extra|additional/],
    ];
    for (const [body, message] of cases) {
      const r = await chlor.post('/api/v1/flows', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(r.body)).toMatch(message);
    }
    // Water kept in m3 takes tonnes through its density.
    const water = await chlor.post('/api/v1/flows', flow({ material: 'INDUSTRIAL_WATER', unit: 't', to: 'water-body', quantity: 50 }));
    expect(water.status, JSON.stringify(water.body)).toBe(201);
    expect((await chlor.get('/api/v1/flows?period=nonsense')).status).toBe(400);
    // A path that cannot name a record names none (src/core/http.ts).
    expect((await chlor.get('/api/v1/flows/abc')).status).toBe(404);
  });

  it('re-runs a source without double counting, and refuses to edit its rows by hand', async () => {
    const ctx = ctxOf('enterprise_operator', ent.chloralkali, 'importer');
    const row = (key: string, quantity: number, period = '2026-05') => ({ period, from: chlorUnit.code, to: 'pvc', material: 'RAW_COAL', quantity, unit: 't', sd: null, basis: 'measured' as const, sourceKey: key });
    const first = await server.services.flows.writeFlows(ctx, { source: 'csv', rows: [row('imp:1', 10), row('imp:2', 20), row('imp:3', 30, '2026-05-02')], replace: { keyPrefix: 'imp:' } });
    expect(first).toEqual({ written: 3, rejected: [] });
    const again = await server.services.flows.writeFlows(ctx, { source: 'csv', rows: [row('imp:1', 11), row('imp:2', 21)], replace: { keyPrefix: 'imp:' } });
    expect(again).toEqual({ written: 2, rejected: [] });
    const listed = (await chlor.get('/api/v1/flows?source=csv&period=2026-05&limit=100')).body;
    expect(listed.total).toBe(2);
    expect(listed.items.map((f: { sourceKey: string; quantity: number }) => [f.sourceKey, f.quantity]).sort()).toEqual([['imp:1', 11], ['imp:2', 21]]);
    const csvFlow = listed.items[0].id;
    expect((await chlor.patch(`/api/v1/flows/${csvFlow}`, { quantity: 1 })).status).toBe(409);
    expect((await chlor.delete(`/api/v1/flows/${csvFlow}`)).status).toBe(409);
    // Keys are the recorder's own: another enterprise using the same key writes its own row, and
    // its re-run (even an empty one) never touches the first recorder's rows.
    const pvcCtx = ctxOf('enterprise_operator', ent.pvc);
    expect(await server.services.flows.writeFlows(pvcCtx, { source: 'csv', rows: [{ ...row('imp:1', 999), from: 'pvc', to: 'chloralkali' }] })).toEqual({ written: 1, rejected: [] });
    expect(await server.services.flows.writeFlows(pvcCtx, { source: 'csv', rows: [], replace: { keyPrefix: 'imp:' } })).toEqual({ written: 0, rejected: [] });
    const after = (await chlor.get('/api/v1/flows?source=csv&period=2026-05&limit=100')).body;
    expect(after.items.map((f: { sourceKey: string; quantity: number }) => [f.sourceKey, f.quantity]).sort()).toEqual([['imp:1', 11], ['imp:2', 21]]);

    // The ledger as the balances read it: pvc sees the flows into it, with chloralkali's unit among the nodes.
    const ledger = await server.services.flows.readLedger(ctxOf('enterprise_viewer', ent.pvc), { period: '2026-05' });
    expect(ledger.flows.map((f) => f.quantity).sort()).toEqual([11, 21]);
    expect(ledger.nodes.some((n) => n.unitId === chlorUnit.id)).toBe(true);
    expect(ledger.flows[0].sd).toBeCloseTo(ledger.flows[0].quantity * 0.01, 12);
    expect((await server.services.flows.readLedger(ctxOf('enterprise_viewer', ent.refinery), { period: '2026' })).flows.some((f) => f.period === '2026-05')).toBe(false);
  });

  it('writes all or nothing, listing every bad row with its reason', async () => {
    const ctx = ctxOf('enterprise_operator', ent.chloralkali);
    const good = { period: '2026-06', from: chlorUnit.code, to: 'pvc', material: 'RAW_COAL', quantity: 5, unit: 't', sd: null, basis: 'measured' as const };
    const rows = [good, { ...good, to: 'nowhere' }, good, { ...good, quantity: Number.NaN, unit: 'furlong' }];
    expect(await server.services.flows.validateFlows(ctx, rows)).toEqual([
      { row: 2, reason: 'unknown node nowhere' },
      { row: 4, reason: expect.stringMatching(/quantity NaN .*unknown unit furlong/) },
    ]);
    const r = await server.services.flows.writeFlows(ctx, { source: 'csv', rows });
    expect(r.written).toBe(0);
    expect(r.rejected.map((x) => x.row)).toEqual([2, 4]);
    expect((await chlor.get('/api/v1/flows?period=2026-06')).body.total).toBe(0);
  });

  it('writes 20,000 rows in one batched transaction and reads them back in a few queries', async () => {
    const ctx = ctxOf('enterprise_operator', ent.chloralkali, 'bulk');
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ period: `2027-${String((i % 12) + 1).padStart(2, '0')}`, from: chlorUnit.code, to: 'pvc', material: 'RAW_COAL', quantity: i, unit: 't', sd: null, basis: 'measured' as const, sourceKey: `bulk:${i}` }));
    expect(await server.services.flows.writeFlows(ctx, { source: 'csv', rows, replace: { keyPrefix: 'bulk:' } })).toEqual({ written: 20_000, rejected: [] });
    const ledger = await server.services.flows.readLedger(ctxOf('enterprise_viewer', ent.pvc), { period: '2027' });
    expect(ledger.flows).toHaveLength(20_000);
    expect((await server.services.flows.readLedger(ctxOf('enterprise_viewer', ent.pvc), { period: '2027-02' })).flows).toHaveLength(rows.filter((r) => r.period === '2027-02').length);
  }, 120_000);

  it('records stocks at the enterprise’s own nodes and reads them by period', async () => {
    const put = await chlor.raw('PUT', '/api/v1/flow-stocks', { node: chlorUnit.code, material: 'RAW_COAL', period: '2026-03', opening: 100, closing: 80, unit: 't', basis: 'measured' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ nodeCode: chlorUnit.code, opening: 100, closing: 80, enterpriseId: ent.chloralkali });
    const again = await chlor.raw('PUT', '/api/v1/flow-stocks', { node: chlorUnit.code, material: 'RAW_COAL', period: '2026-03', opening: 100, closing: 90, unit: 't', basis: 'measured' });
    expect(again.body.id).toBe(put.body.id);
    expect((await chlor.get('/api/v1/flow-stocks?period=2026')).body.items).toEqual([expect.objectContaining({ id: put.body.id, closing: 90 })]);
    expect((await refinery.get('/api/v1/flow-stocks?period=2026')).body.items).toEqual([]);
    expect((await chlor.raw('PUT', '/api/v1/flow-stocks', { node: 'pvc', material: 'RAW_COAL', period: '2026-03', opening: 1, closing: 1, unit: 't', basis: 'measured' })).status).toBe(400);
    const ledger = await server.services.flows.readLedger(ctxOf('enterprise_viewer', ent.chloralkali), { period: '2026-03' });
    expect(ledger.stocks).toEqual([expect.objectContaining({ opening: 100, closing: 90, sd: expect.closeTo(0.1, 12) })]);
    // Deleting: another enterprise does not see it (404); its recorder removes it.
    expect((await refinery.delete(`/api/v1/flow-stocks/${put.body.id}`)).status).toBe(404);
    expect((await chlor.delete(`/api/v1/flow-stocks/${put.body.id}`)).status).toBe(204);
    expect((await chlor.get('/api/v1/flow-stocks?period=2026')).body.items).toEqual([]);
    expect((await chlor.delete(`/api/v1/flow-stocks/${put.body.id}`)).status).toBe(404);
  });
});
