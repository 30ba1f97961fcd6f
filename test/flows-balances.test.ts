/**
 * Balances over HTTP: the stateless reconciliation exactly as issue 11 gives it (200 with every
 * flow, 422 naming undeterminable flows or contradicting exact flows, 400 for malformed input, 401
 * when not signed in, nothing stored), and the balances and Sankey of a small ledger written
 * through the ledger's service on the demo park.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, startTestServer, type TestServer } from './helpers/server.ts';
import { systemContext } from '../src/core/roles.ts';
import { MemoryBus } from '../src/adapters/bus/memory.ts';
import type { RaiseInput } from '../src/modules/alarms/service.ts';
import { FlowBalanceCheck } from '../src/modules/flows/balance-check.ts';
import { FlowBalanceService } from '../src/modules/flows/balance-service.ts';

describe('flow balances', () => {
  let server: TestServer;
  let park: ReturnType<typeof client>;
  let chlor: ReturnType<typeof client>;
  let refinery: ReturnType<typeof client>;
  const ent: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const as = async (u: string, p = 'symbiont-demo') => client(server.url, await login(server.url, u, p));
    park = await as('admin', server.adminPassword);
    chlor = await as('chloralkali.operator');
    refinery = await as('refinery.admin');
    for (const e of (await park.get('/api/v1/enterprises?limit=100')).body.items as { id: number; code: string }[]) ent[e.code] = e.id;
  });
  afterAll(async () => server?.close());

  const auditCount = async () => Number((await server.services.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('POST /api/v1/flows/reconcile', () => {
    it('answers 200 with every flow reconciled or computed, the tests and the suspects, and stores nothing', async () => {
      const before = await auditCount();
      const r = await chlor.post('/api/v1/flows/reconcile', {
        nodes: [{ id: 'A' }, { id: 'B' }],
        flows: [
          { id: 'f1', from: null, to: 'A', value: 100, sd: 2 },
          { id: 'f2', from: 'A', to: 'B', value: 96, sd: 2 },
          { id: 'f3', from: 'B', to: null, value: null, sd: 0 },
          { id: 'f4', from: 'A', to: null, value: 0.5, sd: 0 },
        ],
      });
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(['chiSquare', 'dof', 'flows', 'pValue', 'suspects']);
      expect(r.body.flows.map((f: { id: string }) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4']);
      for (const f of r.body.flows) expect(Object.keys(f).sort()).toEqual(['id', 'sd', 'value']);
      const [f1, f2, f3, f4] = r.body.flows;
      expect(f1.value - f2.value - f4.value).toBeCloseTo(0, 9);
      expect(f3.value).toBeCloseTo(f2.value, 9);
      expect(f4).toEqual({ id: 'f4', value: 0.5, sd: 0 });
      expect(f3.sd).toBeGreaterThan(0);
      expect(r.body.dof).toBe(1);
      expect(r.body.pValue).toBeGreaterThan(0);
      expect(await auditCount()).toBe(before);
    });

    it('names a planted gross error among the suspects with its meaning', async () => {
      const flows = [
        { id: 'in', from: null, to: 'A', value: 1000, sd: 10 },
        { id: 'ab', from: 'A', to: 'B', value: 1000, sd: 10 },
        { id: 'bc', from: 'B', to: 'C', value: 1400, sd: 10 },
        { id: 'cd', from: 'C', to: 'D', value: 1000, sd: 10 },
        { id: 'out', from: 'D', to: null, value: 1000, sd: 10 },
      ];
      const r = await chlor.post('/api/v1/flows/reconcile', { nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id })), flows });
      expect(r.status).toBe(200);
      expect(r.body.pValue).toBeLessThan(0.05);
      const ids = r.body.suspects.map((s: { id: string }) => s.id);
      expect(ids.some((id: string) => ['bc', 'B', 'C'].includes(id))).toBe(true);
      for (const s of r.body.suspects) expect(['meter_reads_high', 'meter_reads_low', 'unaccounted_loss', 'unaccounted_gain']).toContain(s.meaning);
    });

    it('answers 422 naming the flows the network does not determine', async () => {
      const r = await chlor.post('/api/v1/flows/reconcile', {
        nodes: [{ id: 'A' }],
        flows: [
          { id: 'u1', from: null, to: 'A', value: null, sd: 0 },
          { id: 'u2', from: 'A', to: null, value: null, sd: 0 },
        ],
      });
      expect(r.status).toBe(422);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body).toMatchObject({ type: 'https://symbiont.dev/problems/flows-undeterminable', status: 422 });
      expect([...r.body.flows].sort()).toEqual(['u1', 'u2']);
      expect(Array.isArray(r.body.nodes)).toBe(true);
      expect(typeof r.body.detail).toBe('string');
      expect(typeof r.body.title).toBe('string');
    });

    it('answers 422 naming exactly the exact flows that contradict each other', async () => {
      const r = await chlor.post('/api/v1/flows/reconcile', {
        nodes: [{ id: 'A' }, { id: 'B' }],
        flows: [
          { id: 'x', from: null, to: 'A', value: 5, sd: 0 },
          { id: 'y', from: 'A', to: null, value: 4, sd: 0 },
          { id: 'm', from: null, to: 'B', value: 3, sd: 0.1 },
          { id: 'n', from: 'B', to: null, value: 3.1, sd: 0.1 },
        ],
      });
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ type: 'https://symbiont.dev/problems/flows-contradiction', status: 422, nodes: ['A'] });
      expect([...r.body.flows].sort()).toEqual(['x', 'y']);
    });

    it.each([
      ['a string value', { nodes: [{ id: 'A' }], flows: [{ id: 'f', from: null, to: 'A', value: '12', sd: 1 }] }],
      ['a negative sd', { nodes: [{ id: 'A' }], flows: [{ id: 'f', from: null, to: 'A', value: 12, sd: -1 }] }],
      ['no nodes', { flows: [] }],
      ['an unknown field', { nodes: [], flows: [], extra: 1 }],
      ['an unknown node', { nodes: [{ id: 'A' }], flows: [{ id: 'f', from: null, to: 'Z', value: 1, sd: 1 }] }],
      ['a duplicate flow', { nodes: [{ id: 'A' }], flows: [{ id: 'f', from: null, to: 'A', value: 1, sd: 1 }, { id: 'f', from: 'A', to: null, value: 1, sd: 1 }] }],
      ['a flow from the boundary to the boundary', { nodes: [], flows: [{ id: 'f', from: null, to: null, value: 1, sd: 1 }] }],
    ])('answers 400 problem+json for %s', async (_, body) => {
      const r = await chlor.post('/api/v1/flows/reconcile', body);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.type).toBe('https://symbiont.dev/problems/validation');
    });

    it('answers 400 for a body that is not JSON, and 401 when not signed in', async () => {
      expect((await chlor.post('/api/v1/flows/reconcile', '{"nodes": [')).status).toBe(400);
      const anonymous = await client(server.url).post('/api/v1/flows/reconcile', { nodes: [], flows: [] });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('GET /api/v1/flows/balances and /sankey', () => {
    const PERIOD = '2019-03';

    beforeAll(async () => {
      const row = (from: string, to: string, material: string, quantity: number, period = PERIOD) => ({ period, from, to, material, quantity, unit: 't', sd: null, basis: 'measured' as const, sourceKey: `balances-test:${from}>${to}:${material}:${period}` });
      const written = await server.services.flows.writeFlows(systemContext(), {
        source: 'csv',
        rows: [
          row('supplier', 'chloralkali-brine', 'SALT', 1000),
          row('chloralkali-brine', 'chloralkali-electrolysis', 'SALT', 600, '2019-03-01'),
          row('chloralkali-brine', 'chloralkali-electrolysis', 'SALT', 390, '2019-03-02'),
          row('chloralkali-brine', 'landfill', 'BRINE_SLUDGE', 10),
          row('chloralkali-electrolysis', 'customer', 'CHLORINE', 590),
          row('chloralkali-electrolysis', 'customer', 'CAUSTIC_SODA', 400),
        ],
      });
      expect(written.rejected).toEqual([]);
    });

    it('balances the units of an enterprise, measured beside reconciled', async () => {
      const r = await chlor.get(`/api/v1/flows/balances?period=${PERIOD}&level=unit&layer=mass`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ period: PERIOD, level: 'unit', layer: 'mass', element: null, material: null, unit: 't' });
      const brine = r.body.nodes.find((n: { code: string }) => n.code === 'chloralkali-brine');
      expect(brine).toMatchObject({ inputs: 1000, outputs: 1000, stockChange: 0, imbalance: 0, exception: false });
      const daily = r.body.flows.find((f: { key: string }) => f.key === 'chloralkali-brine>chloralkali-electrolysis:SALT');
      expect(daily.measured).toBe(990);
      expect(daily.flowIds).toHaveLength(2);
      expect(r.body.reconciliation.ok).toBe(true);
      for (const f of r.body.flows) expect(f.reconciled).not.toBeNull();
      // Every node the enterprise sees balanced is its own.
      for (const n of r.body.nodes) expect(n.enterpriseId).toBe(ent.chloralkali);
    });

    it('asks an element layer for its element, and a material that exists', async () => {
      expect((await chlor.get(`/api/v1/flows/balances?period=${PERIOD}&layer=element`)).status).toBe(400);
      expect((await chlor.get(`/api/v1/flows/balances?period=${PERIOD}&material=NOPE`)).status).toBe(400);
      expect((await chlor.get('/api/v1/flows/balances?period=2026-13')).status).toBe(400);
      expect((await client(server.url).get(`/api/v1/flows/balances?period=${PERIOD}`)).status).toBe(401);
    });

    it('answers 404 for another enterprise’s balances', async () => {
      const r = await refinery.get(`/api/v1/flows/balances?period=${PERIOD}&enterpriseId=${ent.chloralkali}`);
      expect(r.status).toBe(404);
    });

    it('judges an enterprise on its own and the park’s flows: another enterprise’s claim at its node is left out, and raises nothing', async () => {
      const before = (await chlor.get(`/api/v1/flows/balances?period=${PERIOD}&level=unit&layer=mass`)).body;
      expect(before.claimsLeftOut).toBe(0);
      // The refinery claims 5,000 t of salt delivered to the chlor-alkali works: visible to both, as the refinery's record.
      const claim = await refinery.post('/api/v1/flows', { period: PERIOD, from: 'refinery', to: 'chloralkali', material: 'SALT', quantity: 5000, unit: 't', basis: 'measured' });
      expect(claim.status, JSON.stringify(claim.body)).toBe(201);
      try {
        const listed = (await chlor.get(`/api/v1/flows?period=${PERIOD}&source=manual`)).body.items as { id: number; enterpriseId: number }[];
        expect(listed).toContainEqual(expect.objectContaining({ id: claim.body.id, enterpriseId: ent.refinery }));
        const after = (await chlor.get(`/api/v1/flows/balances?period=${PERIOD}&level=unit&layer=mass`)).body;
        expect(after.claimsLeftOut).toBe(1);
        expect(after.flows).toEqual(before.flows);
        expect(after.nodes).toEqual(before.nodes);
        expect(after.reconciliation).toEqual(before.reconciliation);
        // The balance check judges the same ledger: nothing to raise for the chlor-alkali works.
        const raised: RaiseInput[] = [];
        const check = new FlowBalanceCheck({ bus: new MemoryBus(), ledger: server.services.flows, balances: new FlowBalanceService(server.services.flows), alarms: { raise: async (input) => void raised.push(input) } });
        expect((await check.check(ent.chloralkali, PERIOD)).active).toBe(false);
        // The park judges every flow it sees: the claim is in its picture.
        expect((await park.get(`/api/v1/flows/balances?period=${PERIOD}&level=enterprise&layer=mass`)).body.claimsLeftOut).toBe(0);
      } finally {
        expect((await refinery.delete(`/api/v1/flows/${claim.body.id}`)).status).toBe(204);
      }
    });

    it('raises one balance alarm for a leaking period and clears it once the period reconciles', async () => {
      const LEAK = '2019-05';
      const rows = (electrolysisIn: number) =>
        [
          ['supplier', 'chloralkali-brine', 'SALT', 1000],
          ['chloralkali-brine', 'chloralkali-electrolysis', 'SALT', electrolysisIn],
          // Salt is 60.66 % chlorine: the chlorine out closes the Cl balance, caustic soda the mass.
          ['chloralkali-electrolysis', 'customer', 'CHLORINE', 606.6],
          ['chloralkali-electrolysis', 'customer', 'CAUSTIC_SODA', 393.4],
        ].map(([from, to, material, quantity]) => ({ period: LEAK, from: String(from), to: String(to), material: String(material), quantity: Number(quantity), unit: 't', sd: null, basis: 'measured' as const, sourceKey: `balance-alarm:${from}>${to}:${material}` }));
      const balanceAlarm = async () => {
        const page = await chlor.get(`/api/v1/alarms?source=flows&category=balance&limit=100`);
        return (page.body.items as { sourceKey: string; active: boolean; message: string; severity: string }[]).find((a) => a.sourceKey === `flows:balance:${ent.chloralkali}:${LEAK}`);
      };
      // 1000 t into the brine unit, 800 t on to electrolysis: 200 t vanish at one of the two.
      await server.services.flows.writeFlows(systemContext(), { source: 'csv', rows: rows(800), replace: { keyPrefix: 'balance-alarm:' } });
      await expect.poll(async () => (await balanceAlarm())?.active).toBe(true);
      const raised = (await balanceAlarm())!;
      expect(raised.message).toMatch(/^Balances of 2019-05 do not close/);
      expect(raised.message).toMatch(/chloralkali-(brine|electrolysis)/);
      await server.services.flows.writeFlows(systemContext(), { source: 'csv', rows: rows(1000), replace: { keyPrefix: 'balance-alarm:' } });
      await expect.poll(async () => (await balanceAlarm())?.active, { message: 'the alarm clears once the period reconciles' }).toBe(false);
    });

    it('draws the park Sankey with the enterprise and the boundary, and drills into its units', async () => {
      const parkView = await park.get(`/api/v1/flows/sankey?period=${PERIOD}&level=park`);
      expect(parkView.status).toBe(200);
      const keys = parkView.body.nodes.map((n: { key: string }) => n.key);
      expect(keys).toContain('chloralkali');
      expect(keys).not.toContain('chloralkali-brine');
      expect(parkView.body.links.find((l: { source: string; target: string }) => l.source === 'supplier' && l.target === 'chloralkali')).toMatchObject({ materialCode: 'SALT' });
      const drill = await park.get(`/api/v1/flows/sankey?period=${PERIOD}&level=enterprise&enterpriseId=${ent.chloralkali}`);
      expect(drill.body.nodes.map((n: { key: string }) => n.key)).toEqual(expect.arrayContaining(['chloralkali-brine', 'chloralkali-electrolysis', 'supplier', 'customer']));
    });
  });
});
