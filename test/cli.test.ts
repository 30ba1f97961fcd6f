/** The `symbiont` command against a real store: migrate, users, and the audit chain check. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function symbiont(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'symbiont.js'), ...args, '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SYMBIONT_ADMIN_PASSWORD: 'cli-admin-password', SYMBIONT_LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('symbiont CLI', () => {
  it('migrates, loads the demo, and manages users', () => {
    expect(symbiont('migrate')).toMatchObject({ code: 0, out: expect.stringMatching(/Migrated/) });
    expect(symbiont('demo').code).toBe(0);
    const add = symbiont('user', 'add', 'ehs.li', '--role', 'enterprise_operator', '--enterprise', 'pharma', '--display-name', '李工');
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/Created user ehs\.li \(enterprise_operator, pharma\) with the password \S{8,}/);
    const list = symbiont('user', 'list');
    expect(list.out).toMatch(/ehs\.li\s+enterprise_operator\s+pharma\s+active/);
    expect(list.out).toMatch(/admin\s+park_admin\s+\(park\)\s+active/);
    expect(symbiont('user', 'disable', 'ehs.li').code).toBe(0);
    expect(symbiont('user', 'list').out).toMatch(/ehs\.li\s+enterprise_operator\s+pharma\s+disabled/);
    // Seven processes, each starting TypeScript through tsx (2–3 s apiece on a busy 2-core machine).
  }, 120_000);

  it('explains bad input instead of failing with a stack', () => {
    const badRole = symbiont('user', 'add', 'x.y', '--role', 'superuser');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/--role must be one of/);
    const badEnterprise = symbiont('user', 'add', 'x.y', '--role', 'enterprise_viewer', '--enterprise', 'nowhere');
    expect(badEnterprise.err).toMatch(/no enterprise with the code "nowhere"/);
    const duplicate = symbiont('user', 'add', 'ehs.li', '--role', 'enterprise_viewer', '--enterprise', 'pharma');
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toMatch(/already exists/);
    expect(symbiont('start', '--port', 'http').err).toMatch(/--port must be a whole number/);
    const halfTls = symbiont('start', '--tls-cert', path.join(dataDir, 'cert.pem'));
    expect(halfTls.code).toBe(2);
    expect(halfTls.err).toMatch(/--tls-cert needs --tls-key/);
    const unreadable = symbiont('start', '--tls-cert', path.join(dataDir, 'cert.pem'), '--tls-key', path.join(dataDir, 'key.pem'));
    expect(unreadable.err).toMatch(/--tls-cert .*cert\.pem cannot be read: ENOENT/);
    expect(symbiont('start', '--public-url', 'plant-host:8080').err).toMatch(/--public-url must be an http:\/\/ or https:\/\/ URL/);
    // Eight processes, each starting TypeScript through tsx.
  }, 120_000);

  it('imports telemetry from CSV, reporting the rows it refuses', () => {
    const file = path.join(dataDir, 'backfill.csv');
    const t0 = Date.UTC(2026, 9, 1);
    const rows = ['device,tag,ts,value'];
    for (let i = 0; i < 500; i++) rows.push(`chp-em-01,gen_power,${t0 + i * 60_000},${100 + i}`);
    rows.push('chp-em-01,gen_power,2026-10-02T00:00:00Z,7', 'ghost-device,x,1,1', 'chp-em-01,no_such_tag,1,1', 'chp-em-01,gen_power,yesterday,1', 'chp-em-01,gen_power,1,abc');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    const r = symbiont('import', 'telemetry', file);
    expect(r.err).toMatch(/501 readings stored, 4 rows refused/);
    expect(r.err).toMatch(/line 503: unknown device "ghost-device"/);
    expect(r.err).toMatch(/line 506: .*"abc" is not a number/);
    expect(r.code).toBe(1);
    const db = new Database(path.join(dataDir, 'symbiont.db'), { readonly: true });
    const n = db.prepare('select count(*) as n from points p join tags t on t.id = p.tag_id where t.key = ? and p.ts >= ?').get('gen_power', t0) as { n: number };
    db.close();
    expect(n.n).toBe(501);
  });

  it('verifies every audit chain and names the first broken link of the one altered', () => {
    const ok = symbiont('audit', 'verify');
    expect(ok.code).toBe(0);
    const [, records, chains] = ok.out.match(/^OK: (\d+) records in (\d+) chains, every chain is intact/) ?? [];
    // The demo writes the park's records and those of each of its enterprises.
    expect(Number(chains)).toBeGreaterThan(2);
    const db = new Database(path.join(dataDir, 'symbiont.db'));
    const counted = db.prepare('select count(*) as n, count(distinct chain) as chains from audit_log').get() as { n: number; chains: number };
    expect([Number(records), Number(chains)]).toEqual([counted.n, counted.chains]);
    const forged = db.prepare('select enterprise_id as enterpriseId, chain, chain_pos as pos from audit_log where seq = 7').get() as { enterpriseId: number | null; chain: number; pos: number };
    // The forged record and those after it in its chain are no longer vouched for.
    const unvouched = db.prepare('select count(*) as n from audit_log where chain = ? and chain_pos >= ?').get(forged.chain, forged.pos) as { n: number };
    db.prepare("update audit_log set actor_name = 'mallory' where seq = 7").run();
    db.close();
    const broken = symbiont('audit', 'verify');
    expect(broken.code).toBe(1);
    const chain = forged.enterpriseId === null ? "the park's chain" : `the chain of enterprise ${forged.enterpriseId}`;
    expect(broken.out.trim().split('\n')).toEqual([
      `BROKEN at record 7 in ${chain}: its content does not match its hash (the record was altered) (${forged.pos - 1} records of that chain before it are intact)`,
      `${counted.chains - 1} of ${counted.chains} chains intact; ${counted.n - unvouched.n} records checked`,
    ]);
  });
});
