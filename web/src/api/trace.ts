/**
 * Genealogy, recall reports and share rules (docs/epcis.md): their shapes, where to ask for them
 * (an identifier minted here by its handle, any other by its URI), and the enterprises a caller
 * has come to know through them.
 */
import { useQuery } from '@tanstack/react-query';
import { api, download, type Query } from './client';
import type { Item } from './types';

// The shapes are the backend's own (pure modules with no imports of their own).
export type { TraceNode, TraceEdge, RecordedBy } from '../../../src/modules/trace/genealogy.ts';
import type { TraceNode, TraceEdge } from '../../../src/modules/trace/genealogy.ts';
export type { HolderRef, RecallHolder, RecallLot, RecallRecorder, RecallReport } from '../../../src/modules/trace/recall.ts';
import type { HolderRef, RecallReport } from '../../../src/modules/trace/recall.ts';

export type TraceDirection = 'backward' | 'forward' | 'both';
export const TRACE_DIRECTIONS: readonly TraceDirection[] = ['backward', 'both', 'forward'];

export interface Trace {
  /** The handle asked for (only when asked by handle). */
  handle?: string;
  direction: TraceDirection;
  depth: number;
  root: string;
  nodes: TraceNode[];
  edges: TraceEdge[];
  truncated: boolean;
  /** The enterprises named by the nodes' enterpriseIds, counterparties included. */
  enterprises: HolderRef[];
  /** Nodes that are identifiers minted on this node: ref → "prefix/suffix". */
  handles: Record<string, string>;
  /** Unconfirmed links were asked for too (edges and nodes then carry `confirmed: false`). */
  unconfirmed: boolean;
}

/** What a trace or recall starts from: an identifier minted here (its handle), or any EPC / Digital Link URI. */
export type TraceSource = { prefix: string; suffix: string } | { uri: string };

/** The path of a handle under /api/v1/trace: prefix and suffix, each segment encoded. */
export const handlePath = (prefix: string, suffix: string) => [prefix, ...suffix.split('/')].map(encodeURIComponent).join('/');

/** The path and query of a trace or recall of a source. */
function sourceRequest(base: 'trace' | 'recall', s: TraceSource, query: Query): [string, Query] {
  return 'uri' in s ? [`/${base}`, { id: s.uri, ...query }] : [`/${base}/${handlePath(s.prefix, s.suffix)}`, query];
}

const sourceKey = (s: TraceSource | undefined) => (!s ? null : 'uri' in s ? s.uri : `${s.prefix}/${s.suffix}`);

/** Only links whose recorder held the lots, or (asked for) the others too, marked unconfirmed. */
const unconfirmedQuery = (unconfirmed: boolean): Query => (unconfirmed ? { unconfirmed: true } : {});

export function useTrace(source: TraceSource | undefined, direction: TraceDirection, depth: number, unconfirmed = false) {
  return useQuery({
    queryKey: ['trace', sourceKey(source), direction, depth, unconfirmed],
    queryFn: ({ signal }) => {
      const [path, query] = sourceRequest('trace', source!, { direction, depth, ...unconfirmedQuery(unconfirmed) });
      return api.get<Trace>(path, query, signal);
    },
    enabled: !!source,
    placeholderData: (prev) => prev,
  });
}

export function useRecall(source: TraceSource | undefined, depth: number, unconfirmed = false) {
  return useQuery({
    queryKey: ['recall', sourceKey(source), depth, unconfirmed],
    queryFn: ({ signal }) => {
      const [path, query] = sourceRequest('recall', source!, { depth, ...unconfirmedQuery(unconfirmed) });
      return api.get<RecallReport>(path, query, signal);
    },
    enabled: !!source,
    placeholderData: (prev) => prev,
  });
}

/** Saves the recall report as CSV (the file the API names); resolves to the file's name. */
export function downloadRecallCsv(source: TraceSource, depth: number, unconfirmed = false): Promise<string> {
  const [path, query] = sourceRequest('recall', source, { depth, format: 'csv', ...unconfirmedQuery(unconfirmed) });
  return download(path, query, 'recall.csv');
}

/** A share rule: the owner's events seen by another enterprise, or by the park (granteeId null). */
export interface TraceShare extends Item {
  enterpriseId: number;
  granteeId: number | null;
  scope: 'all' | 'shipments';
}
export const SHARE_SCOPES = ['all', 'shipments'] as const;

/** The park's directory of enterprises (code, names, GLN), readable by every signed-in user. */
export function useParkDirectory() {
  return useQuery({
    queryKey: ['park-directory'],
    queryFn: ({ signal }) => api.get<{ items: (HolderRef & { gln: string | null })[] }>('/park/directory', undefined, signal),
    staleTime: 60_000,
  });
}
