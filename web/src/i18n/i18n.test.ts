/** The two languages must say the same things: identical keys, no empty text, every enum translated. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT, type Tree } from './resources';
import {
  DEVICE_KINDS, INDUSTRIES, MATERIAL_CATEGORIES, PROTOCOLS, ROLES, SERVICE_STATES, TAG_KINDS, UNIT_KINDS,
} from '../api/types';

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const enKeys = flatten(TEXT.en);
const zhKeys = flatten(TEXT['zh-CN']);

/** Every source file of the console, for the keys it uses literally. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('console translations', () => {
  it('have the same keys in zh-CN and en', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have no empty value', () => {
    for (const [lang, keys] of [['en', enKeys], ['zh-CN', zhKeys]] as const) {
      const empty = [...keys].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty values in ${lang}`).toEqual([]);
    }
  });

  it('translate every enumeration value', () => {
    const enums: Record<string, readonly string[]> = {
      industry: INDUSTRIES, unitKind: UNIT_KINDS, deviceKind: DEVICE_KINDS, protocol: PROTOCOLS,
      tagKind: TAG_KINDS, category: MATERIAL_CATEGORIES, role: ROLES, serviceState: SERVICE_STATES,
    };
    const missing: string[] = [];
    for (const [name, values] of Object.entries(enums)) {
      for (const v of values) if (!enKeys.has(`enum.${name}.${v}`)) missing.push(`enum.${name}.${v}`);
    }
    expect(missing).toEqual([]);
  });

  it('contain every key the source uses literally', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\?\s*'([a-z]+\.[\w.]+)'\s*:\s*'([a-z]+\.[\w.]+)'/g)) used.add(m[1]).add(m[2]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !enKeys.has(k)).sort()).toEqual([]);
  });
});
