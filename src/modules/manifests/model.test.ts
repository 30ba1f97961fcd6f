import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedOf, availableActions, discrepancyOf, MANIFEST_ACTIONS, nextManifest, overdueOf, turnOf,
  type ManifestAction, type ManifestCommand, type ManifestFacts, type ManifestLine, type ManifestState,
} from './model.ts';
import { DEFAULT_MANIFEST_SETTINGS } from './settings.ts';

const GEN = 1;
const REC = 2;
const T1 = 3;
const T2 = 4;
const STRANGER = 9;
const ONWARD = 7;

function line(n: number, quantity = 10, containers = 4): ManifestLine {
  return {
    line: n, materialId: 100 + n, hwCode: 'HW06/900-402-06', form: 'liquid', packaging: 'drum', containers, quantity, unit: 't', hazards: ['T', 'I'],
    batches: [`https://id.example/lot/${n}`], received: null, receivedContainers: null, rejected: null, method: null, processed: null,
  };
}

function draft(transporterIds: number[] = [T1], lines: ManifestLine[] = [line(1), line(2, 5, 2)]): ManifestFacts {
  return {
    state: 'draft', version: 1, kind: 'original', generatorId: GEN, receiverId: REC, transporterIds, handoffsDone: 0, handoffGiven: false, lines,
    discrepancyState: null, latestRevision: true,
  };
}

const seenAll = (m: ManifestFacts, factor = 1) => m.lines.map((l) => ({ line: l.line, quantity: l.quantity * factor, containers: l.containers }));
const by = (enterpriseId: number | null) => ({ enterpriseId });

/** Runs commands that must succeed, each answering the current version. */
function drive(m: ManifestFacts, steps: [ManifestAction, number, Partial<ManifestCommand>?][]): ManifestFacts {
  for (const [action, actor, extra] of steps) {
    const d = nextManifest(m, { action, version: m.version, ...extra }, by(actor));
    if (!d.ok) throw new Error(`${action} by ${actor} at ${m.state}: ${d.code} ${d.reason}`);
    m = d.manifest;
  }
  return m;
}

const giverOf = (legs: number[], k: number) => (k === 0 ? GEN : legs[k - 1]);
const takerOf = (legs: number[], k: number) => (k < legs.length ? legs[k] : REC);

/** Signed and carried through every hand-off to the receiver. */
function delivered(legs: number[] = [T1], lines?: ManifestLine[]): ManifestFacts {
  let m = drive(draft(legs, lines), [['sign', GEN]]);
  for (let k = 0; k <= legs.length; k++) {
    m = drive(m, [
      ['hand_over', giverOf(legs, k), { seen: seenAll(m) }],
      ['take_over', takerOf(legs, k), { seen: seenAll(m) }],
    ]);
  }
  return m;
}

