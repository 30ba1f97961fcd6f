/**
 * The alarm runtime's working set: one evaluator per resolved rule and subject, indexed by the tag
 * whose readings feed it, and what the runtime could not evaluate (a rule whose SPC baseline is
 * unusable) with the reason, for the console. Kept between rule refreshes so that an unchanged
 * rule keeps its evaluator's state (its deadband, delays, windows) across an edit of another rule.
 * No I/O: the runtime computes limits and seeds, the cache only holds and indexes.
 */
import type { Evaluator } from './evaluator.ts';
import type { ResolvedRule, RuleKind } from './rule-model.ts';

export interface RuleEntry {
  /** `<ruleId>:t<tagId>` or `<ruleId>:d<deviceId>` (a device-level no-data rule). */
  readonly key: string;
  /** What the entry was built from: rule, subject and the device's tags; a change rebuilds it. */
  readonly signature: string;
  readonly rule: ResolvedRule;
  readonly evaluator: Evaluator;
  /** The tags whose readings feed the evaluator (one, or every tag of the device). */
  readonly tagIds: readonly number[];
  /** Whether the evaluator's last change said active: a raise is an inactive → active change. */
  active: boolean;
}

/** Why a rule is not evaluated (the console says so beside the rule). */
export interface RuleProblem {
  ruleId: number;
  code: 'baseline-unusable' | 'invalid-rule';
  message: string;
  since: number;
}

/** Kinds whose state moves with the clock as well as with readings: they are ticked. */
const TICKED: ReadonlySet<RuleKind> = new Set<RuleKind>(['no_data', 'window']);

export const entryKey = (rule: Pick<ResolvedRule, 'ruleId' | 'tagId' | 'deviceId'>): string =>
  rule.tagId !== null ? `${rule.ruleId}:t${rule.tagId}` : `${rule.ruleId}:d${rule.deviceId}`;

export function entrySignature(rule: ResolvedRule, tagIds: readonly number[]): string {
  return JSON.stringify([rule.enterpriseId, rule.tagId, rule.deviceId, rule.unitId, rule.severity, rule.category, rule.params, tagIds]);
}

export class RuleCache {
  private readonly entries = new Map<string, RuleEntry>();
  private readonly byTag = new Map<number, RuleEntry[]>();
  private readonly ticked = new Set<RuleEntry>();
  private readonly problemsByRule = new Map<number, RuleProblem>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string): RuleEntry | undefined {
    return this.entries.get(key);
  }

  /** The evaluators a tag's readings feed (empty when none). */
  forTag(tagId: number): readonly RuleEntry[] | undefined {
    return this.byTag.get(tagId);
  }

  /** Entries whose kind needs the clock (no_data, window). */
  tickedEntries(): Iterable<RuleEntry> {
    return this.ticked;
  }

  all(): Iterable<RuleEntry> {
    return this.entries.values();
  }

  /**
   * Compares the wanted subjects with what is held: the keys to drop (gone or changed) and the
   * subjects to build (new or changed). Unchanged entries are kept as they are.
   */
  plan(wanted: ReadonlyMap<string, { rule: ResolvedRule; tagIds: readonly number[] }>): { drop: string[]; build: { rule: ResolvedRule; tagIds: readonly number[]; signature: string }[] } {
    const drop: string[] = [];
    const build: { rule: ResolvedRule; tagIds: readonly number[]; signature: string }[] = [];
    for (const [key, e] of this.entries) {
      const w = wanted.get(key);
      if (!w || entrySignature(w.rule, w.tagIds) !== e.signature) drop.push(key);
    }
    for (const [key, w] of wanted) {
      const signature = entrySignature(w.rule, w.tagIds);
      if (this.entries.get(key)?.signature !== signature) build.push({ rule: w.rule, tagIds: w.tagIds, signature });
    }
    return { drop, build };
  }

  add(entry: RuleEntry): void {
    this.remove(entry.key);
    this.entries.set(entry.key, entry);
    for (const tagId of entry.tagIds) {
      const list = this.byTag.get(tagId);
      if (list) list.push(entry);
      else this.byTag.set(tagId, [entry]);
    }
    if (TICKED.has(entry.rule.params.kind)) this.ticked.add(entry);
  }

  remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.ticked.delete(e);
    for (const tagId of e.tagIds) {
      const list = this.byTag.get(tagId);
      if (!list) continue;
      const rest = list.filter((x) => x !== e);
      if (rest.length) this.byTag.set(tagId, rest);
      else this.byTag.delete(tagId);
    }
  }

  /**
   * Records why a rule is not evaluated; true when this is news (not already recorded with the
   * same message), so the runtime logs each problem once rather than on every refresh.
   */
  setProblem(problem: RuleProblem): boolean {
    const had = this.problemsByRule.get(problem.ruleId);
    if (had && had.code === problem.code && had.message === problem.message) return false;
    this.problemsByRule.set(problem.ruleId, problem);
    return true;
  }

  clearProblem(ruleId: number): void {
    this.problemsByRule.delete(ruleId);
  }

  /** Keeps only the problems of rules that still exist. */
  retainProblems(ruleIds: ReadonlySet<number>): void {
    for (const id of this.problemsByRule.keys()) if (!ruleIds.has(id)) this.problemsByRule.delete(id);
  }

  problem(ruleId: number): RuleProblem | undefined {
    return this.problemsByRule.get(ruleId);
  }

  problems(): RuleProblem[] {
    return [...this.problemsByRule.values()].sort((a, b) => a.ruleId - b.ruleId);
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.ticked.clear();
  }
}
