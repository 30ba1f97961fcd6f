/**
 * Request and response schemas of the balance routes: balances, the Sankey, and the stateless
 * reconciliation. One TypeBox definition per shape gives the handler its types, the validator its
 * schema and the OpenAPI document its description.
 */
import Type, { type Static } from 'typebox';
import { MAX_ID, Nullable } from '../../core/crud/schemas.ts';
import { BALANCE_LAYERS, BALANCE_LEVELS } from './balance.ts';
import { BOUNDARY_KINDS, FLOW_BASES, NODE_KINDS } from './model.ts';
import { SUSPECT_MEANINGS } from './suspects.ts';

const enumOf = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });
/** A string enum that may also be null. */
const nullableEnumOf = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null], ...opts });
const NullableNumber = (description?: string) => Nullable(Type.Number(description ? { description } : {}));

/** The largest network the stateless endpoint takes: the benchmark's 5,000 nodes and 20,000 flows. */
export const MAX_NETWORK_NODES = 5_000;
export const MAX_NETWORK_FLOWS = 20_000;

// ---------------------------------------------------------------------------------------------
// POST /flows/reconcile

const NetworkId = () => Type.String({ minLength: 1, maxLength: 200 });

export const NetworkBodySchema = Type.Object(
  {
    nodes: Type.Array(Type.Object({ id: NetworkId() }, { additionalProperties: false }), { maxItems: MAX_NETWORK_NODES, description: 'the balanced nodes' }),
    flows: Type.Array(
      Type.Object(
        {
          id: NetworkId(),
          from: Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'a node id; null: the system boundary' })),
          to: Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'a node id; null: the system boundary' })),
          value: NullableNumber('the measured value; null: unmeasured, to be computed'),
          sd: Type.Number({ minimum: 0, description: 'standard deviation of value; 0: exact (ignored when value is null)' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_NETWORK_FLOWS },
    ),
  },
  { additionalProperties: false },
);
export type NetworkBody = Static<typeof NetworkBodySchema>;

export const NetworkSuspectSchema = Type.Object({
  kind: enumOf(['flow', 'node'] as const),
  id: Type.String(),
  z: Type.Number({ description: 'the test statistic' }),
  critical: Type.Number({ description: 'the critical value it exceeds' }),
  meaning: enumOf(SUSPECT_MEANINGS, { description: 'what the failed test most likely means' }),
});

export const NetworkResultSchema = Type.Object({
  flows: Type.Array(Type.Object({ id: Type.String(), value: Type.Number(), sd: Type.Number({ description: 'propagated standard deviation' }) })),
  chiSquare: Type.Number(),
  dof: Type.Integer(),
  pValue: Type.Number(),
  suspects: Type.Array(NetworkSuspectSchema),
});
export type NetworkResult = Static<typeof NetworkResultSchema>;

/** The 422 of POST /flows/reconcile: the problem with the flows and nodes concerned. */
export const ReconcileProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  instance: Type.Optional(Type.String()),
  flows: Type.Array(Type.String(), { description: 'undeterminable: the unmeasured flows not determined; contradiction: the exact flows that contradict each other' }),
  nodes: Type.Array(Type.String(), { description: 'the nodes whose balances cannot close (contradiction)' }),
});

// ---------------------------------------------------------------------------------------------
// GET /flows/balances and /flows/sankey

export const BalanceQuerySchema = Type.Object(
  {
    period: Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', description: "a year '2026', a month '2026-03' or a day '2026-03-15'" }),
    level: Type.Optional(enumOf(BALANCE_LEVELS, { description: 'unit (default), enterprise or park' })),
    layer: Type.Optional(enumOf(BALANCE_LAYERS, { description: 'mass (default): one material, or total mass in t; element: one element in t; energy: GJ' })),
    element: Type.Optional(Type.String({ pattern: '^[A-Z][a-z]?$', description: 'the element of layer=element, e.g. Cl' })),
    material: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'the material of layer=mass; absent: total mass' })),
    enterpriseId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID, description: 'only flows with an end at this enterprise; only its nodes balanced (at level=enterprise, the Sankey shows its units)' })),
  },
  { additionalProperties: false },
);
export type BalanceQuery = Static<typeof BalanceQuerySchema>;

