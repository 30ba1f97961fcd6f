/**
 * Rules resolved to their subjects (rule-resolution.ts) against a plain model, and the mapping of
 * a stored rule to the engine's parameters (rules.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRules, type DirectoryDevice, type DirectoryTag, type RuleDirectory } from './rule-resolution.ts';
import { bodyPointerOfParam, categoryOfTagKind, paramsOf, ruleErrors, sourceKeyOf, utcOffsetMs, type RuleRecord } from './rules.ts';

const KINDS = ['emission_monitor', 'flow_meter'] as const;
const KEYS = ['so2', 'nox', 'flow'] as const;

function rule(over: Partial<RuleRecord> & Pick<RuleRecord, 'id' | 'enterpriseId'>): RuleRecord {
  return {
    name: null, kind: 'threshold', origin: 'user', enabled: true, severity: 'medium', category: 'process',
    tagId: null, deviceId: null, unitId: null, deviceKind: null, tagKey: null, overridesRuleId: null,
    highHigh: null, high: 100, low: null, lowLow: null, deadband: 0, onDelaySeconds: 0, offDelaySeconds: 0,
    windowSeconds: null, maxRise: null, maxFall: null, silenceSeconds: null, aggregate: null, minCompleteness: null, expectedIntervalSeconds: null,
    chart: null, subgroupSize: null, baselineFrom: null, baselineTo: null, runRules: null, horizonSeconds: null, stepSeconds: null, fitWindowSeconds: null, confidence: null,
    ...over,
  };
}

const noLimits = { lowLow: null, low: null, high: null, highHigh: null };

/** A park: devices of two enterprises (some in units), each with a few tags. */
const directoryArb = fc
  .array(fc.record({ enterpriseId: fc.constantFrom(1, 2), unitId: fc.option(fc.constantFrom(10, 11, 20), { nil: null }), kind: fc.constantFrom(...KINDS), keys: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 3 }) }), { minLength: 1, maxLength: 8 })
  .map((ds): RuleDirectory => {
    const devices: DirectoryDevice[] = [];
    const tags: DirectoryTag[] = [];
    ds.forEach((d, i) => {
      const id = 100 + i;
      // Units belong to one enterprise: 10 and 11 to enterprise 1, 20 to enterprise 2.
      const unitId = d.unitId === null ? null : d.enterpriseId === 1 ? (d.unitId === 20 ? 10 : d.unitId) : 20;
      devices.push({ id, enterpriseId: d.enterpriseId, unitId, kind: d.kind });
      d.keys.forEach((key, j) => tags.push({ id: id * 10 + j, enterpriseId: d.enterpriseId, deviceId: id, key, ...noLimits }));
    });
    return { devices, tags, utcOffsetMs: 0 };
  });

/** An inherited rule and overrides of it on some of the tags it reaches. */
const worldArb = directoryArb.chain((dir) =>
  fc.record({
    dir: fc.constant(dir),
    inherited: fc.oneof(
      fc.record({ enterpriseId: fc.constantFrom(1, 2), deviceKind: fc.constantFrom(...KINDS), tagKey: fc.constantFrom(...KEYS) }).map((r) => rule({ id: 1, ...r })),
      fc.record({ enterpriseId: fc.constantFrom(1, 2), unitId: fc.constantFrom(10, 11, 20), tagKey: fc.constantFrom(...KEYS) }).map((r) => rule({ id: 1, ...r })),
    ),
    overrides: fc.uniqueArray(fc.record({ tag: fc.constantFrom(...dir.tags.map((t) => t.id), 999_999), enabled: fc.boolean(), viaDevice: fc.boolean() }), { selector: (o) => o.tag, maxLength: 4 }),
  }),
);

