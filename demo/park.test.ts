import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEMO_MATERIAL_CODES, DEMO_PASSWORD, DEMO_PROTOCOL, DEMO_UNIT_CODES, demoFlows, demoPark, demoUsers, isValidUscc,
  type DemoDevice, type DemoEnterprise, type DemoPark, type DemoSite, type DemoTag, type DemoUnit,
} from './park.ts';
import { checkLimits, CODE_PATTERN, DEVICE_KINDS as REGISTRY_DEVICE_KINDS, INDUSTRIES as REGISTRY_INDUSTRIES, PROTOCOLS as REGISTRY_PROTOCOLS, TAG_KEY_PATTERN, TAG_KINDS as REGISTRY_TAG_KINDS, UNIT_KINDS as REGISTRY_UNIT_KINDS } from '../src/modules/registry/model.ts';
import { isUnitCode } from '../src/core/units.ts';

const REQUIRED_ENTERPRISES = ['chloralkali', 'pvc', 'refinery', 'polyolefin', 'phosphate', 'cement', 'chp', 'recycler', 'pharma', 'solvrec', 'wwtp'];
const INDUSTRIES = ['chemicals', 'petrochemicals', 'polymers', 'fertilizers', 'pharma', 'building_materials', 'energy', 'recycling', 'waste_treatment', 'utilities', 'other'];
const UNIT_KINDS = ['production', 'utility', 'storage', 'treatment', 'logistics', 'environmental'];
const DEVICE_KINDS = ['energy_meter', 'flow_meter', 'emission_monitor', 'quality_analyzer', 'level_gauge', 'temperature_sensor', 'pressure_sensor', 'weighbridge', 'gateway', 'other'];
const PROTOCOLS = ['mqtt', 'sparkplug', 'http', 'opcua'];
const TAG_KINDS = ['energy', 'power', 'flow', 'mass', 'level', 'temperature', 'pressure', 'emission', 'quality', 'other'];
const ENTERPRISE_ROLES = ['enterprise_admin', 'enterprise_operator', 'enterprise_viewer'];

/** Codes of sites, units and devices: lower-case words joined by single dashes, at most 64 characters. */
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TAG_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

// GB 32100-2015, written out again here so the test does not check the code against itself.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function referenceCheckChar(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + USCC_ALPHABET.indexOf(c) * USCC_WEIGHTS[i], 0);
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

