import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedOf, callerSide, correctionBody, handoffBody, prefillMethods, prefillSeen, processBody, receiptBody, receiptProblems, signatureLocation, workflowSteps, type ReceiptValues,
} from './workflow';

const line = (n: number, quantity: number, extra: Partial<{ received: number | null; rejected: number | null; method: string | null; containers: number }> = {}) => ({
  line: n, quantity, containers: extra.containers ?? 4, received: extra.received ?? null, receivedContainers: null, rejected: extra.rejected ?? null, method: extra.method ?? null, processed: null, hwCode: 'HW06/900-402-06',
});

describe('the steps a signer is offered', () => {
  it('keeps the server’s actions in the workflow’s order, one receive step for the three decisions', () => {
    expect(workflowSteps(['cancel', 'sign'])).toEqual(['sign', 'cancel']);
    expect(workflowSteps(['reject', 'accept', 'partially_reject'])).toEqual(['receive']);
    expect(workflowSteps(['close', 'resolve_discrepancy'])).toEqual(['resolve_discrepancy', 'close']);
    expect(workflowSteps(['something_new'])).toEqual([]);
  });

  it('is any subset of the listed actions, each at most once', () => {
    const all = ['sign', 'hand_over', 'take_over', 'accept', 'partially_reject', 'reject', 'process', 'resolve_discrepancy', 'close', 'cancel', 'correct'];
    fc.assert(
      fc.property(fc.subarray(all), (actions) => {
        const steps = workflowSteps(actions);
        expect(new Set(steps).size).toBe(steps.length);
        for (const s of steps) expect(s === 'receive' ? actions.some((a) => ['accept', 'partially_reject', 'reject'].includes(a)) : actions.includes(s)).toBe(true);
      }),
    );
  });

  it('names the caller’s side only when it has something to sign', () => {
    const turn = { party: 'transporter' as const, leg: 1, enterprise: { id: 3, code: 'T', name: 'T', nameEn: null }, actions: ['take_over' as const] };
    expect(callerSide({ turn, actions: ['take_over'] })).toBe('transporter');
    expect(callerSide({ turn, actions: [] })).toBeNull();
  });
});

describe('what a step form starts from', () => {
  const lines = [line(1, 2.5), line(2, 0.8, { containers: 0 })];
  it('hands over the declared and takes over what was handed over', () => {
    expect(prefillSeen(lines, 'hand_over', [])).toEqual([{ line: 1, quantity: 2.5, containers: 4 }, { line: 2, quantity: 0.8, containers: 0 }]);
    const given = [{ action: 'hand_over' as const, seen: [{ line: 1, quantity: 2.4, containers: 3 }] }];
    expect(prefillSeen(lines, 'take_over', given)).toEqual([{ line: 1, quantity: 2.4, containers: 3 }, { line: 2, quantity: 0.8, containers: 0 }]);
    expect(prefillSeen(lines, 'hand_over', given)[0].quantity).toBe(2.5);
  });

  it('processes what was accepted of each line', () => {
    const received = [line(1, 2.5, { received: 2.4, rejected: 0.4 }), line(2, 1, { received: 1, rejected: 1 })];
    expect(prefillMethods(received)).toEqual([{ line: 1, method: undefined, quantity: 2 }]);
    expect(acceptedOf({ received: 2.3, rejected: 0.3, quantity: 2.5 })).toBe(2);
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (r, x) => {
      expect(acceptedOf({ received: r, rejected: x, quantity: 1 })).toBeGreaterThanOrEqual(0);
    }));
  });
});

