/**
 * Rules resolved to what they judge, pure. A tag rule judges its tag; a device rule the device's
 * tag of its key, or (no data, without a key) the device itself; a unit rule every tag of its key on
 * the unit's devices; a device kind rule every tag of its key on the enterprise's devices of that
 * kind. Unit and device kind rules are inherited: a tag or device rule that names one in
 * `overridesRuleId` replaces it for its own subject (as AWS IoT SiteWise alarm models let an asset
 * override its model's alarm), and a disabled override just removes it there.
 */
import type { ResolvedRule } from './rule-model.ts';
import { paramsOf, subjectsOf, type RuleRecord, type TagLimits } from './rules.ts';

export interface DirectoryTag extends TagLimits {
  id: number;
  enterpriseId: number;
  deviceId: number;
  key: string;
}

export interface DirectoryDevice {
  id: number;
  enterpriseId: number;
  unitId: number | null;
  kind: string;
}

export interface RuleDirectory {
  tags: readonly DirectoryTag[];
  devices: readonly DirectoryDevice[];
  /** The park's UTC offset now (window rules align to its local day). */
  utcOffsetMs: number;
}

interface Subject {
  tag: DirectoryTag | null;
  device: DirectoryDevice;
}

/** Every resolved rule, in rule order then tag id order; one per (rule, subject). */
export function resolveRules(rules: readonly RuleRecord[], dir: RuleDirectory): ResolvedRule[] {
  const devices = new Map(dir.devices.map((d) => [d.id, d]));
  const tagsOfDevice = new Map<number, DirectoryTag[]>();
  for (const t of [...dir.tags].sort((a, b) => a.id - b.id)) {
    const list = tagsOfDevice.get(t.deviceId) ?? [];
    list.push(t);
    tagsOfDevice.set(t.deviceId, list);
  }
  const tagById = new Map(dir.tags.map((t) => [t.id, t]));

  /** What a rule names, before overrides and whether it is enabled. */
  const subjectsOfRule = (r: RuleRecord): Subject[] => {
    const [kind] = subjectsOf(r);
    // Everything a rule reaches belongs to its enterprise: a directory row that does not is never its subject.
    const own = (d: DirectoryDevice | undefined): d is DirectoryDevice => d !== undefined && d.enterpriseId === r.enterpriseId;
    const keyed = (d: DirectoryDevice): Subject[] => (tagsOfDevice.get(d.id) ?? []).filter((t) => t.key === r.tagKey && t.enterpriseId === r.enterpriseId).map((tag) => ({ tag, device: d }));
    switch (kind) {
      case 'tag': {
        const tag = tagById.get(r.tagId!);
        const device = tag && devices.get(tag.deviceId);
        return tag && tag.enterpriseId === r.enterpriseId && own(device) ? [{ tag, device }] : [];
      }
      case 'device': {
        const device = devices.get(r.deviceId!);
        if (!own(device)) return [];
        if (r.tagKey === null) return r.kind === 'no_data' ? [{ tag: null, device }] : [];
        return keyed(device);
      }
      case 'unit':
        return dir.devices.filter((d) => d.unitId === r.unitId && own(d)).flatMap(keyed);
      case 'device_kind':
        return dir.devices.filter((d) => d.kind === r.deviceKind && own(d)).flatMap(keyed);
      default:
        return [];
    }
  };

  // What each override takes away from the rule it overrides: tag ids (a device-wide override: all the device's tags).
  const overridden = new Map<number, Set<number>>();
  for (const r of rules) {
    if (r.overridesRuleId === null) continue;
    const [kind] = subjectsOf(r);
    if (kind !== 'tag' && kind !== 'device') continue;
    const taken = overridden.get(r.overridesRuleId) ?? new Set<number>();
    if (kind === 'device' && r.tagKey === null) {
      const device = devices.get(r.deviceId!);
      if (device && device.enterpriseId === r.enterpriseId) for (const t of tagsOfDevice.get(device.id) ?? []) taken.add(t.id);
    } else {
      for (const s of subjectsOfRule(r)) if (s.tag) taken.add(s.tag.id);
    }
    overridden.set(r.overridesRuleId, taken);
  }

  const out: ResolvedRule[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    const taken = overridden.get(r.id);
    for (const s of subjectsOfRule(r)) {
      if (s.tag && taken?.has(s.tag.id)) continue;
      const params = paramsOf(r, s.tag, dir.utcOffsetMs);
      if (!params) continue;
      out.push({
        ruleId: r.id,
        enterpriseId: r.enterpriseId,
        tagId: s.tag?.id ?? null,
        deviceId: s.device.id,
        unitId: s.device.unitId,
        severity: r.severity,
        category: r.category,
        params,
      });
    }
  }
  return out;
}
