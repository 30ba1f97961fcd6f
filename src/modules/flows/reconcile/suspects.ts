/**
 * The gross-error tests' verdict: which measurement and constraint tests exceed their critical
 * values. Each kind is judged at α with the Šidák correction over the number of tests of that
 * kind, so a large network does not cry wolf just because it has many flows. Pure.
 */
import { sidakCritical } from './stats.ts';
import type { Suspect } from './types.ts';

export function suspectsOf(alpha: number, tests: { kind: Suspect['kind']; id: string; z: number | null }[]): Suspect[] {
  const out: Suspect[] = [];
  for (const kind of ['variable', 'constraint'] as const) {
    const ofKind = tests.filter((t): t is typeof t & { z: number } => t.kind === kind && t.z !== null);
    if (!ofKind.length) continue;
    const critical = sidakCritical(alpha, ofKind.length);
    for (const t of ofKind) if (t.z > critical) out.push({ kind, id: t.id, z: t.z, critical });
  }
  return out.sort((a, b) => b.z - a.z || a.id.localeCompare(b.id));
}