interface Located { enterprise: DemoEnterprise; site: DemoSite; unit: DemoUnit; device: DemoDevice }
const sites = demoPark.enterprises.flatMap((enterprise) => enterprise.sites.map((site) => ({ enterprise, site })));
const units = sites.flatMap(({ enterprise, site }) => site.units.map((unit) => ({ enterprise, site, unit })));
const devices: Located[] = units.flatMap((u) => u.unit.devices.map((device) => ({ ...u, device })));
const tags = devices.flatMap((d) => d.device.tags.map((tag) => ({ ...d, tag })));
const devicesOf = (e: DemoEnterprise) => e.sites.flatMap((s) => s.units.flatMap((u) => u.devices));
const tagsOf = (e: DemoEnterprise) => devicesOf(e).flatMap((d) => d.tags);

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('the demo park', () => {
  it('is the park of the demo', () => {
    expect(demoPark.identifierPrefix).toBe('88.118.2');
    expect(demoPark.timezone).toBe('Asia/Shanghai');
    expect(demoPark.code).toMatch(CODE);
    expect(demoPark.name).toMatch(/[\u4e00-\u9fff]/);
    // On the Bohai / Yellow Sea coast of China.
    expect(demoPark.lat).toBeGreaterThan(30);
    expect(demoPark.lat).toBeLessThan(40);
    expect(demoPark.lng).toBeGreaterThan(117);
    expect(demoPark.lng).toBeLessThan(123);
  });

  it('has exactly the eleven enterprises the README names', () => {
    expect(demoPark.enterprises.map((e) => e.code).sort()).toEqual([...REQUIRED_ENTERPRISES].sort());
  });

  it('keeps every enterprise within its bounds: 1–2 sites, 2–5 units, 3–8 devices, 1–6 tags each', () => {
    for (const e of demoPark.enterprises) {
      const unitCount = e.sites.reduce((n, s) => n + s.units.length, 0);
      expect(e.sites.length, e.code).toBeGreaterThanOrEqual(1);
      expect(e.sites.length, e.code).toBeLessThanOrEqual(2);
      expect(unitCount, e.code).toBeGreaterThanOrEqual(2);
      expect(unitCount, e.code).toBeLessThanOrEqual(5);
      expect(devicesOf(e).length, e.code).toBeGreaterThanOrEqual(3);
      expect(devicesOf(e).length, e.code).toBeLessThanOrEqual(8);
      for (const d of devicesOf(e)) {
        expect(d.tags.length, d.code).toBeGreaterThanOrEqual(1);
        expect(d.tags.length, d.code).toBeLessThanOrEqual(6);
      }
    }
    expect(devices.length).toBeGreaterThanOrEqual(50);
    expect(devices.length).toBeLessThanOrEqual(80);
    expect(tags.length).toBeGreaterThanOrEqual(150);
    expect(tags.length).toBeLessThanOrEqual(300);
  });

  it('uses only the registry vocabulary', () => {
    for (const e of demoPark.enterprises) expect(INDUSTRIES, e.code).toContain(e.industry);
    for (const { unit } of units) {
      expect(UNIT_KINDS, unit.code).toContain(unit.kind);
      if (unit.capacityUnit !== undefined) expect(DEMO_UNIT_CODES, unit.code).toContain(unit.capacityUnit);
      if (unit.capacityValue !== undefined) {
        expect(unit.capacityValue, unit.code).toBeGreaterThan(0);
        expect(unit.capacityUnit, unit.code).toBeDefined();
      }
    }
    for (const { device } of devices) {
      expect(DEVICE_KINDS, device.code).toContain(device.kind);
      expect(PROTOCOLS, device.code).toContain(device.protocol);
    }
    for (const { device, tag } of tags) {
      expect(TAG_KINDS, `${device.code}/${tag.key}`).toContain(tag.kind);
      expect(DEMO_UNIT_CODES, `${device.code}/${tag.key}`).toContain(tag.unit);
    }
  });

  it('labels every device by how the demo actually sends its readings', () => {
    // demo/simulator.ts publishes every demo device as JSON over MQTT with its own credentials; no
    // demo device is read through an OPC UA connector, an HTTP client or a Sparkplug edge node.
    expect(DEMO_PROTOCOL).toBe('mqtt');
    for (const { device } of devices) expect(device.protocol, device.code).toBe(DEMO_PROTOCOL);
    // Instruments behind a plant DCS say that a gateway forwards them.
    const viaDcs = devices.filter(({ device }) => device.model?.includes('DCS 网关'));
    expect(viaDcs.length).toBeGreaterThan(20);
    for (const { device } of devices) expect((device.model ?? '').length, device.code).toBeLessThanOrEqual(200);
  });

  it('names everything in Chinese and in English', () => {
    const named = [...demoPark.enterprises, ...sites.map((s) => s.site), ...units.map((u) => u.unit), ...devices.map((d) => d.device), ...tags.map((t) => t.tag)];
    for (const x of named) {
      expect(x.name.trim(), x.nameEn).not.toBe('');
      expect(x.nameEn.trim(), x.name).not.toBe('');
      expect(x.name.length).toBeLessThanOrEqual(200);
      expect(x.nameEn.length).toBeLessThanOrEqual(200);
    }
    for (const e of demoPark.enterprises) expect(e.name, e.code).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the registry', () => {
  // The loader writes through the registry's services; what they would refuse must fail here first.
  it('accepts every record by its own rules', () => {
    const code = new RegExp(CODE_PATTERN);
    const key = new RegExp(TAG_KEY_PATTERN);
    expect(demoPark.code).toMatch(code);
    for (const e of demoPark.enterprises) {
      expect(e.code).toMatch(code);
      expect(REGISTRY_INDUSTRIES).toContain(e.industry);
    }
    for (const { site } of sites) expect(site.code).toMatch(code);
    for (const { unit } of units) {
      expect(unit.code).toMatch(code);
      expect(REGISTRY_UNIT_KINDS).toContain(unit.kind);
      if (unit.capacityUnit !== undefined) expect(isUnitCode(unit.capacityUnit), unit.code).toBe(true);
    }
    for (const { device } of devices) {
      expect(device.code).toMatch(code);
      expect(REGISTRY_DEVICE_KINDS).toContain(device.kind);
      expect(REGISTRY_PROTOCOLS).toContain(device.protocol);
    }
    for (const { device, tag } of tags) {
      expect(tag.key, device.code).toMatch(key);
      expect(REGISTRY_TAG_KINDS).toContain(tag.kind);
      expect(isUnitCode(tag.unit), `${device.code}/${tag.key}`).toBe(true);
      expect(checkLimits({ ...tag }), `${device.code}/${tag.key}`).toEqual([]);
    }
    for (const u of DEMO_UNIT_CODES) expect(isUnitCode(u), u).toBe(true);
  });
});

describe('codes', () => {
  it('are well-formed and prefixed by their enterprise code', () => {
    for (const e of demoPark.enterprises) expect(e.code).toMatch(CODE);
    const all = [
      ...sites.map(({ enterprise, site }) => ({ enterprise, code: site.code })),
      ...units.map(({ enterprise, unit }) => ({ enterprise, code: unit.code })),
      ...devices.map(({ enterprise, device }) => ({ enterprise, code: device.code })),
    ];
    for (const { enterprise, code } of all) {
      expect(code).toMatch(CODE);
      expect(code.length, code).toBeLessThanOrEqual(64);
      expect(code.startsWith(`${enterprise.code}-`), `${code} starts with ${enterprise.code}-`).toBe(true);
    }
  });

  it('are unique across the whole park', () => {
    expect(duplicates(demoPark.enterprises.map((e) => e.code))).toEqual([]);
    expect(duplicates([...sites.map((s) => s.site.code), ...units.map((u) => u.unit.code), ...devices.map((d) => d.device.code)])).toEqual([]);
  });

  it('give device codes that are valid MQTT device ids', () => {
    for (const { device } of devices) {
      expect(device.code).toMatch(/^[a-z0-9-]{1,64}$/);
      expect(device.code).not.toMatch(/[+#/]/);
    }
  });

  it('give tag keys that are well-formed and unique within their device', () => {
    for (const { device } of devices) {
      for (const t of device.tags) expect(t.key, device.code).toMatch(TAG_KEY);
      expect(duplicates(device.tags.map((t) => t.key)), device.code).toEqual([]);
    }
  });

  it('give serial numbers that are unique where set', () => {
    expect(duplicates(devices.flatMap((d) => (d.device.serialNo ? [d.device.serialNo] : [])))).toEqual([]);
  });
});

describe('Unified Social Credit Codes', () => {
  it('are valid, distinct and agree with an independent computation of the check character', () => {
    for (const e of demoPark.enterprises) {
      expect(e.uscc, e.code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      expect(isValidUscc(e.uscc), e.code).toBe(true);
      expect(e.uscc[17], e.code).toBe(referenceCheckChar(e.uscc.slice(0, 17)));
      // 9 = registered by the market regulator, 1 = enterprise.
      expect(e.uscc.slice(0, 2), e.code).toBe('91');
    }
    expect(duplicates(demoPark.enterprises.map((e) => e.uscc))).toEqual([]);
  });

  it('accepts a published code', () => {
    // Tencent Technology (Shenzhen) Co., Ltd., as printed on its business licence.
    expect(isValidUscc('9144030071526726XG')).toBe(true);
  });

  it('accepts the correct check character and rejects every single-character change of it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }), fc.nat(), (chars, pick) => {
        const body = chars.join('');
        const check = referenceCheckChar(body);
        expect(isValidUscc(body + check)).toBe(true);
        const others = [...USCC_ALPHABET].filter((c) => c !== check);
        for (const other of others) expect(isValidUscc(body + other)).toBe(false);
        // Also anything outside the alphabet in the check position.
        const outside = 'IOSVZ'[pick % 5];
        expect(isValidUscc(body + outside)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects codes of the wrong length', () => {
    const code = demoPark.enterprises[0].uscc;
    expect(isValidUscc(code.slice(0, 17))).toBe(false);
    expect(isValidUscc(`${code}0`)).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });
});

describe('tags', () => {
  const LIMIT_ORDER = ['lowLowLimit', 'lowLimit', 'nominal', 'highLimit', 'highHighLimit'] as const;

  it('have ordered limits: lowLow <= low <= nominal <= high <= highHigh where present', () => {
    for (const { device, tag } of tags) {
      const present = LIMIT_ORDER.filter((k) => typeof tag[k] === 'number').map((k) => [k, tag[k] as number] as const);
      for (let i = 1; i < present.length; i++) {
        expect(present[i - 1][1], `${device.code}/${tag.key}: ${present[i - 1][0]} <= ${present[i][0]}`).toBeLessThanOrEqual(present[i][1]);
      }
    }
  });

  it('have finite nominal values; counters carry no limits and count energy or mass', () => {
    for (const { device, tag } of tags) {
      expect(Number.isFinite(tag.nominal), `${device.code}/${tag.key}`).toBe(true);
      if (tag.counter) {
        expect(['energy', 'mass'], `${device.code}/${tag.key}`).toContain(tag.kind);
        for (const k of ['lowLowLimit', 'lowLimit', 'highLimit', 'highHighLimit'] as const) expect(tag[k], `${device.code}/${tag.key}`).toBeUndefined();
      }
    }
  });

  it('refer only to catalogue materials', () => {
    expect(duplicates([...DEMO_MATERIAL_CODES])).toEqual([]);
    for (const code of DEMO_MATERIAL_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9_]{0,63}$/);
    for (const { device, tag } of tags) {
      if (tag.materialCode !== undefined) expect(DEMO_MATERIAL_CODES, `${device.code}/${tag.key}`).toContain(tag.materialCode);
    }
  });

  it('give every enterprise at least one device with an energy tag', () => {
    for (const e of demoPark.enterprises) {
      expect(devicesOf(e).some((d) => d.tags.some((t) => t.kind === 'energy')), e.code).toBe(true);
    }
  });

  it('measure what the kind of device measures', () => {
    const expected: Partial<Record<DemoDevice['kind'], (t: DemoTag) => boolean>> = {
      energy_meter: (t) => ['kW', 'MW', 'kWh', 'MWh'].includes(t.unit),
      emission_monitor: (t) => t.kind !== 'emission' || t.unit === 'mg/m3',
      weighbridge: (t) => t.kind === 'mass' && t.unit === 't',
    };
    for (const { device } of devices) {
      const ok = expected[device.kind];
      if (ok) for (const t of device.tags) expect(ok(t), `${device.code}/${t.key}`).toBe(true);
    }
    for (const { device, tag } of tags) if (tag.kind === 'emission') expect(device.kind, `${device.code}/${tag.key}`).toBe('emission_monitor');
  });

  it('give every stack monitor a high limit from its emission standard', () => {
    const cems = devices.filter((d) => d.device.kind === 'emission_monitor');
    expect(cems.length).toBeGreaterThanOrEqual(6);
    for (const { device } of cems) {
      for (const t of device.tags.filter((x) => x.kind === 'emission')) {
        expect(t.highLimit, `${device.code}/${t.key}`).toBeTypeOf('number');
        expect(t.description ?? '', `${device.code}/${t.key}`).toMatch(/GB \d+-\d{4}|超低排放/);
      }
    }
    // The power plant is held to ultra-low emission (SO2 35, NOx 50, dust 10 mg/m3).
    const chpStack = devices.find((d) => d.device.code === 'chp-cems-01')!.device;
    const limit = (key: string) => chpStack.tags.find((t) => t.key === key)?.highLimit;
    expect([limit('so2'), limit('nox'), limit('dust')]).toEqual([35, 50, 10]);
  });

  it('weigh the park’s bulk solid wastes at a weighbridge', () => {
    const weighed = new Set(tags.filter((t) => t.device.kind === 'weighbridge').map((t) => t.tag.materialCode));
    for (const m of ['PHOSPHOGYPSUM', 'FLY_ASH', 'CARBIDE_SLAG', 'FGD_GYPSUM', 'BOTTOM_ASH', 'BRINE_SLUDGE', 'WWTP_SLUDGE']) expect(weighed, m).toContain(m);
  });
});

describe('sites', () => {
  it('lie within a few kilometres of the park centre', () => {
    for (const { site } of sites) {
      expect(site.lat, site.code).toBeTypeOf('number');
      expect(site.lng, site.code).toBeTypeOf('number');
      const dLatKm = (site.lat! - demoPark.lat) * 111;
      const dLngKm = (site.lng! - demoPark.lng) * 111 * Math.cos((demoPark.lat * Math.PI) / 180);
      expect(Math.hypot(dLatKm, dLngKm), site.code).toBeLessThan(10);
    }
  });
});

describe('flows between enterprises', () => {
  const codes = new Set(demoPark.enterprises.map((e) => e.code));
  const byCode = new Map(demoPark.enterprises.map((e) => [e.code, e]));

  it('connect enterprises of the park with catalogue materials', () => {
    for (const f of demoFlows) {
      const label = `${f.from} -> ${f.to} ${f.materialCode}`;
      expect(codes.has(f.from), label).toBe(true);
      expect(codes.has(f.to), label).toBe(true);
      expect(f.from, label).not.toBe(f.to);
      expect(DEMO_MATERIAL_CODES, label).toContain(f.materialCode);
      expect(f.quantityPerYear, label).toBeGreaterThan(0);
    }
    expect(duplicates(demoFlows.map((f) => `${f.from}>${f.to}>${f.materialCode}`))).toEqual([]);
  });

  it('are measured by a tag at the sending or the receiving enterprise', () => {
    for (const f of demoFlows) {
      const measured = [byCode.get(f.from)!, byCode.get(f.to)!].some((e) => tagsOf(e).some((t) => t.materialCode === f.materialCode));
      expect(measured, `${f.from} -> ${f.to} ${f.materialCode}`).toBe(true);
    }
  });

  it('close loops: every enterprise both sends and receives', () => {
    for (const code of codes) {
      expect(demoFlows.some((f) => f.from === code), `${code} sends`).toBe(true);
      expect(demoFlows.some((f) => f.to === code), `${code} receives`).toBe(true);
    }
    // The two named round trips: off-spec PE and solvents come back as product.
    const has = (from: string, to: string, m: string) => demoFlows.some((f) => f.from === from && f.to === to && f.materialCode === m);
    expect(has('polyolefin', 'recycler', 'OFFSPEC_PE') && has('recycler', 'polyolefin', 'RECYCLED_PE_PELLETS')).toBe(true);
    expect(has('pharma', 'solvrec', 'SPENT_SOLVENT') && has('solvrec', 'pharma', 'RECOVERED_SOLVENT')).toBe(true);
  });
});

describe('demo users', () => {
  const users = demoUsers();

  it('are one per enterprise and enterprise role, plus the park operator and the regulator', () => {
    expect(users).toHaveLength(demoPark.enterprises.length * 3 + 2);
    for (const e of demoPark.enterprises) {
      for (const role of ENTERPRISE_ROLES) {
        const matching = users.filter((u) => u.enterpriseCode === e.code && u.role === role);
        expect(matching, `${e.code} ${role}`).toHaveLength(1);
        expect(matching[0].username).toBe(`${e.code}.${role.replace('enterprise_', '')}`);
      }
    }
    const park = users.filter((u) => u.enterpriseCode === undefined);
    expect(park.map((u) => [u.username, u.role]).sort()).toEqual([['operator', 'park_admin'], ['regulator', 'park_viewer']]);
  });

  it('have unique, well-formed usernames and display names', () => {
    expect(duplicates(users.map((u) => u.username))).toEqual([]);
    expect(users.map((u) => u.username)).not.toContain('admin');
    for (const u of users) {
      expect(u.username).toMatch(USERNAME);
      expect(u.displayName.trim()).not.toBe('');
      expect(u.displayName.length).toBeLessThanOrEqual(200);
      // Enterprise roles belong to an enterprise, park roles to none.
      expect(u.enterpriseCode === undefined, u.username).toBe(u.role === 'park_admin' || u.role === 'park_viewer');
    }
  });

  it('follow the park they are given', () => {
    const small: DemoPark = { ...demoPark, enterprises: demoPark.enterprises.slice(0, 2) };
    const names = demoUsers(small).map((u) => u.username);
    expect(names).toHaveLength(8);
    expect(names).toContain('pvc.viewer');
    expect(names).not.toContain('wwtp.admin');
  });

  it('share a password long enough for the platform', () => {
    expect(DEMO_PASSWORD).toBe('symbiont-demo');
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(8);
  });
});