describe('resolveRules', () => {
  it('applies an inherited rule to exactly the matching tags of its enterprise, less those overridden', () => {
    fc.assert(
      fc.property(worldArb, ({ dir, inherited, overrides }) => {
        const device = (id: number) => dir.devices.find((d) => d.id === id)!;
        const matches = (t: DirectoryTag) =>
          t.enterpriseId === inherited.enterpriseId && t.key === inherited.tagKey &&
          (inherited.deviceKind !== null ? device(t.deviceId).kind === inherited.deviceKind : device(t.deviceId).unitId === inherited.unitId);
        const rules = [inherited];
        const overridden = new Set<number>();
        const enabledOverrides = new Set<number>();
        overrides.forEach((o, i) => {
          const tag = dir.tags.find((t) => t.id === o.tag);
          const id = 2 + i;
          const base = { id, enterpriseId: inherited.enterpriseId, overridesRuleId: 1, enabled: o.enabled, high: 50 };
          // An override by device names the tag through its key; one by tag names it directly.
          rules.push(tag && o.viaDevice ? rule({ ...base, deviceId: tag.deviceId, tagKey: tag.key }) : rule({ ...base, tagId: o.tag }));
          if (tag && tag.enterpriseId === inherited.enterpriseId) {
            overridden.add(tag.id);
            if (o.enabled) enabledOverrides.add(id);
          }
        });
        const resolved = resolveRules(rules, dir);
        const expected = dir.tags.filter((t) => matches(t) && !overridden.has(t.id)).map((t) => t.id).sort((a, b) => a - b);
        expect(resolved.filter((r) => r.ruleId === 1).map((r) => r.tagId!).sort((a, b) => a - b)).toEqual(expected);
        // Each enabled override judges its own subject; a disabled one only removes the inherited rule there.
        expect(new Set(resolved.filter((r) => r.ruleId !== 1).map((r) => r.ruleId))).toEqual(enabledOverrides);
      }),
      { numRuns: 300 },
    );
  });

  it("never resolves a rule to a tag or device of another enterprise, whatever it names", () => {
    const anyRuleArb = fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      enterpriseId: fc.constantFrom(1, 2),
      subject: fc.oneof(
        fc.record({ tagId: fc.integer({ min: 1000, max: 1080 }) }),
        fc.record({ deviceId: fc.integer({ min: 100, max: 108 }), tagKey: fc.option(fc.constantFrom(...KEYS), { nil: null }), kind: fc.constantFrom('no_data' as const, 'threshold' as const) }),
        fc.record({ unitId: fc.constantFrom(10, 11, 20), tagKey: fc.constantFrom(...KEYS) }),
        fc.record({ deviceKind: fc.constantFrom(...KINDS), tagKey: fc.constantFrom(...KEYS) }),
      ),
      enabled: fc.boolean(),
    });
    fc.assert(
      fc.property(directoryArb, fc.uniqueArray(anyRuleArb, { selector: (r) => r.id, maxLength: 8 }), (dir, specs) => {
        const rules = specs.map((s) => rule({ id: s.id, enterpriseId: s.enterpriseId, enabled: s.enabled, silenceSeconds: 60, ...s.subject }));
        for (const r of resolveRules(rules, dir)) {
          const source = rules.find((x) => x.id === r.ruleId)!;
          expect(source.enabled).toBe(true);
          expect(dir.devices.find((d) => d.id === r.deviceId)!.enterpriseId).toBe(source.enterpriseId);
          if (r.tagId !== null) {
            const tag = dir.tags.find((t) => t.id === r.tagId)!;
            expect(tag.enterpriseId).toBe(source.enterpriseId);
            expect(tag.deviceId).toBe(r.deviceId);
          } else {
            expect(source.kind).toBe('no_data');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("resolves a tag_limits rule to the tag's limits, and to nothing when the tag has none", () => {
    const dir: RuleDirectory = {
      devices: [{ id: 1, enterpriseId: 1, unitId: null, kind: 'emission_monitor' }],
      tags: [
        { id: 11, enterpriseId: 1, deviceId: 1, key: 'nox', lowLow: null, low: null, high: 100, highHigh: 150 },
        { id: 12, enterpriseId: 1, deviceId: 1, key: 'so2', ...noLimits },
      ],
      utcOffsetMs: 0,
    };
    const limits = { origin: 'tag_limits' as const, high: null, deadband: 2, onDelaySeconds: 30 };
    const resolved = resolveRules([rule({ id: 1, enterpriseId: 1, tagId: 11, ...limits }), rule({ id: 2, enterpriseId: 1, tagId: 12, ...limits })], dir);
    expect(resolved).toEqual([
      { ruleId: 1, enterpriseId: 1, tagId: 11, deviceId: 1, unitId: null, severity: 'medium', category: 'process', params: { kind: 'threshold', high: 100, highHigh: 150, low: undefined, lowLow: undefined, deadband: 2, onDelayMs: 30_000, offDelayMs: 0 } },
    ]);
  });

  it('resolves a device no_data rule without a key to the device itself', () => {
    const dir: RuleDirectory = { devices: [{ id: 1, enterpriseId: 1, unitId: 5, kind: 'flow_meter' }], tags: [], utcOffsetMs: 0 };
    const [r] = resolveRules([rule({ id: 3, enterpriseId: 1, deviceId: 1, kind: 'no_data', silenceSeconds: 600 })], dir);
    expect(r).toMatchObject({ tagId: null, deviceId: 1, unitId: 5, params: { kind: 'no_data', silenceMs: 600_000 } });
    expect(sourceKeyOf(r)).toBe('rule:3:device:1');
    expect(sourceKeyOf({ ruleId: 3, tagId: 7, deviceId: 1 })).toBe('rule:3:tag:7');
  });
});

describe('rules', () => {
  it('maps seconds to milliseconds and fills the engine defaults of each kind', () => {
    expect(paramsOf(rule({ id: 1, enterpriseId: 1, kind: 'window', high: 50, windowSeconds: 3600, expectedIntervalSeconds: 60 }), null, 8 * 3_600_000)).toEqual({
      kind: 'window', windowMs: 3_600_000, aggregate: 'mean', high: 50, low: null, minCompleteness: 0.75, expectedIntervalMs: 60_000, utcOffsetMs: 8 * 3_600_000,
    });
    expect(paramsOf(rule({ id: 1, enterpriseId: 1, kind: 'spc', high: null, baselineFrom: 1, baselineTo: 2 }), null, 0)).toEqual({ kind: 'spc', chart: 'imr', subgroupSize: 1, baselineFrom: 1, baselineTo: 2, runRules: [1, 2, 3, 4] });
    expect(paramsOf(rule({ id: 1, enterpriseId: 1, kind: 'forecast', high: null }), { ...noLimits, high: 80 }, 0)).toEqual({
      kind: 'forecast', horizonMs: 4 * 3_600_000, stepMs: 300_000, fitWindowMs: 6 * 3_600_000, confidence: 0.9, high: 80, low: null,
    });
    // Nothing to forecast against: the rule judges nothing there.
    expect(paramsOf(rule({ id: 1, enterpriseId: 1, kind: 'forecast', high: null }), noLimits, 0)).toBeNull();
    expect(paramsOf(rule({ id: 1, enterpriseId: 1, kind: 'rate', windowSeconds: 60, maxRise: 5 }), null, 0)).toEqual({ kind: 'rate', windowMs: 60_000, maxRise: 5, maxFall: null });
  });

  it('checks one subject, the tag key it needs and the parameters, each on its field', () => {
    const base = { id: 1, enterpriseId: 1 };
    expect(ruleErrors(rule({ ...base, tagId: 5 }))).toEqual([]);
    expect(ruleErrors(rule({ ...base })).map((e) => e.path)).toEqual(['/body/tagId']);
    expect(ruleErrors(rule({ ...base, tagId: 5, deviceId: 6 })).map((e) => e.path)).toEqual(['/body/deviceId']);
    expect(ruleErrors(rule({ ...base, unitId: 5 })).map((e) => e.path)).toEqual(['/body/tagKey']);
    expect(ruleErrors(rule({ ...base, deviceId: 5 })).map((e) => e.path)).toEqual(['/body/tagKey']);
    expect(ruleErrors(rule({ ...base, deviceId: 5, kind: 'no_data', silenceSeconds: 60 }))).toEqual([]);
    expect(ruleErrors(rule({ ...base, tagId: 5, high: null })).map((e) => e.path)).toEqual(['/body/high']);
    expect(ruleErrors(rule({ ...base, tagId: 5, kind: 'rate', maxRise: 1 })).map((e) => e.path)).toEqual(['/body/windowSeconds']);
    // The engine's own checks come back on the API's field names.
    const disordered = ruleErrors(rule({ ...base, tagId: 5, high: 100, highHigh: 90 }));
    expect(disordered.length).toBeGreaterThan(0);
    expect(disordered.every((e) => e.path === '/body/high' || e.path === '/body/highHigh')).toBe(true);
    expect(ruleErrors(rule({ ...base, tagId: 5, origin: 'tag_limits', high: null }))).toEqual([]);
    expect(ruleErrors(rule({ ...base, tagId: 5, origin: 'tag_limits', high: 3 })).map((e) => e.path)).toEqual(['/body/high']);
  });

  it('points parameter errors at the fields they come from', () => {
    expect(bodyPointerOfParam('/windowMs')).toBe('/body/windowSeconds');
    expect(bodyPointerOfParam('high')).toBe('/body/high');
    expect(bodyPointerOfParam('/runRules/2')).toBe('/body/runRules/2');
  });

  it('takes the category from the tag kind and the offset from the park’s zone', () => {
    expect([categoryOfTagKind('emission'), categoryOfTagKind('quality'), categoryOfTagKind('power'), categoryOfTagKind(null)]).toEqual(['emission', 'quality', 'process', 'process']);
    expect(utcOffsetMs('Asia/Shanghai', Date.UTC(2026, 0, 1))).toBe(8 * 3_600_000);
    expect(utcOffsetMs('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(5.5 * 3_600_000);
    // Daylight saving moves the offset: the window aligns to the clock on the day.
    expect(utcOffsetMs('Europe/Berlin', Date.UTC(2026, 0, 1))).toBe(3_600_000);
    expect(utcOffsetMs('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe(2 * 3_600_000);
    expect(utcOffsetMs('America/New_York', Date.UTC(2026, 0, 1))).toBe(-5 * 3_600_000);
    expect(utcOffsetMs('UTC', 0)).toBe(0);
    expect(utcOffsetMs('Not/AZone', 0)).toBe(0);
  });
});
