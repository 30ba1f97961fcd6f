import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { networkOf, stockFlowId, stockNodeOf, type FlowEdit } from './whatIf';
import type { BalanceFlow, FlowBasis, NodeBalance } from '../../api/flowShapes';

type N = Pick<NodeBalance, 'code' | 'kind' | 'stockChange'>;
type F = Pick<BalanceFlow, 'key' | 'fromCode' | 'toCode' | 'measured' | 'sd' | 'basis'>;

const codes = ['A', 'B', 'C', 'D', 'air', 'supplier'];
const arbNodes = fc.uniqueArray(
  fc.record({ code: fc.constantFrom(...codes), kind: fc.constantFrom('unit', 'enterprise', 'boundary') as fc.Arbitrary<N['kind']>, stockChange: fc.oneof(fc.constant(0), fc.double({ min: -50, max: 50, noNaN: true })) }),
  { selector: (n) => n.code, maxLength: codes.length },
);
const arbFlows = fc.uniqueArray(
  fc.record({
    key: fc.string({ minLength: 1, maxLength: 6 }),
    fromCode: fc.constantFrom(...codes, 'elsewhere'),
    toCode: fc.constantFrom(...codes, 'elsewhere'),
    measured: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null }),
    sd: fc.double({ min: 0, max: 100, noNaN: true }),
    basis: fc.constantFrom<FlowBasis>('measured', 'calculated', 'estimated', 'exact'),
  }),
  { selector: (f) => f.key, maxLength: 12 },
);

describe('the what-if network', () => {
  it('has the internal nodes, ends outside them as the boundary, and every flow that touches the network', () => {
    fc.assert(
      fc.property(arbNodes, arbFlows, (nodes, flows) => {
        const net = networkOf(nodes, flows);
        const internal = new Set(nodes.filter((n) => n.kind !== 'boundary').map((n) => n.code));
        expect(new Set(net.nodes.map((n) => n.id))).toEqual(internal);
        for (const f of net.flows) {
          for (const e of [f.from, f.to]) expect(e === null || internal.has(e)).toBe(true);
          expect(f.from === null && f.to === null).toBe(false);
          if (f.value === null) expect(f.sd).toBe(0);
        }
        const touching = flows.filter((f) => internal.has(f.fromCode) || internal.has(f.toCode));
        expect(net.flows.filter((f) => stockNodeOf(f.id) === null).map((f) => f.id)).toEqual(touching.map((f) => f.key));
      }),
    );
  });

  it('sends the table as measured when nothing is edited: exact flows with sd 0, unmeasured as null', () => {
    fc.assert(
      fc.property(arbNodes, arbFlows, (nodes, flows) => {
        const byId = new Map(networkOf(nodes, flows).flows.map((f) => [f.id, f]));
        for (const f of flows) {
          const sent = byId.get(f.key);
          if (!sent) continue;
          expect(sent.value).toBe(f.measured);
          expect(sent.sd).toBe(f.measured === null || f.basis === 'exact' ? 0 : f.sd);
        }
      }),
    );
  });

  it('applies an edit to its flow only', () => {
    const nodes: N[] = [{ code: 'A', kind: 'unit', stockChange: 0 }];
    const flows: F[] = [
      { key: 'in', fromCode: 'supplier', toCode: 'A', measured: 10, sd: 0.1, basis: 'measured' },
      { key: 'out', fromCode: 'A', toCode: 'customer', measured: 9, sd: 0.1, basis: 'measured' },
    ];
    const edits = new Map<string, FlowEdit>([['out', { value: null, sd: 0.5 }]]);
    expect(networkOf(nodes, flows, edits)).toEqual({
      nodes: [{ id: 'A' }],
      flows: [
        { id: 'in', from: null, to: 'A', value: 10, sd: 0.1 },
        { id: 'out', from: 'A', to: null, value: null, sd: 0 },
      ],
    });
  });

  it('carries a stock change as a flow to or from the boundary', () => {
    const net = networkOf([{ code: 'A', kind: 'unit', stockChange: 2 }, { code: 'B', kind: 'unit', stockChange: -3 }], []);
    expect(net.flows).toEqual([
      { id: stockFlowId('A'), from: 'A', to: null, value: 2, sd: expect.closeTo(0.02, 10) as unknown as number },
      { id: stockFlowId('B'), from: null, to: 'B', value: 3, sd: expect.closeTo(0.03, 10) as unknown as number },
    ]);
  });
});
