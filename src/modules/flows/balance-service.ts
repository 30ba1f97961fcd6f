/**
 * Balances, their reconciliation and the Sankey, as the caller may see them; and the stateless
 * reconciliation of a caller's own network. Reads the ledger through the store's service (only the
 * two calls it needs, `LedgerReader`), builds the view (balance.ts), reconciles it (reconcile/) and
 * shapes the answer (balance-report.ts, sankey.ts).
 */
import { fieldError, notFound, Problem, unprocessable, validation } from '../../core/errors.ts';
import { isParkRole, type AuthContext } from '../../core/roles.ts';
import { buildBalanceView, confirmedLedger, type BalanceLevel, type Layer, type ViewOptions } from './balance.ts';
import { balanceReport, type BalanceReport, type TooComplex } from './balance-report.ts';
import type { BalanceQuery, NetworkBody, NetworkResult } from './balance-schemas.ts';
import type { LedgerMaterial, LedgerPeriod } from './model.ts';
import { parsePeriod } from './period.ts';
import { balanceProblem, reconcileBalance, type BalanceProblem } from './problem.ts';
import { ReconcileInputError, ReconcileTooComplexError, type ReconcileResult } from './reconcile/index.ts';
import { reconcileNetworkOffThread } from './reconcile-off-thread.ts';
import { sankeyOf, type Sankey } from './sankey.ts';
import { networkSuspects } from './suspects.ts';

/** What the balances need of the ledger's store (FlowLedgerService). */
export interface LedgerReader {
  readLedger(ctx: AuthContext, query: { period: string; enterpriseId?: number }): Promise<LedgerPeriod>;
  materials(ctx: AuthContext): Promise<Map<string, LedgerMaterial>>;
}

/** The significance of the global and measurement tests. */
export const BALANCE_ALPHA = 0.05;

/**
 * The factorization budget of a caller's network (ReconcileOptions.maxWork): a park-shaped network
 * of 5,000 nodes and 20,000 flows needs about 2e7 and takes under 2 s; a random graph of that size
 * would need about 1e10 and minutes. 3e8 is some ten seconds of one worker thread at most.
 */
export const NETWORK_MAX_WORK = 3e8;

/**
 * The budget of a ledger view, which is reconciled on the request's thread (and by the balance
 * check): a tenth of a caller's network's, about a second at most. A park-shaped ledger of 5,000
 * nodes needs about 2e7; an enterprise that wrote thousands of flows joining everything to
 * everything gets "too complex" for its balances, not a stalled node.
 */
export const LEDGER_MAX_WORK = 3e7;

export interface BalanceAnswer extends BalanceReport {
  /** Flows other enterprises recorded at the caller's nodes, left out of its balances (their claims). */
  claimsLeftOut: number;
  period: string;
  level: BalanceLevel;
  layer: Layer['kind'];
  element: string | null;
  material: string | null;
}

export interface ParsedBalanceQuery {
  period: string;
  level: BalanceLevel;
  layer: Layer;
  enterpriseId?: number;
}

/** The query's meaning, or a 400 naming the field. */
export function parseBalanceQuery(query: BalanceQuery, materials: ReadonlyMap<string, LedgerMaterial>): ParsedBalanceQuery {
  // Whether a period exists does not depend on the time zone (its bounds do; the store applies them).
  if (!parsePeriod(query.period, 'UTC')) throw fieldError('/querystring/period', `${query.period} is not a day, month or year`);
  const kind = query.layer ?? 'mass';
  if (kind !== 'element' && query.element !== undefined) throw fieldError('/querystring/element', 'is only for layer=element');
  if (kind !== 'mass' && query.material !== undefined) throw fieldError('/querystring/material', 'is only for layer=mass');
  let layer: Layer;
  if (kind === 'element') {
    if (query.element === undefined) throw fieldError('/querystring/element', 'is required for layer=element (e.g. Cl)');
    layer = { kind: 'element', element: query.element };
  } else if (kind === 'mass') {
    if (query.material !== undefined && !materials.has(query.material)) throw fieldError('/querystring/material', `no material ${query.material} in the catalogue you may use`);
    layer = { kind: 'mass', material: query.material ?? null };
  } else {
    layer = { kind: 'energy' };
  }
  return { period: query.period, level: query.level ?? 'unit', layer, ...(query.enterpriseId !== undefined ? { enterpriseId: query.enterpriseId } : {}) };
}

/**
 * Whose nodes are balanced: an enterprise balances only its own (it sees the others' nodes only
 * through the flows they exchange with it, so their balances would be wrong); the park balances
 * every node, or the one enterprise it asks for. Asking for another enterprise's balances is a 404.
 */
export function balanceScope(ctx: AuthContext, enterpriseId: number | undefined): number | undefined {
  if (isParkRole(ctx.role)) return enterpriseId;
  if (enterpriseId !== undefined && enterpriseId !== ctx.enterpriseId) throw notFound(`Enterprise ${enterpriseId}`);
  return ctx.enterpriseId ?? undefined;
}

/**
 * The ledger as the caller's balances judge it: an enterprise's own and the park's flows
 * (confirmedLedger); the park judges every flow it sees.
 */
export function judgedLedger(ctx: AuthContext, ledger: LedgerPeriod): { ledger: LedgerPeriod; claimsLeftOut: number } {
  if (isParkRole(ctx.role) || ctx.enterpriseId === null) return { ledger, claimsLeftOut: 0 };
  return confirmedLedger(ledger, ctx.enterpriseId);
}

