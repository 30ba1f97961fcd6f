/**
 * The signing workflow as the console builds it: which of the server's actions to offer and in what
 * order, what each step form starts from, and the action body a form's values make. The server's
 * state machine (src/modules/manifests/model.ts) decides whether a signature holds; these only shape
 * the request. Pure: no I/O.
 */
import { MANIFEST_ACTIONS, type ManifestAction, type ManifestActionBody, type ManifestDetail, type ManifestParty, type SignatureLocation } from '../../api/manifestShapes';

type Line = Pick<ManifestDetail['lines'][number], 'line' | 'quantity' | 'containers' | 'received' | 'receivedContainers' | 'rejected' | 'method' | 'processed' | 'hwCode'>;

/** The order buttons appear in: the step that moves the manifest on first, cancelling last. */
const ORDER: readonly ManifestAction[] = ['sign', 'hand_over', 'take_over', 'accept', 'partially_reject', 'reject', 'process', 'resolve_discrepancy', 'close', 'correct', 'cancel'];

/**
 * The actions to offer: those the server lists for the caller, one "Receive" step standing for the
 * three receipt decisions (the receiver weighs first, then decides).
 */
export type WorkflowStep = Exclude<ManifestAction, 'accept' | 'partially_reject' | 'reject'> | 'receive';
export const RECEIPT_DECISIONS = ['accept', 'partially_reject', 'reject'] as const satisfies readonly ManifestAction[];
export type ReceiptDecision = (typeof RECEIPT_DECISIONS)[number];

export function workflowSteps(actions: readonly string[]): WorkflowStep[] {
  const known = ORDER.filter((a) => actions.includes(a) && (MANIFEST_ACTIONS as readonly string[]).includes(a));
  const steps: WorkflowStep[] = [];
  for (const a of known) {
    const step: WorkflowStep = (RECEIPT_DECISIONS as readonly string[]).includes(a) ? 'receive' : (a as WorkflowStep);
    if (!steps.includes(step)) steps.push(step);
  }
  return steps;
}

/** Steps that end or undo something: confirmed in red. */
export const DANGEROUS_STEPS: readonly WorkflowStep[] = ['cancel'];

/** One line of a step form: what the signer saw or weighed of it. */
export interface SeenRow {
  line: number;
  quantity: number;
  containers: number;
}

/**
 * What a hand-off form starts from: the giver hands over what was declared; the taker sees what the
 * giver last handed over (its `hand_over` signature), or the declared where there is none.
 */
export function prefillSeen(
  lines: readonly Line[],
  step: 'hand_over' | 'take_over' | 'receive',
  signatures: readonly Pick<ManifestDetail['signatures'][number], 'action' | 'seen'>[],
): SeenRow[] {
  const lastGiven = step === 'hand_over' ? undefined : [...signatures].reverse().find((s) => s.action === 'hand_over');
  return lines.map((l) => {
    const given = lastGiven?.seen.find((s) => s.line === l.line);
    return { line: l.line, quantity: given?.quantity ?? l.quantity, containers: given?.containers ?? l.containers };
  });
}

const seenOf = (rows: readonly SeenRow[]) => rows.map((r) => ({ line: r.line, quantity: r.quantity, containers: r.containers }));

/** The common part of every action: the version the caller saw, where it was signed, a note. */
export interface Signed {
  version: number;
  location?: SignatureLocation;
  note?: string;
}

const base = (action: ManifestAction, s: Signed): ManifestActionBody => ({
  action,
  version: s.version,
  ...(s.location && Object.keys(s.location).length ? { location: s.location } : {}),
  ...(s.note?.trim() ? { note: s.note.trim() } : {}),
});

export function handoffBody(action: 'hand_over' | 'take_over', rows: readonly SeenRow[], s: Signed): ManifestActionBody {
  return { ...base(action, s), seen: seenOf(rows) };
}

/** The receiver's step: what it weighed per line, its decision, and what it rejects. */
export interface ReceiptValues {
  decision: ReceiptDecision;
  rows: (SeenRow & { rejected?: number | null })[];
  route?: 'return' | 'onward';
  onwardReceiverId?: number | null;
  reason?: string;
}

/**
 * What is wrong with a receipt before it is sent (keys of the manifests text): a partial rejection
 * rejects something but not all, never more than weighed; a rejection says why and, onward, to whom.
 */
