/**
 * The audit log shows every action and entity type the backend writes translated: the lists the
 * page knows are the backend's (every `audit.append` in src/), and both languages name each one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';
import { PARTY_ACTIONS } from '../../../src/modules/exchange/deals/model.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './auditLabels';

const SRC = path.resolve(import.meta.dirname, '..', '..', '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The literal actions and entity types of the backend's audit entries (`action: 'x'`, `action: c ? 'x' : 'y'`). */
function written(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/audit\.append\(([\s\S]*?)\}\);/g)) {
      const call = m[1];
      const action = /action:\s*([^,\n]+)/.exec(call)?.[1] ?? '';
      for (const a of action.matchAll(/'([a-z_]+)'/g)) actions.add(a[1]);
      const entity = /entity:\s*'([a-z_]+)'/.exec(call)?.[1];
      if (entity) entities.add(entity);
    }
    // The CRUD resources log under their spec's name.
    if (/ResourceSpec\s*=\s*\{|defineResource\(\{/.test(text)) for (const m of text.matchAll(/^\s+name:\s*'([a-z_]+)',/gm)) entities.add(m[1]);
  }
  return { actions, entities };
}

type Tree = { [k: string]: string | Tree };
const has = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((n, k) => (n && typeof n === 'object' ? n[k] : undefined), tree) !== undefined;

describe('audit log labels', () => {
  const { actions, entities } = written();

  it('find the actions and entity types in the backend', () => {
    expect(actions).toContain('rotate_credentials');
    expect(actions).toContain('capture');
    expect(actions).toContain('login');
    expect(entities).toContain('enterprise');
    expect(entities).toContain('opcua_connector');
  });

  it('know every action and entity type the backend writes', () => {
    expect([...actions].filter((a) => !AUDIT_ACTIONS.includes(a)).sort()).toEqual([]);
    expect([...entities].filter((e) => !AUDIT_ENTITIES.includes(e)).sort()).toEqual([]);
    // A deal's action is audited under its own name (deals/service.ts writes `action: decision.action`).
    expect(PARTY_ACTIONS.filter((a) => !AUDIT_ACTIONS.includes(a))).toEqual([]);
  });

  it('translate every action and entity type in both languages', () => {
    for (const [lang, tree] of [['en', en], ['zh-CN', zhCN]] as const) {
      expect(AUDIT_ACTIONS.filter((a) => !has(tree as Tree, `audit.actions.${a}`)), `actions in ${lang}`).toEqual([]);
      expect(AUDIT_ENTITIES.filter((e) => !has(tree as Tree, `entity.${e}`)), `entity types in ${lang}`).toEqual([]);
    }
  });
});