export class FlowBalanceService {
  constructor(
    private readonly ledger: LedgerReader,
    private readonly options: { alpha?: number } = {},
  ) {}

  private get alpha(): number {
    return this.options.alpha ?? BALANCE_ALPHA;
  }

  async balances(ctx: AuthContext, query: BalanceQuery): Promise<BalanceAnswer> {
    const materials = await this.ledger.materials(ctx);
    const q = parseBalanceQuery(query, materials);
    const scope = balanceScope(ctx, q.enterpriseId);
    const { ledger, claimsLeftOut } = judgedLedger(ctx, await this.ledger.readLedger(ctx, { period: q.period, ...(q.enterpriseId !== undefined ? { enterpriseId: q.enterpriseId } : {}) }));
    const report = this.reconciledReport(ledger, materials, { level: q.level, layer: q.layer, ...(scope !== undefined ? { scopeEnterpriseId: scope } : {}) });
    return {
      claimsLeftOut,
      period: q.period,
      level: q.level,
      layer: q.layer.kind,
      element: q.layer.kind === 'element' ? q.layer.element : null,
      material: q.layer.kind === 'mass' ? q.layer.material : null,
      ...report,
    };
  }

  /**
   * The Sankey: at level park the enterprises and the boundary; at level enterprise with an
   * enterprise, its units and the enterprises and boundary it exchanges with; at level unit every
   * unit. Valued by the reconciled flows of that picture where they reconcile.
   */
  async sankey(ctx: AuthContext, query: BalanceQuery): Promise<Sankey> {
    const materials = await this.ledger.materials(ctx);
    const q = parseBalanceQuery(query, materials);
    const scope = balanceScope(ctx, q.enterpriseId);
    const { ledger } = judgedLedger(ctx, await this.ledger.readLedger(ctx, { period: q.period, ...(q.enterpriseId !== undefined ? { enterpriseId: q.enterpriseId } : {}) }));
    const drillInto = q.level === 'enterprise' ? q.enterpriseId : undefined;
    const options: ViewOptions = {
      level: q.level === 'unit' ? 'unit' : 'enterprise',
      layer: q.layer,
      ...(scope !== undefined ? { scopeEnterpriseId: scope } : {}),
      ...(drillInto !== undefined ? { keepUnitsOf: drillInto } : {}),
    };
    const view = buildBalanceView(ledger, materials, options);
    const built = balanceProblem(view);
    const result = this.reconcileWithinBudget(built);
    return sankeyOf(view, view.flows.map((_, i) => (result.ok ? result.variables[i]!.value : null)));
  }

  private reconcileWithinBudget(built: BalanceProblem): ReconcileResult | TooComplex {
    try {
      return reconcileBalance(built, { alpha: this.alpha, maxWork: LEDGER_MAX_WORK });
    } catch (err) {
      if (err instanceof ReconcileTooComplexError) return { ok: false, reason: 'too-complex', variables: [], constraints: [], detail: err.message };
      throw err;
    }
  }

  /** Builds, reconciles and reports one view (the balance check uses it too). */
  reconciledReport(ledger: LedgerPeriod, materials: ReadonlyMap<string, LedgerMaterial>, options: ViewOptions): BalanceReport {
    const view = buildBalanceView(ledger, materials, options);
    const built = balanceProblem(view);
    const result = this.reconcileWithinBudget(built);
    return balanceReport(view, built, result, this.alpha);
  }

  /** The stateless reconciliation of POST /flows/reconcile: nothing is read or stored. */
  reconcileNetwork(body: NetworkBody): Promise<NetworkResult> {
    return reconcileNetworkAnswer(body, { alpha: this.alpha });
  }
}

/**
 * A caller's network reconciled: every flow with its reconciled or computed value and propagated
 * sd; a 400 for input the solver cannot take; a 422 naming the flows (and nodes) concerned when
 * the network leaves flows undetermined or its exact flows contradict each other.
 */
export async function reconcileNetworkAnswer(body: NetworkBody, options: { alpha?: number; maxWork?: number } = {}): Promise<NetworkResult> {
  let result: ReconcileResult;
  try {
    result = await reconcileNetworkOffThread(body, { alpha: options.alpha ?? BALANCE_ALPHA, maxWork: options.maxWork ?? NETWORK_MAX_WORK });
  } catch (err) {
    if (err instanceof ReconcileInputError) throw validation(err.message, [{ path: '/body', message: err.message }]);
    if (err instanceof ReconcileTooComplexError) throw unprocessable(err.message, { type: 'flows-too-complex', title: 'Network too densely connected', members: { flows: [], nodes: [] } });
    throw err;
  }
  if (!result.ok) throw networkProblem(result.reason, result.detail, result.variables, result.constraints);
  return {
    flows: result.variables.map((v) => ({ id: v.id, value: v.value, sd: v.sd })),
    chiSquare: result.chiSquare,
    dof: result.dof,
    pValue: result.pValue,
    suspects: networkSuspects(result, body),
  };
}

function networkProblem(reason: 'undeterminable' | 'contradiction', detail: string, flows: string[], nodes: string[]): Problem {
  return unprocessable(detail, {
    type: `flows-${reason}`,
    title: reason === 'undeterminable' ? 'Flows cannot be determined' : 'Exact flows contradict each other',
    members: { flows, nodes },
  });
}