describe('the manifest state machine: a full run', () => {
  it('runs draft → signed → hand-offs → delivered → accepted → processed → closed with the effects of each step', () => {
    let m = draft([T1, T2]);
    expect(turnOf(m)).toEqual({ party: 'generator', leg: null, enterpriseId: GEN, actions: ['sign', 'cancel'] });
    m = drive(m, [['sign', GEN]]);
    expect(m).toMatchObject({ state: 'signed', version: 2 });
    expect(turnOf(m)).toMatchObject({ party: 'generator', actions: ['hand_over', 'cancel'] });
    const h0 = nextManifest(m, { action: 'hand_over', version: 2, seen: seenAll(m) }, by(GEN));
    expect(h0).toMatchObject({ ok: true, party: 'generator', leg: null, effects: [], manifest: { handoffGiven: true, state: 'signed' } });
    m = (h0 as { manifest: ManifestFacts }).manifest;
    expect(turnOf(m)).toMatchObject({ party: 'transporter', leg: 1, enterpriseId: T1, actions: ['take_over'] });
    const t0 = nextManifest(m, { action: 'take_over', version: 3, seen: seenAll(m) }, by(T1));
    expect(t0).toMatchObject({ ok: true, party: 'transporter', leg: 1, effects: [{ kind: 'picked_up' }], manifest: { state: 'in_transit', handoffsDone: 1, handoffGiven: false } });
    m = (t0 as { manifest: ManifestFacts }).manifest;
    m = drive(m, [['hand_over', T1, { seen: seenAll(m) }]]);
    const t1 = nextManifest(m, { action: 'take_over', version: m.version, seen: seenAll(m) }, by(T2));
    expect(t1).toMatchObject({ ok: true, leg: 2, effects: [{ kind: 'handed_on', handoff: 1 }], manifest: { state: 'in_transit', handoffsDone: 2 } });
    m = (t1 as { manifest: ManifestFacts }).manifest;
    m = drive(m, [['hand_over', T2, { seen: seenAll(m) }]]);
    const t2 = nextManifest(m, { action: 'take_over', version: m.version, seen: seenAll(m) }, by(REC));
    expect(t2).toMatchObject({ ok: true, party: 'receiver', effects: [{ kind: 'delivered' }], manifest: { state: 'delivered', handoffsDone: 3 } });
    m = (t2 as { manifest: ManifestFacts }).manifest;
    const a = nextManifest(m, { action: 'accept', version: m.version, seen: [{ line: 1, quantity: 9.5, containers: 4 }, { line: 2, quantity: 5 }] }, by(REC));
    expect(a).toMatchObject({ ok: true, effects: [{ kind: 'received', outcome: 'accepted' }], manifest: { state: 'accepted' } });
    m = (a as { manifest: ManifestFacts }).manifest;
    expect(m.lines.map((l) => [l.received, l.receivedContainers, l.rejected])).toEqual([[9.5, 4, 0], [5, null, 0]]);
    const p = nextManifest(m, { action: 'process', version: m.version, methods: [{ line: 1, method: 'R2', quantity: 9.5 }, { line: 2, method: 'D10', quantity: 4 }] }, by(REC));
    expect(p).toMatchObject({ ok: true, effects: [{ kind: 'processed' }], manifest: { state: 'processed' } });
    m = (p as { manifest: ManifestFacts }).manifest;
    expect(m.lines.map((l) => [l.method, l.processed])).toEqual([['R2', 9.5], ['D10', 4]]);
    const c = nextManifest(m, { action: 'close', version: m.version }, by(GEN));
    expect(c).toMatchObject({ ok: true, effects: [{ kind: 'closed' }], manifest: { state: 'closed', version: 11 } });
    expect(turnOf((c as { manifest: ManifestFacts }).manifest)).toBeNull();
  });

  it('passes the turn from the generator side to the transporter side of one enterprise that plays both', () => {
    let m = drive(draft([GEN, T1]), [['sign', GEN]]);
    const h = nextManifest(m, { action: 'hand_over', version: m.version, seen: seenAll(m) }, by(GEN));
    expect(h).toMatchObject({ ok: true, party: 'generator', leg: null });
    m = (h as { manifest: ManifestFacts }).manifest;
    // The same enterprise, now on the taking side of hand-off 0, and then the giving side of hand-off 1.
    expect(nextManifest(m, { action: 'hand_over', version: m.version, seen: seenAll(m) }, by(GEN))).toMatchObject({ ok: false, code: 'wrong_state' });
    const t = nextManifest(m, { action: 'take_over', version: m.version, seen: seenAll(m) }, by(GEN));
    expect(t).toMatchObject({ ok: true, party: 'transporter', leg: 1, effects: [{ kind: 'picked_up' }] });
    m = (t as { manifest: ManifestFacts }).manifest;
    expect(turnOf(m)).toMatchObject({ party: 'transporter', leg: 1, enterpriseId: GEN, actions: ['hand_over'] });
    expect(nextManifest(m, { action: 'cancel', version: m.version }, by(GEN))).toMatchObject({ ok: false, code: 'wrong_state' });
    m = drive(m, [['hand_over', GEN, { seen: seenAll(m) }], ['take_over', T1, { seen: seenAll(m) }]]);
    expect(m).toMatchObject({ state: 'in_transit', handoffsDone: 2 });
  });

  it('lets a receiver that is also the last transporter hand the waste to itself', () => {
    const m = delivered([T1, REC]);
    expect(m).toMatchObject({ state: 'delivered', handoffsDone: 3 });
  });

  it('spawns a return manifest for a partial rejection and an onward one for a rejection', () => {
    const m = delivered();
    const partial = nextManifest(
      m,
      { action: 'partially_reject', version: m.version, seen: seenAll(m), rejected: [{ line: 2, quantity: 2 }], rejection: { route: 'return', reason: 'drums leaking' } },
      by(REC),
    );
    expect(partial).toMatchObject({
      ok: true,
      effects: [{ kind: 'received', outcome: 'partially_rejected' }, { kind: 'spawn', route: 'return', receiverId: GEN, lines: [{ line: 2, quantity: 2 }] }],
      manifest: { state: 'partially_rejected' },
    });
    const pm = (partial as { manifest: ManifestFacts }).manifest;
    expect(pm.lines.map(acceptedOf)).toEqual([10, 3]);
    // Only the accepted part is processed.
    expect(nextManifest(pm, { action: 'process', version: pm.version, methods: [{ line: 1, method: 'R2', quantity: 10 }, { line: 2, method: 'D10', quantity: 3.5 }] }, by(REC))).toMatchObject({
      ok: false,
      code: 'invalid',
    });

    const whole = nextManifest(m, { action: 'reject', version: m.version, seen: seenAll(m), rejection: { route: 'onward', receiverId: ONWARD, reason: 'outside our permit' } }, by(REC));
    expect(whole).toMatchObject({
      ok: true,
      effects: [{ kind: 'received', outcome: 'rejected' }, { kind: 'spawn', route: 'onward', receiverId: ONWARD, lines: [{ line: 1, quantity: 10 }, { line: 2, quantity: 5 }] }],
      manifest: { state: 'rejected' },
    });
    const rm = (whole as { manifest: ManifestFacts }).manifest;
    expect(turnOf(rm)).toMatchObject({ party: 'generator', actions: ['close'] });
    expect(drive(rm, [['close', GEN]]).state).toBe('closed');
  });

  it('holds the close while a discrepancy is open and lets the generator resolve it at any point after receipt', () => {
    let m = delivered();
    m = drive(m, [['accept', REC, { seen: seenAll(m, 0.8) }]]);
    m = { ...m, discrepancyState: discrepancyOf(m.lines, DEFAULT_MANIFEST_SETTINGS) ? 'open' : null };
    expect(m.discrepancyState).toBe('open');
    expect(availableActions(m, by(GEN))).toEqual(['resolve_discrepancy']);
    m = drive(m, [['process', REC, { methods: m.lines.map((l) => ({ line: l.line, method: 'R2', quantity: acceptedOf(l) })) }]]);
    expect(turnOf(m)).toMatchObject({ party: 'generator', actions: ['resolve_discrepancy'] });
    expect(nextManifest(m, { action: 'close', version: m.version }, by(GEN))).toMatchObject({ ok: false, code: 'discrepancy_open', status: 409 });
    expect(nextManifest(m, { action: 'resolve_discrepancy', version: m.version }, by(GEN))).toMatchObject({ ok: false, code: 'invalid', status: 400 });
    expect(nextManifest(m, { action: 'resolve_discrepancy', version: m.version, note: 'x' }, by(REC))).toMatchObject({ ok: false, code: 'not_your_turn' });
    const r = nextManifest(m, { action: 'resolve_discrepancy', version: m.version, note: 'evaporation in transit, agreed' }, by(GEN));
    expect(r).toMatchObject({ ok: true, effects: [{ kind: 'discrepancy_resolved' }], manifest: { state: 'processed', discrepancyState: 'resolved' } });
    m = (r as { manifest: ManifestFacts }).manifest;
    expect(nextManifest(m, { action: 'resolve_discrepancy', version: m.version, note: 'again' }, by(GEN))).toMatchObject({ ok: false, code: 'wrong_state' });
    expect(drive(m, [['close', GEN]]).state).toBe('closed');
  });

  it('corrects a closed manifest into a new revision, each party its own figures', () => {
    let m = delivered();
    m = drive(m, [['accept', REC, { seen: seenAll(m) }], ['process', REC, { methods: [{ line: 1, method: 'R2', quantity: 10 }, { line: 2, method: 'D10', quantity: 5 }] }], ['close', GEN]]);
    const gen = nextManifest(m, { action: 'correct', version: m.version, note: 'typo in the declared weight', corrections: [{ line: 1, quantity: 10.4 }] }, by(GEN));
    expect(gen).toMatchObject({ ok: true, party: 'generator', effects: [{ kind: 'corrected' }], manifest: { state: 'closed', version: 1, latestRevision: true } });
    expect((gen as { manifest: ManifestFacts }).manifest.lines[0].quantity).toBe(10.4);
    const rec = nextManifest(m, { action: 'correct', version: m.version, note: 'scale recalibrated', corrections: [{ line: 2, received: 5.2, processed: 5.2 }] }, by(REC));
    expect(rec).toMatchObject({ ok: true, party: 'receiver' });
    expect(nextManifest(m, { action: 'correct', version: m.version, note: 'n', corrections: [{ line: 1, received: 9 }] }, by(GEN))).toMatchObject({ ok: false, code: 'not_a_party', status: 403 });
    expect(nextManifest(m, { action: 'correct', version: m.version, note: 'n', corrections: [{ line: 1, hwCode: 'HW06/900-401-06' }] }, by(REC))).toMatchObject({ ok: false, status: 403 });
    expect(nextManifest(m, { action: 'correct', version: m.version, note: 'n', corrections: [{ line: 1, quantity: 11 }] }, by(T1))).toMatchObject({ ok: false, code: 'not_your_turn' });
    expect(nextManifest(m, { action: 'correct', version: m.version, corrections: [{ line: 1, quantity: 11 }] }, by(GEN))).toMatchObject({ ok: false, code: 'invalid' });
    expect(nextManifest(m, { action: 'correct', version: m.version, note: 'n', corrections: [] }, by(GEN))).toMatchObject({ ok: false, code: 'invalid' });
    expect(nextManifest(m, { action: 'correct', version: m.version, note: 'n', corrections: [{ line: 1, quantity: 10 }] }, by(GEN))).toMatchObject({ ok: false, code: 'invalid', reason: 'the corrections change nothing' });
    expect(nextManifest(m, { action: 'correct', version: m.version, note: 'n', corrections: [{ line: 1, hwCode: 'HW06/900-402-08' }] }, by(GEN))).toMatchObject({ ok: false, code: 'invalid' });
    expect(nextManifest(m, { action: 'correct', version: m.version, note: 'n', corrections: [{ line: 1, rejected: 11 }] }, by(REC))).toMatchObject({ ok: false, code: 'invalid' });
    expect(nextManifest({ ...m, latestRevision: false }, { action: 'correct', version: m.version, note: 'n', corrections: [{ line: 1, quantity: 11 }] }, by(GEN))).toMatchObject({
      ok: false,
      code: 'not_latest_revision',
    });
  });
});

