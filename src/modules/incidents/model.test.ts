import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_STATUSES, decide, INCIDENT_KINDS, INCIDENT_STATES, missingReportParts, nextStates, REPORT_FIELDS, TRANSITIONS, unresolvedRequired,
  type Command, type IncidentFacts, type Report,
} from './model.ts';
import { CHECKLIST_TEMPLATES, templateOf } from './templates.ts';

const emptyReport: Report = { summary: '', cause: '', actions: '', followUps: '' };
const fresh = (checklist: IncidentFacts['checklist'] = []): IncidentFacts => ({ state: 'open', report: emptyReport, reportFrozen: false, checklist });

const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ minLength: 1, maxLength: 8 }));
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('transition' as const), to: fc.constantFrom(...INCIDENT_STATES), reason: fc.option(text, { nil: null }) }),
  fc.record({ type: fc.constant('edit-report' as const), report: fc.record({ summary: text, cause: text, actions: text, followUps: text }, { requiredKeys: [] }) }),
  fc.record({ type: fc.constant('set-item' as const), itemId: fc.integer({ min: 1, max: 6 }), status: fc.constantFrom(...CHECKLIST_STATUSES) }),
  fc.record({ type: fc.constant('add-item' as const), id: fc.integer({ min: 1, max: 6 }), required: fc.boolean() }),
  fc.constant({ type: 'edit' as const }),
);
const start = fc.array(fc.record({ id: fc.integer({ min: 1, max: 4 }), required: fc.boolean() }), { maxLength: 4 }).map((items) =>
  fresh([...new Map(items.map((i) => [i.id, { ...i, status: 'open' as const }])).values()]),
);

describe('the incident state machine', () => {
  it('a closed incident always has a frozen, complete report and no open required item; an unclosed one never a frozen report', () => {
    fc.assert(
      fc.property(start, fc.array(command, { maxLength: 40 }), (initial, commands) => {
        let facts = initial;
        for (const c of commands) {
          const d = decide(facts, c);
          if (d.ok) facts = d.facts;
          if (facts.state === 'closed') {
            expect(facts.reportFrozen).toBe(true);
            expect(missingReportParts(facts.report)).toEqual([]);
            expect(unresolvedRequired(facts.checklist)).toEqual([]);
          } else {
            expect(facts.reportFrozen).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no accepted command skips the rules: every state change is a listed transition, reasons where needed, nothing else changes a closed incident', () => {
    fc.assert(
      fc.property(start, fc.array(command, { maxLength: 40 }), (initial, commands) => {
        let facts = initial;
        for (const c of commands) {
          const d = decide(facts, c);
          if (!d.ok) continue;
          if (d.facts.state !== facts.state) {
            expect(c.type).toBe('transition');
            const rule = TRANSITIONS.find((t) => t.from === facts.state && t.to === d.facts.state);
            expect(rule).toBeDefined();
            if (rule!.needsReason) expect(c.type === 'transition' && (c.reason ?? '').trim()).toBeTruthy();
          }
          if (facts.state === 'closed') {
            // Only reopening is accepted, and it changes nothing but the state and the freeze.
            expect(c).toMatchObject({ type: 'transition', to: 'open' });
            expect(d.facts.report).toEqual(facts.report);
            expect(d.facts.checklist).toEqual(facts.checklist);
          }
          facts = d.facts;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a refused command leaves nothing to write and says whether it is the request or the moment', () => {
    fc.assert(
      fc.property(start, fc.array(command, { maxLength: 30 }), (initial, commands) => {
        let facts = initial;
        for (const c of commands) {
          const d = decide(facts, c);
          if (d.ok) facts = d.facts;
          else expect(['conflict', 'validation']).toContain(d.refusal.kind);
        }
      }),
    );
  });

  it('never closes an open incident directly, and closes a contained one only with the report written', () => {
    const required = fresh([{ id: 1, required: true, status: 'open' }]);
    expect(decide(required, { type: 'transition', to: 'closed', reason: null })).toMatchObject({ ok: false, refusal: { kind: 'conflict' } });
    const contained = decide(required, { type: 'transition', to: 'contained', reason: null });
    expect(contained.ok).toBe(true);
    let facts = (contained as { facts: IncidentFacts }).facts;
    expect(decide(facts, { type: 'transition', to: 'closed', reason: null })).toMatchObject({ ok: false, refusal: { detail: expect.stringMatching(/summary, cause, actions are empty/) } });
    facts = (decide(facts, { type: 'edit-report', report: { summary: 'Cl2 at the brine unit', cause: 'gasket', actions: 'isolated' } }) as { facts: IncidentFacts }).facts;
    expect(decide(facts, { type: 'transition', to: 'closed', reason: null })).toMatchObject({ ok: false, refusal: { detail: expect.stringMatching(/still open: 1/) } });
    facts = (decide(facts, { type: 'set-item', itemId: 1, status: 'not_applicable' }) as { facts: IncidentFacts }).facts;
    const closed = decide(facts, { type: 'transition', to: 'closed', reason: null });
    expect(closed).toMatchObject({ ok: true, facts: { state: 'closed', reportFrozen: true } });
  });

  it('reopening needs a reason and thaws the report', () => {
    const closed: IncidentFacts = { state: 'closed', report: { summary: 's', cause: 'c', actions: 'a', followUps: '' }, reportFrozen: true, checklist: [] };
    expect(decide(closed, { type: 'transition', to: 'open', reason: ' ' })).toMatchObject({ ok: false, refusal: { kind: 'validation', path: '/body/reason' } });
    expect(decide(closed, { type: 'edit-report', report: { cause: 'x' } }).ok).toBe(false);
    expect(decide(closed, { type: 'transition', to: 'open', reason: 'fence-line readings rose again' })).toMatchObject({ ok: true, facts: { state: 'open', reportFrozen: false } });
    expect(nextStates('closed')).toEqual(['open']);
  });
});

describe('the shipped checklist templates', () => {
  it('cover every kind, with unique keys, text in both languages and at least one required step', () => {
    for (const kind of INCIDENT_KINDS) {
      const t = templateOf(kind);
      expect(new Set(t.items.map((i) => i.key)).size).toBe(t.items.length);
      for (const i of t.items) {
        expect(i.text.trim()).not.toBe('');
        expect(i.textEn.trim()).not.toBe('');
        expect(/[\u4e00-\u9fff]/u.test(i.text)).toBe(true);
      }
      expect(t.items.some((i) => i.required)).toBe(true);
    }
    expect(CHECKLIST_TEMPLATES).toHaveLength(INCIDENT_KINDS.length);
    expect(REPORT_FIELDS).toContain('followUps');
  });
});
