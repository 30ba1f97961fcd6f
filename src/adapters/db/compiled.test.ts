import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './index.ts';
import { bucket, CompiledQueries, padded } from './compiled.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compiled-'));
const handle = openDb(`sqlite://${path.join(dir, 'db.sqlite')}`);
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('compiled queries', () => {
  it('builds a shape once and runs it with each call’s values, literals kept', async () => {
    await handle.db.schema.createTable('t').addColumn('k', 'text').addColumn('n', 'integer').execute();
    await handle.db.insertInto('t').values([{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'c', n: 3 }]).execute();
    const q = new CompiledQueries(handle.db);
    let builds = 0;
    const run = (keys: string[], min: number) => {
      const size = bucket(keys.length);
      return q.run<{ k: string }>(`t:${size}`, (slot) => {
        builds++;
        return handle.db.selectFrom('t').select('k').where('k', 'in', Array.from({ length: size }, (_, i) => slot('keys', i))).where('n', '>=', slot('min')).where('n', '<', 100).orderBy('k');
      }, { keys: padded(keys, size), min });
    };
    expect((await run(['a', 'b', 'c'], 2)).map((r) => r.k)).toEqual(['b', 'c']);
    expect((await run(['a', 'c'], 1)).map((r) => r.k)).toEqual(['a', 'c']);
    expect((await run(['b', 'c', 'a'], 0)).map((r) => r.k)).toEqual(['a', 'b', 'c']);
    expect(builds).toBe(2); // sizes 4 and 2
  });

  it('does not read the writes of a transaction open on the connection, which may still roll back', async () => {
    await handle.db.schema.createTable('u').addColumn('n', 'integer').execute();
    const q = new CompiledQueries(handle.db);
    const count = () => q.run<{ c: number }>('u:count', () => handle.db.selectFrom('u').select((eb) => eb.fn.countAll<number>().as('c')), {});
    let during: Promise<{ c: number }[]> | undefined;
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await trx.insertInto('u').values({ n: 1 }).execute();
        during = count();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await during!)[0].c).toBe(0);
    expect((await count())[0].c).toBe(0);
  });

  it('buckets list sizes by powers of two', () => {
    expect([1, 2, 3, 4, 5, 1000].map(bucket)).toEqual([1, 2, 4, 4, 8, 1024]);
    expect(padded([1, 2, 3], 4)).toEqual([1, 2, 3, 3]);
  });
});