describe('the manifest state machine: refusals', () => {
  const m0 = draft();

  it('checks in the order action, party, version, state, turn, payload', () => {
    expect(nextManifest(m0, { action: 'fly' as ManifestAction, version: 1 }, by(STRANGER))).toMatchObject({ ok: false, code: 'not_an_action', status: 400 });
    // A stranger learns nothing, not even that its version is stale.
    expect(nextManifest(m0, { action: 'accept', version: 99 }, by(STRANGER))).toMatchObject({ ok: false, code: 'not_a_party', status: 403 });
    expect(nextManifest(m0, { action: 'sign', version: 1 }, by(null))).toMatchObject({ ok: false, code: 'not_a_party', status: 403 });
    expect(nextManifest(m0, { action: 'accept', version: 2 }, by(REC))).toMatchObject({ ok: false, code: 'stale_version', status: 409 });
    expect(nextManifest(m0, { action: 'accept', version: 1 }, by(T1))).toMatchObject({ ok: false, code: 'wrong_state', status: 409 });
    expect(nextManifest(m0, { action: 'sign', version: 1 }, by(REC))).toMatchObject({ ok: false, code: 'not_your_turn', status: 409 });
    const d = delivered();
    expect(nextManifest(d, { action: 'accept', version: d.version, seen: [] }, by(T1))).toMatchObject({ ok: false, code: 'not_your_turn' });
    expect(nextManifest(d, { action: 'accept', version: d.version, seen: [] }, by(REC))).toMatchObject({ ok: false, code: 'invalid', status: 400 });
  });

  it('refuses to sign without legs or with an empty line, and to cancel after pick-up', () => {
    expect(nextManifest(draft([]), { action: 'sign', version: 1 }, by(GEN))).toMatchObject({ ok: false, code: 'no_legs', status: 409 });
    expect(nextManifest(draft([T1], [line(1, 0)]), { action: 'sign', version: 1 }, by(GEN))).toMatchObject({ ok: false, code: 'invalid', status: 400 });
    expect(nextManifest(draft([T1], []), { action: 'sign', version: 1 }, by(GEN))).toMatchObject({ ok: false, code: 'invalid' });
    expect(nextManifest(m0, { action: 'cancel', version: 1 }, by(GEN))).toMatchObject({ ok: true, effects: [{ kind: 'cancelled' }], manifest: { state: 'cancelled' } });
    expect(nextManifest(m0, { action: 'cancel', version: 1 }, by(REC))).toMatchObject({ ok: false, code: 'not_your_turn' });
    const signed = drive(m0, [['sign', GEN]]);
    expect(nextManifest(signed, { action: 'cancel', version: 2 }, by(GEN))).toMatchObject({ ok: true });
    const given = drive(signed, [['hand_over', GEN, { seen: seenAll(signed) }]]);
    expect(nextManifest(given, { action: 'cancel', version: given.version }, by(GEN))).toMatchObject({ ok: false, code: 'wrong_state' });
    const picked = drive(given, [['take_over', T1, { seen: seenAll(given) }]]);
    expect(nextManifest(picked, { action: 'cancel', version: picked.version }, by(GEN))).toMatchObject({ ok: false, code: 'wrong_state' });
  });

  it('keeps each side of a hand-off to its own half', () => {
    const legs = [T1, T2];
    const signed = drive(draft(legs), [['sign', GEN]]);
    expect(nextManifest(signed, { action: 'take_over', version: 2, seen: seenAll(signed) }, by(T1))).toMatchObject({ ok: false, code: 'not_your_turn' });
    expect(nextManifest(signed, { action: 'take_over', version: 2, seen: seenAll(signed) }, by(GEN))).toMatchObject({ ok: false, code: 'wrong_state' });
    expect(nextManifest(signed, { action: 'hand_over', version: 2, seen: seenAll(signed) }, by(T2))).toMatchObject({ ok: false, code: 'not_your_turn' });
    const given = drive(signed, [['hand_over', GEN, { seen: seenAll(signed) }]]);
    expect(nextManifest(given, { action: 'take_over', version: given.version, seen: seenAll(given) }, by(T2))).toMatchObject({ ok: false, code: 'not_your_turn' });
    expect(nextManifest(given, { action: 'hand_over', version: given.version, seen: seenAll(given) }, by(GEN))).toMatchObject({ ok: false, code: 'not_your_turn' });
  });

  it('validates what was seen', () => {
    const s = drive(m0, [['sign', GEN]]);
    const ask = (seen: ManifestCommand['seen']) => nextManifest(s, { action: 'hand_over', version: 2, seen }, by(GEN));
    expect(ask(undefined)).toMatchObject({ ok: false, code: 'invalid' });
    expect(ask([{ line: 1, quantity: 10 }])).toMatchObject({ ok: false, code: 'invalid', reason: 'seen misses line 2' });
    expect(ask([{ line: 1, quantity: 10 }, { line: 3, quantity: 1 }])).toMatchObject({ ok: false, reason: expect.stringContaining('line 3 is not a line') });
    expect(ask([{ line: 1, quantity: 10 }, { line: 1, quantity: 1 }])).toMatchObject({ ok: false, reason: expect.stringContaining('twice') });
    expect(ask([{ line: 1, quantity: -1 }, { line: 2, quantity: 1 }])).toMatchObject({ ok: false, reason: expect.stringContaining('seen[0].quantity') });
    expect(ask([{ line: 1, quantity: Number.NaN }, { line: 2, quantity: 1 }])).toMatchObject({ ok: false, code: 'invalid' });
    expect(ask([{ line: 1, quantity: 1, containers: 1.5 }, { line: 2, quantity: 1 }])).toMatchObject({ ok: false, reason: expect.stringContaining('containers') });
    expect(ask([{ line: 1, quantity: 0 }, { line: 2, quantity: 1 }])).toMatchObject({ ok: true });
  });

  it('validates a receipt', () => {
    const d = delivered();
    const ask = (action: ManifestAction, extra: Partial<ManifestCommand>) => nextManifest(d, { action, version: d.version, seen: seenAll(d), ...extra }, by(REC));
    const why = { route: 'return' as const, reason: 'off-spec' };
    expect(ask('accept', { rejected: [{ line: 1, quantity: 1 }] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(ask('accept', { rejection: why })).toMatchObject({ ok: false, code: 'invalid' });
    expect(ask('partially_reject', { rejection: why })).toMatchObject({ ok: false, reason: expect.stringContaining('rejects some quantity') });
    expect(ask('partially_reject', { rejected: [{ line: 1, quantity: 10 }, { line: 2, quantity: 5 }], rejection: why })).toMatchObject({ ok: false, reason: expect.stringContaining('accepts something') });
    expect(ask('partially_reject', { rejected: [{ line: 1, quantity: 11 }], rejection: why })).toMatchObject({ ok: false, reason: expect.stringContaining('exceeds') });
    expect(ask('partially_reject', { rejected: [{ line: 1, quantity: 1 }] })).toMatchObject({ ok: false, reason: expect.stringContaining('rejection names') });
    expect(ask('partially_reject', { rejected: [{ line: 1, quantity: 1 }], rejection: { route: 'return', reason: '  ' } })).toMatchObject({ ok: false, reason: expect.stringContaining('reason') });
    expect(ask('reject', { rejection: { route: 'onward', reason: 'x' } })).toMatchObject({ ok: false, reason: expect.stringContaining('receiverId') });
    expect(ask('reject', { rejection: { route: 'onward', receiverId: REC, reason: 'x' } })).toMatchObject({ ok: false, reason: expect.stringContaining('another receiver') });
    expect(ask('reject', { rejected: [{ line: 1, quantity: 3 }], rejection: why })).toMatchObject({ ok: false, reason: expect.stringContaining('everything weighed') });
    expect(ask('reject', { seen: d.lines.map((l) => ({ line: l.line, quantity: 0 })), rejection: why })).toMatchObject({ ok: false, code: 'invalid' });
    expect(ask('reject', { rejected: [{ line: 1, quantity: 10 }], rejection: why })).toMatchObject({ ok: true });
  });

  it('validates processing', () => {
    const d = delivered();
    const a = drive(d, [['partially_reject', REC, { seen: seenAll(d), rejected: [{ line: 2, quantity: 5 }], rejection: { route: 'return', reason: 'x' } }]]);
    const ask = (methods: ManifestCommand['methods']) => nextManifest(a, { action: 'process', version: a.version, methods }, by(REC));
    expect(ask([])).toMatchObject({ ok: false, reason: expect.stringContaining('misses line 1') });
    expect(ask([{ line: 1, method: 'X9', quantity: 1 }])).toMatchObject({ ok: false, reason: expect.stringContaining('not a utilization or disposal method') });
    expect(ask([{ line: 1, method: 'R2', quantity: 10.5 }])).toMatchObject({ ok: false, reason: expect.stringContaining('exceeds') });
    expect(ask([{ line: 1, method: 'R2', quantity: 1 }, { line: 2, method: 'D10', quantity: 1 }])).toMatchObject({ ok: false, code: 'invalid' });
    // Line 2 was rejected whole: nothing of it to process.
    const ok = ask([{ line: 1, method: 'R2', quantity: 9 }]);
    expect(ok).toMatchObject({ ok: true });
    expect((ok as { manifest: ManifestFacts }).manifest.lines.map((l) => [l.method, l.processed])).toEqual([['R2', 9], [null, 0]]);
  });

  it('offers each party the actions it may send now', () => {
    expect(availableActions(m0, by(GEN))).toEqual(['sign', 'cancel']);
    expect(availableActions(draft([]), by(GEN))).toEqual(['cancel']);
    expect(availableActions(m0, by(REC))).toEqual([]);
    expect(availableActions(m0, by(STRANGER))).toEqual([]);
    const d = delivered();
    expect(availableActions(d, by(REC))).toEqual(['accept', 'partially_reject', 'reject']);
    expect(availableActions(d, by(GEN))).toEqual([]);
  });
});

/** Every transition the diagram allows, written once: from>to. */
const EDGES = new Set([
  'draft>signed', 'draft>cancelled', 'signed>signed', 'signed>in_transit', 'signed>cancelled', 'in_transit>in_transit', 'in_transit>delivered',
  'delivered>accepted', 'delivered>partially_rejected', 'delivered>rejected', 'accepted>processed', 'partially_rejected>processed',
  'processed>closed', 'rejected>closed', 'closed>closed',
  // resolve_discrepancy changes no state.
  'accepted>accepted', 'partially_rejected>partially_rejected', 'rejected>rejected', 'processed>processed',
]);

const ACTORS = [GEN, REC, T1, T2, STRANGER, null];

/** A payload built from the manifest as it is, mostly plausible, sometimes wrong (seed picks which). */
function payload(m: ManifestFacts, action: ManifestAction, actor: number | null, seed: number): Partial<ManifestCommand> {
  const factor = [1, 0.8, 1.05, 1.2, 0.5][seed % 5];
  const seen = m.lines.map((l) => ({ line: l.line, quantity: l.quantity * factor, containers: l.containers - (seed % 3 === 0 ? 1 : 0) }));
  if (seed % 17 === 0) seen.pop();
  const out: Partial<ManifestCommand> = { seen };
  if (seed % 7 !== 0) out.note = 'because';
  if (action === 'partially_reject') out.rejected = [{ line: 1, quantity: (seen[0]?.quantity ?? 0) * (seed % 11 === 0 ? 2 : 0.5) }];
  if (action === 'partially_reject' || action === 'reject') {
    out.rejection = seed % 2 ? { route: 'return', reason: 'off-spec' } : { route: 'onward', receiverId: seed % 13 === 0 ? REC : ONWARD, reason: 'permit' };
  }
  if (action === 'process') {
    out.methods = m.lines.filter((l) => acceptedOf(l) > 0).map((l) => ({ line: l.line, method: ['R2', 'D10', 'D1', 'C1'][seed % 4], quantity: acceptedOf(l) * (seed % 19 === 0 ? 2 : 1) }));
  }
  if (action === 'correct') {
    const l = m.lines[0];
    out.corrections = (actor === GEN) !== (seed % 5 === 0) ? [{ line: l.line, quantity: l.quantity + 1 }] : [{ line: l.line, received: (l.received ?? 0) + 1 }];
  }
  return out;
}

const stepArb = fc.record({
  action: fc.constantFrom<ManifestAction>(...MANIFEST_ACTIONS),
  actor: fc.constantFrom(...ACTORS),
  skew: fc.constantFrom(0, 0, 0, 0, -1, 1),
  seed: fc.nat(1000),
  /** Most steps are what the turn asks for (with a random version and payload still), or few runs would get past signing. */
  guided: fc.nat(3),
});
const legsArb = fc.array(fc.constantFrom(T1, T2, GEN, REC), { minLength: 1, maxLength: 3 });
const linesArb = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 3 }).map((qs) => qs.map((q, i) => line(i + 1, q, 2)));

describe('the manifest state machine: properties', () => {
  it('lets only the party whose turn it is move the manifest, one version at a time, along the diagram, and refuses replays', () => {
    const reached = new Set<ManifestState>();
    const accepted = new Set<ManifestAction>();
    fc.assert(
      fc.property(legsArb, linesArb, fc.array(stepArb, { minLength: 10, maxLength: 60 }), (legs, lines, steps) => {
        let m = draft(legs, lines);
        for (const step of steps) {
          const before = m;
          const turn = turnOf(before);
          const s = { ...step };
          if (turn && step.guided > 0) {
            const options = turn.actions.filter((a) => a !== 'cancel' || step.seed % 10 === 0);
            s.action = options[step.seed % options.length];
            s.actor = turn.enterpriseId;
          }
          const command: ManifestCommand = { action: s.action, version: before.version + s.skew, ...payload(before, s.action, s.actor, s.seed) };
          const d = nextManifest(before, command, by(s.actor));
          if (!d.ok) {
            expect([400, 403, 409]).toContain(d.status);
            continue;
          }
          const after = d.manifest;
          // (a) only the party whose turn it is; resolving a discrepancy is the generator's at any point after receipt, correcting is outside the run.
          expect(s.actor === null || s.actor === STRANGER).toBe(false);
          if (s.action === 'resolve_discrepancy') {
            expect(s.actor).toBe(GEN);
            expect({ ...after, version: before.version, discrepancyState: 'open' }).toEqual(before);
          } else if (s.action === 'correct') {
            expect(before.state).toBe('closed');
            expect([GEN, REC]).toContain(s.actor);
          } else {
            expect(turn).not.toBeNull();
            expect(turn!.enterpriseId).toBe(s.actor);
            expect(turn!.actions).toContain(s.action);
          }
          // (b) the command answered the version it saw; versions grow by one (a correction starts its revision at 1).
          expect(command.version).toBe(before.version);
          expect(after.version).toBe(s.action === 'correct' ? 1 : before.version + 1);
          // (c) the same request again is refused.
          expect(nextManifest(after, command, by(s.actor)).ok).toBe(false);
          // (d) along the diagram only.
          expect(EDGES.has(`${before.state}>${after.state}`), `${before.state}>${after.state}`).toBe(true);
          // (e) closed and cancelled manifests take nothing but a correction of the newest closed revision.
          if (before.state === 'closed' || before.state === 'cancelled') {
            expect(s.action).toBe('correct');
            expect(before.state === 'closed' && before.latestRevision).toBe(true);
          }
          // (f) no cancel after pick-up.
          if (s.action === 'cancel') expect(before.handoffsDone === 0 && !before.handoffGiven).toBe(true);
          // (g) per line: 0 ≤ rejected ≤ received, processed ≤ accepted; a spawned manifest carries exactly the rejected part.
          for (const l of after.lines) {
            if (l.received === null) continue;
            expect(l.rejected).not.toBeNull();
            expect(l.rejected!).toBeGreaterThanOrEqual(0);
            expect(acceptedOf(l)).toBeGreaterThanOrEqual(-1e-9);
            expect(acceptedOf(l) + l.rejected!).toBeCloseTo(l.received, 9);
            if (l.processed !== null) expect(l.processed).toBeLessThanOrEqual(acceptedOf(l) + 1e-9);
          }
          const spawn = d.effects.find((e) => e.kind === 'spawn');
          if (spawn && spawn.kind === 'spawn') {
            expect(spawn.lines).toEqual(after.lines.filter((l) => (l.rejected ?? 0) > 0).map((l) => ({ line: l.line, quantity: l.rejected })));
          }
          // The receipt decides the discrepancy, as the service does.
          m = d.effects.some((e) => e.kind === 'received') ? { ...after, discrepancyState: discrepancyOf(after.lines, DEFAULT_MANIFEST_SETTINGS) ? 'open' : null } : after;
          reached.add(after.state);
          accepted.add(s.action);
        }
      }),
      { numRuns: 400 },
    );
    // The walks went everywhere the diagram goes, so the checks above were made on every kind of step.
    expect([...reached].sort()).toEqual(['accepted', 'cancelled', 'closed', 'delivered', 'in_transit', 'partially_rejected', 'processed', 'rejected', 'signed']);
    expect([...accepted].sort()).toEqual([...MANIFEST_ACTIONS].sort());
  });

  it('(h) runs n legs from draft to closed in exactly 1 + 2(n + 1) + 3 actions', () => {
    fc.assert(
      fc.property(legsArb, linesArb, (legs, lines) => {
        let m = draft(legs, lines);
        let count = 0;
        const act = (action: ManifestAction, actor: number, extra: Partial<ManifestCommand> = {}) => {
          const d = nextManifest(m, { action, version: m.version, ...extra }, by(actor));
          expect(d.ok, d.ok ? '' : `${action} by ${actor}: ${d.reason}`).toBe(true);
          if (d.ok) m = d.manifest;
          count++;
        };
        act('sign', GEN);
        for (let k = 0; k <= legs.length; k++) {
          act('hand_over', giverOf(legs, k), { seen: seenAll(m) });
          act('take_over', takerOf(legs, k), { seen: seenAll(m) });
        }
        expect(m.state).toBe('delivered');
        act('accept', REC, { seen: seenAll(m) });
        act('process', REC, { methods: m.lines.map((l) => ({ line: l.line, method: 'R2', quantity: acceptedOf(l) })) });
        act('close', GEN);
        expect(m.state).toBe('closed');
        expect(count).toBe(1 + 2 * (legs.length + 1) + 1 + 1 + 1);
        expect(m.version).toBe(1 + count);
      }),
    );
  });
});

describe('discrepancies', () => {
  const received = (quantity: number, received: number, containers = 4, receivedContainers: number | null = 4): ManifestLine => ({ ...line(1, quantity, containers), received, receivedContainers, rejected: 0 });
  const tol = { discrepancyTolerancePct: 10, containerTolerance: 0 };

  it('counts a weight beyond the tolerance either way, and any package-count difference by default', () => {
    expect(discrepancyOf([received(10, 10.9)], tol)).toBeNull();
    expect(discrepancyOf([received(10, 11)], tol)).toBeNull();
    expect(discrepancyOf([received(10, 9)], tol)).toBeNull();
    expect(discrepancyOf([received(10, 11.01)], tol)).toMatchObject({ tolerancePct: 10, lines: [{ line: 1, declared: 10, received: 11.01, reasons: ['weight'] }] });
    expect(discrepancyOf([received(10, 8)], tol)?.lines[0].pct).toBeCloseTo(-20, 9);
    expect(discrepancyOf([received(10, 10, 4, 3)], tol)).toMatchObject({ lines: [{ reasons: ['containers'], declaredContainers: 4, receivedContainers: 3 }] });
    expect(discrepancyOf([received(10, 10, 4, 3)], { ...tol, containerTolerance: 1 })).toBeNull();
    expect(discrepancyOf([received(10, 5, 4, 2)], tol)?.lines[0].reasons).toEqual(['weight', 'containers']);
    expect(discrepancyOf([line(1)], tol)).toBeNull();
  });

  it('never reports a line whose weight is within the tolerance (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: 0, max: 50 }), (declared, r, pct) => {
        const got = declared * (1 + (r * pct) / 100);
        expect(discrepancyOf([received(declared, got)], { discrepancyTolerancePct: pct, containerTolerance: 0 })).toBeNull();
      }),
    );
  });
});

