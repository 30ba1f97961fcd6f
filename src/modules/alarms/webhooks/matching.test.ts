import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALARM_CATEGORIES, SEVERITIES, severityRank } from '../rule-model.ts';
import { WEBHOOK_TRANSITIONS } from './matching.ts';
import { rankOf, wants, type AlarmChanged, type WebhookFilter } from './matching.ts';

const hookArb: fc.Arbitrary<WebhookFilter> = fc.record({
  enterpriseId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  enabled: fc.boolean(),
  minSeverity: fc.constantFrom(...SEVERITIES),
  categories: fc.subarray([...ALARM_CATEGORIES]),
  transitions: fc.subarray([...WEBHOOK_TRANSITIONS], { minLength: 1 }),
});
const eventArb: fc.Arbitrary<AlarmChanged> = fc.record({
  enterpriseId: fc.integer({ min: 1, max: 4 }),
  alarmId: fc.integer({ min: 1 }),
  transitionId: fc.integer({ min: 1 }),
  why: fc.constantFrom(...WEBHOOK_TRANSITIONS),
  state: fc.constantFrom('unack', 'acked', 'normal'),
  severity: fc.oneof(fc.constantFrom(...SEVERITIES), fc.constantFrom('1', '4', '0', 'bogus')),
  category: fc.constantFrom(...ALARM_CATEGORIES),
});

describe('which webhooks an alarm goes to', () => {
  it('never sends an enterprise webhook another enterprise alarm, nor a park webhook what the park may not see', () => {
    fc.assert(
      fc.property(hookArb, eventArb, fc.boolean(), (hook, event, parkSees) => {
        if (!wants(hook, event, parkSees)) return;
        if (hook.enterpriseId === null) expect(parkSees).toBe(true);
        else expect(hook.enterpriseId).toBe(event.enterpriseId);
        expect(hook.enabled).toBe(true);
      }),
    );
  });

  it('sends what passes every filter and only that', () => {
    fc.assert(
      fc.property(hookArb, eventArb, (hook, event) => {
        const own = { ...hook, enabled: true, enterpriseId: event.enterpriseId };
        const expected =
          rankOf(event.severity) >= (hook.minSeverity === 'low' ? 0 : severityRank(hook.minSeverity)) &&
          (hook.categories.length === 0 || hook.categories.includes(event.category)) &&
          hook.transitions.includes(event.why);
        expect(wants(own, event, false)).toBe(expected);
      }),
    );
  });

  it('is monotone in the minimum severity: lowering it never drops an alarm', () => {
    fc.assert(
      fc.property(hookArb, eventArb, fc.boolean(), (hook, event, parkSees) => {
        const i = SEVERITIES.indexOf(hook.minSeverity);
        if (i === 0 || !wants(hook, event, parkSees)) return;
        expect(wants({ ...hook, minSeverity: SEVERITIES[i - 1] }, event, parkSees)).toBe(true);
      }),
    );
  });

  it('reads a severity as a name or a rank', () => {
    expect(['low', 'medium', 'high', 'critical', '2', '4', '5', '0', 'x', '1.5'].map(rankOf)).toEqual([1, 2, 3, 4, 2, 4, 0, 0, 0, 0]);
  });
});
