/**
 * A recall impact report from a forward trace: every lot downstream of the recalled one, how much
 * of the recalled lot each holds (mass attribution), who holds it, and per holder the totals. Pure.
 */
import type { Trace } from './genealogy.ts';

export interface HolderRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
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
}

export function recallReport(trace: Trace, enterprises: HolderRef[], handles: Map<string, string>, depth: number, now: number): RecallReport {
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  const hasOut = new Set(trace.edges.map((e) => e.from));
  const lots: RecallLot[] = trace.nodes
    .filter((n) => n.ref !== trace.root)
    .map((n) => ({
      ref: n.ref,
      handle: handles.get(n.ref) ?? null,
      depth: n.depth,
      quantity: n.quantity,
      uom: n.uom,
      holders: n.enterpriseIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      endpoint: !hasOut.has(n.ref) && n.depth < depth,
      cutOff: !hasOut.has(n.ref) && n.depth >= depth,
    }))
    .sort((a, b) => a.depth - b.depth || a.ref.localeCompare(b.ref));
  const holders = new Map<number, RecallHolder>();
  for (const lot of lots) {
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

/** The report's lots as CSV (one row per lot and holder), with a UTF-8 BOM for spreadsheet programs. */
export function recallCsv(r: RecallReport): string {
  const rows: unknown[][] = [['lot', 'handle', 'depth', 'attributed_quantity', 'uom', 'endpoint', 'cut_off', 'holder_code', 'holder_name']];
  for (const l of r.lots) {
    const holders = l.holders.length ? l.holders : [null];
    for (const h of holders) rows.push([l.ref, l.handle, l.depth, l.quantity, l.uom, l.endpoint, l.cutOff, h?.code ?? null, h?.name ?? null]);
  }
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