const NodeKindSchema = enumOf(NODE_KINDS);

export const NodeBalanceSchema = Type.Object({
  nodeId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: NodeKindSchema,
  enterpriseId: Nullable(Type.Integer()),
  inputs: Type.Number(),
  outputs: Type.Number(),
  stockChange: Type.Number(),
  imbalance: Type.Number({ description: 'inputs − outputs − stockChange, measured: positive is lost, negative gained' }),
  imbalancePercent: Type.Number({ description: 'of the throughput (largest of inputs, outputs, |stock change|)' }),
  z: NullableNumber('the nodal test'),
  exception: Type.Boolean({ description: 'the nodal test failed' }),
});

export const BalanceFlowSchema = Type.Object({
  key: Type.String({ description: 'from>to:material, node codes at the level' }),
  flowIds: Type.Array(Type.Integer(), { description: 'the ledger rows summed' }),
  fromNodeId: Type.Integer(),
  fromCode: Type.String(),
  toNodeId: Type.Integer(),
  toCode: Type.String(),
  materialCode: Type.String(),
  measured: NullableNumber('null if unmeasured'),
  sd: Type.Number(),
  basis: enumOf(FLOW_BASES),
  reconciled: NullableNumber('null when the reconciliation failed'),
  reconciledSd: NullableNumber(),
  adjustment: NullableNumber('measured − reconciled'),
  adjustmentSigma: NullableNumber('adjustment / sd'),
  z: NullableNumber('the measurement test'),
  status: nullableEnumOf(['reconciled', 'nonredundant', 'computed', 'exact'] as const, { description: 'null when the reconciliation failed' }),
});

export const BalanceSuspectSchema = Type.Object({
  kind: enumOf(['flow', 'node'] as const),
  key: Type.String({ description: 'the flow key or the node code' }),
  z: Type.Number(),
  critical: Type.Number(),
  meaning: enumOf(SUSPECT_MEANINGS),
  nodeCode: Nullable(Type.String()),
  flowKey: Nullable(Type.String()),
  adjustment: NullableNumber(),
});

export const BalancesSchema = Type.Object({
  claimsLeftOut: Type.Integer({ description: "flows other enterprises recorded at the caller's nodes: their claims, left out of its balances" }),
  period: Type.String(),
  level: enumOf(BALANCE_LEVELS),
  layer: enumOf(BALANCE_LAYERS),
  element: Nullable(Type.String()),
  material: Nullable(Type.String()),
  unit: Type.String(),
  nodes: Type.Array(NodeBalanceSchema),
  flows: Type.Array(BalanceFlowSchema),
  reconciliation: Type.Object({
    ok: Type.Boolean(),
    chiSquare: NullableNumber(),
    dof: Nullable(Type.Integer()),
    pValue: NullableNumber(),
    passed: Nullable(Type.Boolean({ description: 'the global chi-square test passed; null when nothing could be tested' })),
    problem: Nullable(
      Type.Object({
        reason: enumOf(['undeterminable', 'contradiction', 'too-complex'] as const),
        variables: Type.Array(Type.String()),
        constraints: Type.Array(Type.String()),
        detail: Type.String(),
      }),
    ),
  }),
  suspects: Type.Array(BalanceSuspectSchema),
  openNodes: Type.Array(
    Type.Object({
      nodeId: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      materials: Type.Array(Type.String(), { description: 'the materials there whose composition is unknown' }),
    }),
    { description: 'element layer: nodes whose element balance is not judged, because a material there has no known composition' },
  ),
});
export type Balances = Static<typeof BalancesSchema>;

export const SankeySchema = Type.Object({
  unit: Type.String(),
  nodes: Type.Array(
    Type.Object({
      key: Type.String(),
      nodeId: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      kind: NodeKindSchema,
      boundaryKind: nullableEnumOf(BOUNDARY_KINDS),
      enterpriseId: Nullable(Type.Integer()),
    }),
  ),
  links: Type.Array(Type.Object({ source: Type.String(), target: Type.String(), value: Type.Number(), materialCode: Type.String(), reconciled: Type.Boolean() })),
});
export type SankeyAnswer = Static<typeof SankeySchema>;
