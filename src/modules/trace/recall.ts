/**
 * A recall impact report from a forward trace: every lot downstream of the recalled one, how much
 * of the recalled lot each holds (mass attribution), who holds it, who recorded the events that
 * lead to it, and per holder the totals. Pure. Lots reached only through unconfirmed links (a trace
 * asked with `unconfirmed`) are listed with `confirmed: false` and the reasons, and count in no
 * holder's totals.
 */
import type { Trace } from './genealogy.ts';

export interface HolderRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

/** Who recorded an event that leads to a lot: the enterprise (code, names) and the user. */
export interface RecallRecorder {
  enterpriseId: number;
  code: string | null;
  name: string | null;
  /** null: recorded before provenance was kept (unknown). */
  user: string | null;
}

export interface RecallLot {
  ref: string;
  handle: string | null;
  depth: number;
  /** Quantity of the recalled lot attributed to this lot (null: counted items or unknown). */
  quantity: number | null;
  uom: string | null;
  holders: HolderRef[];
  /** Nothing visible was made from it: the material is still there. */
  endpoint: boolean;
  /** At the report's depth: not followed further, so whether it is an endpoint is unknown. */
  cutOff: boolean;
  /** Reached from the recalled lot through confirmed links (docs/trace.md, "held"). */
  confirmed: boolean;
  /** Who recorded the events that lead to this lot (the edges into it). */
  recordedBy: RecallRecorder[];
  /** Unconfirmed: why its links are not confirmed. */
  reasons?: string[];
  /** Asked for unconfirmed links: enterprises named with it that never held it (not holders). */
  unconfirmedHolders?: HolderRef[];
}

export interface RecallHolder extends HolderRef {
  lots: number;
  endpoints: number;
  /** Attributed quantity per unit of measure, over the lots this holder handled that are endpoints. */
  quantities: Record<string, number>;
}

export interface RecallReport {
  root: string;
  rootHandle: string | null;
  generatedAt: string;
  depth: number;
  lots: RecallLot[];
  holders: RecallHolder[];
  truncated: boolean;
  /** The report follows unconfirmed links too (asked with unconfirmed=true). */
  unconfirmed?: boolean;
}

export function recallReport(trace: Trace, enterprises: HolderRef[], handles: Map<string, string>, depth: number, now: number): RecallReport {
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  const refsOf = (ids: number[]) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  // A confirmed lot is an endpoint when no confirmed link leaves it; an unconfirmed one, when no link does.
  const hasOut = new Set(trace.edges.map((e) => e.from));
  const hasConfirmedOut = new Set(trace.edges.filter((e) => e.confirmed !== false).map((e) => e.from));
  const lots: RecallLot[] = trace.nodes
    .filter((n) => n.ref !== trace.root)
    .map((n) => {
      const confirmed = n.confirmed !== false;
      const out = confirmed ? hasConfirmedOut.has(n.ref) : hasOut.has(n.ref);
      const into = trace.edges.filter((e) => e.to === n.ref);
      const recordedBy: RecallRecorder[] = [];
      for (const e of into) {
        const r = e.recordedBy;
        if (!r || recordedBy.some((x) => x.enterpriseId === r.enterpriseId && x.user === r.user)) continue;
        recordedBy.push({ enterpriseId: r.enterpriseId, code: byId.get(r.enterpriseId)?.code ?? null, name: byId.get(r.enterpriseId)?.name ?? null, user: r.user });
      }
      const reasons = [...new Set(into.filter((e) => e.confirmed === false && e.reason).map((e) => e.reason!))];
      return {
        ref: n.ref,
        handle: handles.get(n.ref) ?? null,
        depth: n.depth,
        quantity: n.quantity,
        uom: n.uom,
        holders: refsOf(n.enterpriseIds),
        endpoint: !out && n.depth < depth,
        cutOff: !out && n.depth >= depth,
        confirmed,
        recordedBy,
        ...(reasons.length ? { reasons } : {}),
        ...(n.unconfirmedEnterpriseIds?.length ? { unconfirmedHolders: refsOf(n.unconfirmedEnterpriseIds) } : {}),
      };
    })
    .sort((a, b) => a.depth - b.depth || a.ref.localeCompare(b.ref));
  const holders = new Map<number, RecallHolder>();
  for (const lot of lots) {
    if (!lot.confirmed) continue;
    for (const h of lot.holders) {
      const row = holders.get(h.id) ?? { ...h, lots: 0, endpoints: 0, quantities: {} };
      row.lots++;
      if (lot.endpoint) {
        row.endpoints++;
        if (lot.quantity !== null) row.quantities[lot.uom ?? ''] = (row.quantities[lot.uom ?? ''] ?? 0) + lot.quantity;
      }
      holders.set(h.id, row);
    }
  }
  return {
    root: trace.root,
    rootHandle: handles.get(trace.root) ?? null,
    generatedAt: new Date(now).toISOString(),
    depth,
    lots,
    holders: [...holders.values()].sort((a, b) => b.endpoints - a.endpoints || a.code.localeCompare(b.code)),
    truncated: trace.truncated,
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quoted when needed; a leading =,+,-,@ is defused so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** "code (user)" of each recorder, `;`-separated; a user unknown before provenance was kept is said so. */
export const recordersText = (list: RecallRecorder[]) =>
  list.map((x) => `${x.code ?? `#${x.enterpriseId}`} (${x.user ?? 'unknown (before provenance)'})`).join('; ');

/**
 * The report's lots as CSV (one row per lot and holder), with a UTF-8 BOM for spreadsheet programs.
 * `recorded_by` names who recorded the events leading to the lot; `confirmed` and `reason` say
 * whether the links to it are confirmed (false only in a report asked with unconfirmed links).
 */
export function recallCsv(r: RecallReport): string {
  const rows: unknown[][] = [['lot', 'handle', 'depth', 'attributed_quantity', 'uom', 'endpoint', 'cut_off', 'holder_code', 'holder_name', 'confirmed', 'recorded_by', 'reason']];
  for (const l of r.lots) {
    const holders = l.holders.length ? l.holders : [null];
    const recorded = recordersText(l.recordedBy ?? []);
    for (const h of holders) rows.push([l.ref, l.handle, l.depth, l.quantity, l.uom, l.endpoint, l.cutOff, h?.code ?? null, h?.name ?? null, l.confirmed !== false, recorded, (l.reasons ?? []).join('; ')]);
  }
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