describe('the bodies a step sends', () => {
  const signed = { version: 7, note: '  ', location: {} };
  it('sends the version seen, no empty note or location', () => {
    expect(handoffBody('take_over', [{ line: 1, quantity: 2, containers: 4 }], signed)).toEqual({ action: 'take_over', version: 7, seen: [{ line: 1, quantity: 2, containers: 4 }] });
    expect(processBody([{ line: 1, method: 'R2', quantity: 2 }, { line: 2, quantity: 1 }], { version: 9, note: 'ok' })).toEqual({ action: 'process', version: 9, note: 'ok', methods: [{ line: 1, method: 'R2', quantity: 2 }] });
  });

  const receipt = fc
    .array(fc.record({ quantity: fc.double({ min: 0.001, max: 1000, noNaN: true }), containers: fc.nat(50), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 })
    .chain((rows) =>
      fc.record({
        decision: fc.constantFrom('accept' as const, 'partially_reject' as const, 'reject' as const),
        route: fc.constantFrom('return' as const, 'onward' as const),
        rows: fc.constant(rows.map((r, i) => ({ line: i + 1, quantity: r.quantity, containers: r.containers, rejected: r.quantity * r.share }))),
      }),
    );

  it('weighs every line, and rejects no more than weighed, naming where it goes', () => {
    fc.assert(
      fc.property(receipt, (v) => {
        const values: ReceiptValues = { ...v, reason: 'wrong drums', onwardReceiverId: 12 };
        const body = receiptBody(values, { version: 3 });
        expect(body.action).toBe(v.decision);
        expect(body.seen?.map((s) => s.line)).toEqual(v.rows.map((r) => r.line));
        if (v.decision === 'accept') {
          expect(body.rejected).toBeUndefined();
          expect(body.rejection).toBeUndefined();
          return;
        }
        for (const r of body.rejected ?? []) expect(r.quantity).toBeLessThanOrEqual(v.rows.find((x) => x.line === r.line)!.quantity);
        expect(body.rejection?.route).toBe(v.route);
        expect(body.rejection?.receiverId).toBe(v.route === 'onward' ? 12 : undefined);
        if (v.decision === 'reject') expect(body.rejected?.map((r) => r.quantity)).toEqual(v.rows.map((r) => r.quantity));
      }),
    );
  });

  it('refuses a partial rejection of nothing, of everything, or of more than weighed, and a rejection without a reason', () => {
    const rows = [{ line: 1, quantity: 2, containers: 1, rejected: 0 }, { line: 2, quantity: 1, containers: 1, rejected: 0 }];
    expect(receiptProblems({ decision: 'partially_reject', rows, reason: 'x' })).toEqual(['manifests.receive.nothingRejected']);
    expect(receiptProblems({ decision: 'partially_reject', rows: rows.map((r) => ({ ...r, rejected: r.quantity })), reason: 'x' })).toEqual(['manifests.receive.allRejected']);
    expect(receiptProblems({ decision: 'partially_reject', rows: [{ ...rows[0], rejected: 3 }, rows[1]], reason: 'x' })).toContain('manifests.receive.rejectedOverWeighed');
    expect(receiptProblems({ decision: 'reject', rows, route: 'onward' })).toEqual(['manifests.receive.needReason', 'manifests.receive.needOnwardReceiver']);
    expect(receiptProblems({ decision: 'partially_reject', rows: [{ ...rows[0], rejected: 0.5 }, rows[1]], reason: 'x' })).toEqual([]);
    expect(receiptProblems({ decision: 'accept', rows })).toEqual([]);
  });

  it('corrects only the figures that changed, and only those of the caller’s party', () => {
    const lines = [line(1, 2.5, { received: 2.4, rejected: 0, method: 'R2' }), line(2, 1)];
    const body = correctionBody('receiver', lines, [{ line: 1, received: 2.45, method: 'R2', quantity: 9 }, { line: 2, received: null }], { version: 1, note: 'scale recalibrated' });
    expect(body).toEqual({ action: 'correct', version: 1, note: 'scale recalibrated', corrections: [{ line: 1, received: 2.45 }] });
    expect(correctionBody('generator', lines, [{ line: 2, quantity: 1.1, hwCode: 'HW06/900-402-06' }], { version: 1 }).corrections).toEqual([{ line: 2, quantity: 1.1 }]);
  });
});

describe('where a signature was made', () => {
  it('keeps the place and rounded coordinates, nothing when neither is known', () => {
    expect(signatureLocation(null, ' ')).toBeUndefined();
    expect(signatureLocation({ latitude: 31.2304567891, longitude: 121.4737012345, accuracy: 12.6 }, ' Gate 2 ')).toEqual({ place: 'Gate 2', lat: 31.230457, lng: 121.473701, accuracyM: 13 });
    expect(signatureLocation(null, 'Gate 2')).toEqual({ place: 'Gate 2' });
  });
});
