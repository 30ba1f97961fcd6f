/**
 * What the reconciliation's failed tests most likely mean, in a plant engineer's terms. Pure.
 *
 * A flow (or stock) whose measurement test fails was moved far beyond its uncertainty: the
 * reconciliation pulled it down when the meter read more than the balances allow (`meter_reads_high`),
 * up when it read less (`meter_reads_low`). A node whose balance (nodal) test fails loses or gains
 * more than its measurements' uncertainty explains: more in than out and stored is material gone
 * unrecorded — a leak, an unreported outflow (`unaccounted_loss`); the opposite is an unrecorded
 * input (`unaccounted_gain`).
 */
import type { NetworkInput, Reconciled } from './reconcile/types.ts';
import type { BalanceView } from './balance.ts';
import type { BalanceProblem } from './problem.ts';

export const SUSPECT_MEANINGS = ['meter_reads_high', 'meter_reads_low', 'unaccounted_loss', 'unaccounted_gain'] as const;
export type SuspectMeaning = (typeof SUSPECT_MEANINGS)[number];

/** A measurement moved by `adjustment` (measured − reconciled). */
export const flowMeaning = (adjustment: number): SuspectMeaning => (adjustment >= 0 ? 'meter_reads_high' : 'meter_reads_low');

/** A node whose measurements leave `imbalance` (inputs − outputs − stock change). */
export const nodeMeaning = (imbalance: number): SuspectMeaning => (imbalance >= 0 ? 'unaccounted_loss' : 'unaccounted_gain');

const MEANING_TEXT: Readonly<Record<SuspectMeaning, string>> = {
  meter_reads_high: 'the meter likely reads high',
  meter_reads_low: 'the meter likely reads low',
  unaccounted_loss: 'material is lost unrecorded (a leak or an unreported outflow)',
  unaccounted_gain: 'material arrives unrecorded (an unreported input)',
};

/** The meaning in English words (alarm messages). */
export const meaningText = (meaning: SuspectMeaning): string => MEANING_TEXT[meaning];

/** A suspect of a ledger balance, as GET /flows/balances reports it. */
export interface BalanceSuspect {
  kind: 'flow' | 'node';
  /** The flow's key, or the node's code. */
  key: string;
  z: number;
  critical: number;
  meaning: SuspectMeaning;
  nodeCode: string | null;
  flowKey: string | null;
  /** measured − reconciled for a flow or a stock; null for a node's balance. */
  adjustment: number | null;
}

/**
 * The solver's suspects in the ledger's terms. A stock change that fails its test is reported
 * against its node (a tank gauge reading high or low). `imbalances` are the nodes' measured
 * imbalances, whose sign says loss or gain.
 */
export function ledgerSuspects(result: Reconciled, built: BalanceProblem, view: BalanceView, imbalances: ReadonlyMap<number, number>): BalanceSuspect[] {
  const variableIndex = new Map(built.problem.variables.map((v, i) => [v.id, i]));
  const constraintIndex = new Map(built.problem.constraints.map((c, j) => [c.id, j]));
  const byId = new Map(result.variables.map((v) => [v.id, v]));
  const out: BalanceSuspect[] = [];
  for (const s of result.suspects) {
    if (s.kind === 'variable') {
      const i = variableIndex.get(s.id);
      const role = i === undefined ? undefined : built.roles[i];
      const adjustment = byId.get(s.id)?.adjustment ?? 0;
      if (role?.kind === 'flow') {
        const flow = view.flows[role.index]!;
        out.push({ kind: 'flow', key: flow.key, z: s.z, critical: s.critical, meaning: flowMeaning(adjustment), nodeCode: null, flowKey: flow.key, adjustment });
      } else if (role?.kind === 'stock') {
        const code = view.nodes.get(role.nodeId)!.code;
        out.push({ kind: 'node', key: code, z: s.z, critical: s.critical, meaning: flowMeaning(adjustment), nodeCode: code, flowKey: null, adjustment });
      }
    } else {
      const j = constraintIndex.get(s.id);
      if (j === undefined) continue;
      const nodeId = built.constraintNodes[j]!;
      const code = view.nodes.get(nodeId)!.code;
      out.push({ kind: 'node', key: code, z: s.z, critical: s.critical, meaning: nodeMeaning(imbalances.get(nodeId) ?? 0), nodeCode: code, flowKey: null, adjustment: null });
    }
  }
  return out;
}

/** A suspect of the stateless endpoint: a flow or a node of the caller's network, by its id. */
export interface NetworkSuspect {
  kind: 'flow' | 'node';
  id: string;
  z: number;
  critical: number;
  meaning: SuspectMeaning;
}

/**
 * The solver's suspects in the caller's network's terms. A node's meaning comes from its measured
 * flows (inputs − outputs); a nodal test is only made where every flow of the node is measured.
 */
export function networkSuspects(result: Reconciled, input: NetworkInput): NetworkSuspect[] {
  const adjustments = new Map(result.variables.map((v) => [v.id, v.adjustment]));
  const imbalance = new Map<string, number>();
  for (const f of input.flows) {
    if (f.value === null) continue;
    if (f.to !== null) imbalance.set(f.to, (imbalance.get(f.to) ?? 0) + f.value);
    if (f.from !== null) imbalance.set(f.from, (imbalance.get(f.from) ?? 0) - f.value);
  }
  return result.suspects.map((s) =>
    s.kind === 'variable'
      ? { kind: 'flow', id: s.id, z: s.z, critical: s.critical, meaning: flowMeaning(adjustments.get(s.id) ?? 0) }
      : { kind: 'node', id: s.id, z: s.z, critical: s.critical, meaning: nodeMeaning(imbalance.get(s.id) ?? 0) },
  );
}
