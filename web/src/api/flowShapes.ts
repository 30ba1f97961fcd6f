/**
 * The shapes of the flow ledger's API (docs/api.md, issue 11) and its vocabulary, with no I/O so
 * that the console's pure modules (and their tests) can use them without the data hooks.
 */
export {
  BALANCED_ELEMENTS, BOUNDARY_KINDS, DEFAULT_RELATIVE_SD, FLOW_BASES, FLOW_SOURCES, NODE_KINDS,
  type BoundaryKind, type FlowBasis, type FlowSource, type NodeKind, type PeriodGrain, type RejectedRow,
} from '../../../src/modules/flows/model.ts';
export type { NetworkInput } from '../../../src/modules/flows/reconcile/types.ts';

import type { paths } from './schema';
import type { BodyOf, GetAnswer, PostAnswer } from './types';
export { METER_METHODS, type MeterMethod } from '../../../src/modules/flows/telemetry-totals.ts';
export { BALANCE_LAYERS, BALANCE_LEVELS, type BalanceLevel } from '../../../src/modules/flows/balance.ts';
export { SUSPECT_MEANINGS, type SuspectMeaning } from '../../../src/modules/flows/suspects.ts';
import type { BalanceLevel, LayerKind } from '../../../src/modules/flows/balance.ts';

// The API's answers, as the OpenAPI document describes them (npm run gen:api-types).
export type BalanceLayer = LayerKind;
export type FlowPeriod = GetAnswer<'/api/v1/flows/periods'>['items'][number];
export type FlowNode = GetAnswer<'/api/v1/flow-nodes'>['items'][number];
export type Flow = GetAnswer<'/api/v1/flows/{id}'>;
/** What `POST /flows` takes (nodes and material by code). */
export type NewFlow = BodyOf<'/api/v1/flows', 'post'>;
export type Balances = GetAnswer<'/api/v1/flows/balances'>;
export type NodeBalance = Balances['nodes'][number];
export type BalanceFlow = Balances['flows'][number];
export type BalanceSuspect = Balances['suspects'][number];
export type OpenNode = Balances['openNodes'][number];
export type ReconciliationProblem = NonNullable<Balances['reconciliation']['problem']>;
export type FlowStatus = NonNullable<BalanceFlow['status']>;
export const FLOW_STATUSES = ['reconciled', 'nonredundant', 'computed', 'exact'] as const satisfies readonly FlowStatus[];
export type Sankey = GetAnswer<'/api/v1/flows/sankey'>;
export type SankeyNode = Sankey['nodes'][number];
export type SankeyLink = Sankey['links'][number];
/** The answer of `POST /flows/reconcile`: every flow reconciled or computed, with its propagated sd. */
export type ReconcileAnswer = PostAnswer<'/api/v1/flows/reconcile', 200>;
export type FlowImport = GetAnswer<'/api/v1/flows/imports/{id}'>;
export type ImportState = FlowImport['state'];
export const IMPORT_STATES = ['running', 'done', 'failed'] as const satisfies readonly ImportState[];
export type TelemetryRun = PostAnswer<'/api/v1/flows/sources/telemetry', 200>;
export type TelemetryGap = TelemetryRun['gaps'][number];
export type EpcisRun = PostAnswer<'/api/v1/flows/sources/epcis', 200>;
/** A share rule of flows (`/flow-shares`): `exchanges` covers only flows between two enterprises. */
export type FlowShare = GetAnswer<'/api/v1/flow-shares/{id}'>;
export type FlowShareScope = FlowShare['scope'];
export const FLOW_SHARE_SCOPES = ['all', 'exchanges'] as const satisfies readonly FlowShareScope[];
/** A tag whose total over a period is one flow of the ledger (`/flow-meter-links`). */
export type MeterLink = GetAnswer<'/api/v1/flow-meter-links/{id}'>;
export type NewMeterLink = BodyOf<'/api/v1/flow-meter-links', 'post'>;
/** A node's opening and closing stock of a material in a period (`/flow-stocks`). */
export type FlowStock = GetAnswer<'/api/v1/flow-stocks'>['items'][number];
export type NewFlowStock = paths['/api/v1/flow-stocks']['put']['requestBody']['content']['application/json'];

/** Which slice of the ledger a balance or Sankey shows. */
export interface FlowView {
  period: string;
  level: BalanceLevel;
  layer: BalanceLayer;
  element?: string;
  material?: string;
  enterpriseId?: number;
}
