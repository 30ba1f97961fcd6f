import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type AuthContext } from '../../core/roles.ts';
import { checkQueryDefinition, normaliseQuery, parseStoredQuery, QUERY_LIST_PARAMS, QUERY_TIME_PARAMS } from './named-queries.ts';
import { backoffMs, checkSubscriptionRequest, parseStoredContext, parseStoredSchedule, storedContext } from './subscription-model.ts';
import { SCHEDULE_FIELDS } from './schedule.ts';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);

describe('checkSubscriptionRequest', () => {
  it('plans a stream and a schedule', () => {
    expect(checkSubscriptionRequest({ dest: 'https://hooks.example/x', stream: true }, NOW)).toEqual({
      plan: { dest: new URL('https://hooks.example/x'), stream: true, schedule: null, nextRunAt: null, initialRecordTime: null },
    });
    const r = checkSubscriptionRequest({ dest: 'http://hooks.example/x', schedule: { minute: 30, hour: '2' }, initialRecordTime: '2026-01-01T00:00:00Z' }, NOW);
    expect(r).toEqual({
      plan: { dest: new URL('http://hooks.example/x'), stream: false, schedule: { minute: '30', hour: '2' }, nextRunAt: Date.UTC(2026, 10, 24, 2, 30, 0), initialRecordTime: Date.UTC(2026, 0, 1) },
    });
  });

  it('names every offending field', () => {
    const r = checkSubscriptionRequest({ dest: 'ftp://u:p@hooks.example/', stream: true, schedule: { minute: '61' }, reportIfEmpty: true, initialRecordTime: 'yesterday' }, NOW);
    expect('errors' in r && r.errors.map((e) => e.path)).toEqual(['/body/dest', '/body/dest', '/body/schedule', '/body/reportIfEmpty', '/body/schedule/minute', '/body/initialRecordTime']);
    expect(checkSubscriptionRequest({ dest: 'not a url' }, NOW)).toEqual({
      errors: [{ path: '/body/dest', message: 'must be an absolute http or https URL' }, { path: '/body/stream', message: 'set stream to true or give a schedule' }],
    });
    expect(checkSubscriptionRequest({ dest: 'https://h.example/', schedule: { dayOfMonth: '30', month: '2' } }, NOW)).toEqual({
      errors: [{ path: '/body/schedule', message: 'never matches a date (e.g. 30 February)' }],
    });
  });
});

describe('backoffMs', () => {
  it('starts at the base, doubles with each failure and never passes the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100 }), (base, max, failures) => {
        const d = backoffMs(failures, base, max);
        expect(d).toBeLessThanOrEqual(max);
        expect(d).toBe(Math.min(base * 2 ** (failures - 1), max));
        expect(backoffMs(failures + 1, base, max)).toBeGreaterThanOrEqual(d);
      }),
    );
    expect(backoffMs(1, 1000, 600_000)).toBe(1000);
  });
});

describe('stored values read back', () => {
  it('an AuthContext as it was stored', () => {
    const ctx = fc.record<AuthContext>({
      userId: fc.option(fc.integer({ min: 1 }), { nil: null }),
      username: fc.string(),
      role: fc.constantFrom(...ROLES),
      enterpriseId: fc.option(fc.integer({ min: 1 }), { nil: null }),
      via: fc.constantFrom('session', 'api_key', 'system'),
    });
    fc.assert(
      fc.property(ctx, (c) => {
        expect(parseStoredContext(storedContext(c))).toEqual(c);
      }),
    );
  });

  it('a context that is not one runs with no visibility', () => {
    expect(parseStoredContext('{"username":"x","role":"root"}')).toEqual({ userId: null, username: 'x', role: 'enterprise_viewer', enterpriseId: null, via: 'system' });
  });

  it('a schedule keeps its known fields as strings', () => {
    expect(parseStoredSchedule(JSON.stringify({ second: '0', minute: 5, extra: '1' }))).toEqual({ second: '0', minute: '5' });
    expect(Object.keys(parseStoredSchedule('{}'))).toEqual([]);
    expect(SCHEDULE_FIELDS).toContain('dayOfWeek');
  });
});

describe('named query definitions', () => {
  const definition = fc.record(
    {
      ...Object.fromEntries(QUERY_TIME_PARAMS.map((p) => [p, fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0)), noInvalidDate: true }).map((d) => d.toISOString())])),
      ...Object.fromEntries(QUERY_LIST_PARAMS.map((p) => [p, fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 })])),
    },
    { requiredKeys: [] },
  );

  it('a valid definition is stored as given and reads back the same', () => {
    fc.assert(
      fc.property(definition, (query) => {
        expect(checkQueryDefinition({ name: 'q', query })).toEqual([]);
        const stored = normaliseQuery(query);
        expect(stored).toEqual(query);
        expect(parseStoredQuery(JSON.stringify(stored))).toEqual(stored);
      }),
    );
  });

  it('reports unknown fields and bad values, and stores none of them', () => {
    const query = { EQ_bizStep: [], GE_eventTime: 'soon', nope: 1, EQ_action: ['ADD'] };
    expect(checkQueryDefinition({ name: 'a b', query }).map((e) => e.path)).toEqual(['/body/name', '/body/query/EQ_bizStep', '/body/query/GE_eventTime', '/body/query/nope']);
    expect(normaliseQuery(query)).toEqual({ EQ_action: ['ADD'] });
    expect(checkQueryDefinition({ name: 'x', query: [] })).toEqual([{ path: '/body/query', message: 'must be an object of SimpleEventQuery parameters' }]);
  });
});