export function receiptProblems(v: ReceiptValues): string[] {
  const problems: string[] = [];
  if (v.decision === 'accept') return problems;
  if (!v.reason?.trim()) problems.push('manifests.receive.needReason');
  if (v.route === 'onward' && !v.onwardReceiverId) problems.push('manifests.receive.needOnwardReceiver');
  if (v.decision === 'partially_reject') {
    const rejected = v.rows.map((r) => r.rejected ?? 0);
    if (v.rows.some((r, i) => rejected[i] > r.quantity)) problems.push('manifests.receive.rejectedOverWeighed');
    if (!rejected.some((q) => q > 0)) problems.push('manifests.receive.nothingRejected');
    else if (v.rows.every((r, i) => rejected[i] >= r.quantity)) problems.push('manifests.receive.allRejected');
  }
  return problems;
}

export function receiptBody(v: ReceiptValues, s: Signed): ManifestActionBody {
  const body: ManifestActionBody = { ...base(v.decision, s), seen: seenOf(v.rows) };
  if (v.decision === 'accept') return body;
  const rejected =
    v.decision === 'reject'
      ? v.rows.map((r) => ({ line: r.line, quantity: r.quantity }))
      : v.rows.filter((r) => (r.rejected ?? 0) > 0).map((r) => ({ line: r.line, quantity: r.rejected ?? 0 }));
  const route = v.route ?? 'return';
  return {
    ...body,
    rejected,
    rejection: { route, reason: (v.reason ?? '').trim(), ...(route === 'onward' && v.onwardReceiverId ? { receiverId: v.onwardReceiverId } : {}) },
  };
}

/** What is left to process of a line: weighed less rejected (never below 0), to the gram, so that 2.3 − 0.3 reads 2. */
export const acceptedOf = (l: Pick<Line, 'received' | 'rejected' | 'quantity'>) => Math.max(0, Math.round(((l.received ?? l.quantity) - (l.rejected ?? 0)) * 1e6) / 1e6);

export interface MethodRow {
  line: number;
  method?: string;
  quantity: number;
}

export function prefillMethods(lines: readonly Line[]): MethodRow[] {
  return lines.filter((l) => acceptedOf(l) > 0).map((l) => ({ line: l.line, method: l.method ?? undefined, quantity: acceptedOf(l) }));
}

export function processBody(rows: readonly MethodRow[], s: Signed): ManifestActionBody {
  return { ...base('process', s), methods: rows.filter((r) => r.method).map((r) => ({ line: r.line, method: r.method as string, quantity: r.quantity })) };
}

/** The figures a party may correct after closing (the generator its declaration, the receiver its receipt and processing). */
export const CORRECTABLE: Record<'generator' | 'receiver', readonly ('quantity' | 'hwCode' | 'received' | 'rejected' | 'method' | 'processed')[]> = {
  generator: ['quantity', 'hwCode'],
  receiver: ['received', 'rejected', 'method', 'processed'],
};

export type CorrectionRow = { line: number } & Partial<Record<(typeof CORRECTABLE)['generator' | 'receiver'][number], string | number | null>>;

/** Only the figures that differ from the revision shown: a correction names what it changes. */
export function correctionBody(party: 'generator' | 'receiver', lines: readonly Line[], rows: readonly CorrectionRow[], s: Signed): ManifestActionBody {
  const corrections: NonNullable<ManifestActionBody['corrections']> = [];
  for (const row of rows) {
    const was = lines.find((l) => l.line === row.line);
    if (!was) continue;
    const changed: Record<string, string | number> = {};
    for (const f of CORRECTABLE[party]) {
      const v = row[f];
      if (v === undefined || v === null || v === '') continue;
      if (v !== was[f]) changed[f] = v;
    }
    if (Object.keys(changed).length) corrections.push({ line: row.line, ...changed });
  }
  return { ...base('correct', s), corrections };
}

/** The party whose turn it is, as the caller sees it: the side it signs for now (null when it is not the caller's). */
export function callerSide(d: Pick<ManifestDetail, 'turn' | 'actions'>): ManifestParty | null {
  return d.actions.length && d.turn ? d.turn.party : null;
}

/** A place from the browser's coordinates and the signer's words; nothing when neither is known. */
export function signatureLocation(coords: { latitude: number; longitude: number; accuracy?: number } | null, place: string | undefined): SignatureLocation | undefined {
  const loc: SignatureLocation = {};
  if (place?.trim()) loc.place = place.trim().slice(0, 200);
  if (coords && Number.isFinite(coords.latitude) && Number.isFinite(coords.longitude)) {
    loc.lat = Math.round(coords.latitude * 1e6) / 1e6;
    loc.lng = Math.round(coords.longitude * 1e6) / 1e6;
    if (coords.accuracy !== undefined && Number.isFinite(coords.accuracy)) loc.accuracyM = Math.min(100_000, Math.max(0, Math.round(coords.accuracy)));
  }
  return Object.keys(loc).length ? loc : undefined;
}