describe('overdue manifests', () => {
  const allow = { pickupAllowanceDays: 3, transitAllowanceHours: 72 };
  it('counts the pick-up allowance from the end of the planned day, the transit allowance from pick-up', () => {
    const deadline = Date.UTC(2026, 2, 5);
    expect(overdueOf({ state: 'signed', plannedDate: '2026-03-01', pickedUpAt: null }, allow, deadline)).toBeNull();
    expect(overdueOf({ state: 'signed', plannedDate: '2026-03-01', pickedUpAt: null }, allow, deadline + 1)).toEqual({ reason: 'not_picked_up', since: deadline });
    const pickedUpAt = Date.UTC(2026, 2, 2, 8);
    const due = pickedUpAt + 72 * 3_600_000;
    expect(overdueOf({ state: 'in_transit', plannedDate: '2026-03-01', pickedUpAt }, allow, due)).toBeNull();
    expect(overdueOf({ state: 'in_transit', plannedDate: '2026-03-01', pickedUpAt }, allow, due + 1)).toEqual({ reason: 'not_delivered', since: due });
    for (const state of ['draft', 'delivered', 'accepted', 'closed', 'cancelled'] as const) {
      expect(overdueOf({ state, plannedDate: '2020-01-01', pickedUpAt: 0 }, allow, Date.UTC(2030, 0, 1))).toBeNull();
    }
  });
});
