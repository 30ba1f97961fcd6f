/**
 * The balance check: the processor of `flows.ledger.changed` (durable `flows-balance-check`). For
 * each enterprise and period a write touched, it reconciles that enterprise's unit-level balances —
 * total mass (every material a flow of it, in t) and the element loops S, P, Cl, N
 * (CHECKED_LAYERS) — as the enterprise itself sees them,
 * and keeps one alarm per enterprise and period: raised (or updated) while suspects remain, cleared
 * once the period reconciles clean. Re-running it for the same data changes nothing, so a
 * redelivered event is harmless.
 *
 * Total mass rather than each material on its own: a process unit turns salt into chlorine, so a
 * single material's balance never closes at a reactor, whereas its total mass does.
 */
import type { Bus, BusSubscription } from '../../adapters/bus/port.ts';
import type { AuthContext } from '../../core/roles.ts';
import type { RaiseInput } from '../alarms/service.ts';
import type { Layer } from './balance.ts';
import type { BalanceReport } from './balance-report.ts';
import { FlowBalanceService, judgedLedger, type LedgerReader } from './balance-service.ts';
import { monthOf } from './period.ts';
import { meaningText } from './suspects.ts';

export const BALANCE_CHECK_DURABLE = 'flows-balance-check';

/** The layers the check reconciles, with how the alarm message names them. */
export const CHECKED_LAYERS: ReadonlyArray<{ label: string; layer: Layer }> = [
  { label: 'total mass', layer: { kind: 'mass', material: null } },
  { label: 'chlorine (Cl)', layer: { kind: 'element', element: 'Cl' } },
  { label: 'sulfur (S)', layer: { kind: 'element', element: 'S' } },
  { label: 'phosphorus (P)', layer: { kind: 'element', element: 'P' } },
  { label: 'nitrogen (N)', layer: { kind: 'element', element: 'N' } },
];

/** Below this p-value the alarm is high rather than medium: the data are almost surely wrong. */
export const HIGH_SEVERITY_P = 0.001;

/**
 * The periods to check for the periods a write named: a day's balance is checked as its month's
 * (the month is the ledger's reporting period), a month as itself, a year as itself (year rows
 * belong to no month).
 */
export function periodsToCheck(periods: readonly string[]): string[] {
  return [...new Set(periods.map((p) => monthOf(p) ?? p))].sort();
}

/** The enterprise's own view, for work the platform does on its behalf. */
export function enterpriseSystemContext(enterpriseId: number): AuthContext {
  return { userId: null, username: `system:${BALANCE_CHECK_DURABLE}`, role: 'enterprise_viewer', enterpriseId, via: 'system' };
}

export const balanceAlarmKey = (enterpriseId: number, period: string) => `flows:balance:${enterpriseId}:${period}`;

const fmt = (z: number) => z.toFixed(1);

/** Suspects named per layer in an alarm message; the console lists them all. */
const MAX_NAMED = 5;

/**
 * The alarm for one enterprise and period from its layers' reports: active when any layer has
 * suspects or could not be reconciled, with a message naming each suspect and what it most likely means.
 */
export function balanceAlarm(enterpriseId: number, period: string, reports: ReadonlyArray<{ label: string; report: BalanceReport }>): RaiseInput {
  const findings: string[] = [];
  let high = false;
  for (const { label, report } of reports) {
    const r = report.reconciliation;
    if (!r.ok && r.problem) {
      findings.push(`${label}: cannot be reconciled (${r.problem.detail})`);
      continue;
    }
    if (!report.suspects.length) continue;
    if (r.pValue !== null && r.pValue < HIGH_SEVERITY_P) high = true;
    // Nodes first: a leak shows as its node's test and as every flow around it, with the same z (the
    // flows cannot be told apart), so the node is the reading a person should start from.
    const ordered = [...report.suspects].sort((a, b) => (a.kind === b.kind ? b.z - a.z : a.kind === 'node' ? -1 : 1));
    const named = ordered
      .slice(0, MAX_NAMED)
      .map((s) => `${s.kind === 'flow' ? `flow ${s.key}` : `node ${s.key}`}: ${meaningText(s.meaning)} (z ${fmt(s.z)} > ${fmt(s.critical)})`);
    if (ordered.length > MAX_NAMED) named.push(`and ${ordered.length - MAX_NAMED} more`);
    const test = r.chiSquare !== null && r.dof !== null && r.pValue !== null ? ` [χ² ${r.chiSquare.toFixed(1)}, ${r.dof} dof, p ${r.pValue.toPrecision(2)}]` : '';
    findings.push(`${label}${test}: ${named.join('; ')}`);
  }
  return {
    enterpriseId,
    source: 'flows',
    sourceKey: balanceAlarmKey(enterpriseId, period),
    category: 'balance',
    severity: high ? 'high' : 'medium',
    level: 'BALANCE',
    message: findings.length ? `Balances of ${period} do not close — ${findings.join(' | ')}` : `Balances of ${period} reconcile`,
    active: findings.length > 0,
  };
}

export interface BalanceCheckDeps {
  bus: Bus;
  ledger: LedgerReader;
  balances: Pick<FlowBalanceService, 'reconciledReport'>;
  alarms: { raise(input: RaiseInput): Promise<unknown> };
}

export class FlowBalanceCheck {
  private processor: BusSubscription | null = null;

  constructor(private readonly deps: BalanceCheckDeps) {}

  /** Subscribes the processor (every node: the bus hands each event to one of them). Idempotent. */
  start(): void {
    if (this.processor) return;
    this.processor = this.deps.bus.subscribe('flows.ledger.changed', { durable: BALANCE_CHECK_DURABLE }, async (event) => {
      for (const enterpriseId of new Set(event.data.enterpriseIds)) {
        for (const period of periodsToCheck(event.data.periods)) await this.check(enterpriseId, period);
      }
    });
  }

  async stop(): Promise<void> {
    const processor = this.processor;
    this.processor = null;
    await processor?.close();
  }

  /** Reconciles one enterprise's period and raises, updates or clears its alarm; returns the alarm's input. */
  async check(enterpriseId: number, period: string): Promise<RaiseInput> {
    const ctx = enterpriseSystemContext(enterpriseId);
    const [read, materials] = await Promise.all([this.deps.ledger.readLedger(ctx, { period, enterpriseId }), this.deps.ledger.materials(ctx)]);
    // Judged on its own and the park's flows: another enterprise's claims never raise its alarm.
    const { ledger } = judgedLedger(ctx, read);
    const reports = CHECKED_LAYERS.map(({ label, layer }) => ({
      label,
      report: this.deps.balances.reconciledReport(ledger, materials, { level: 'unit', layer, scopeEnterpriseId: enterpriseId }),
    }));
    const alarm = balanceAlarm(enterpriseId, period, reports);
    await this.deps.alarms.raise(alarm);
    return alarm;
  }
}

/** The check over the platform's services, subscribed (startPlatform); stop it with the platform. */
export function startFlowBalanceCheck(services: { bus: Bus; flows: LedgerReader; alarms: BalanceCheckDeps['alarms'] }): FlowBalanceCheck {
  const check = new FlowBalanceCheck({ bus: services.bus, ledger: services.flows, balances: new FlowBalanceService(services.flows), alarms: services.alarms });
  check.start();
  return check;
}
