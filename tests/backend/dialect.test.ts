import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskDialect, cachingDatabase } from '../../electron/backend/db/dialect';

const open: Database.Database[] = [];
function memory(): Database.Database {
  const sqlite = new Database(':memory:');
  open.push(sqlite);
  sqlite.exec('create table t (id integer primary key, name text not null)');
  return sqlite;
}
afterEach(() => {
  for (const sqlite of open.splice(0)) if (sqlite.open) sqlite.close();
});

describe('prepared statements', () => {
  it('prepares one statement per SQL text, so a long transaction does not pile them up', async () => {
    const sqlite = memory();
    const prepare = vi.spyOn(sqlite, 'prepare');
    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new DeskDialect(sqlite) });
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) await trx.insertInto('t').values({ id: i, name: `n${i}` }).execute();
      for (let i = 0; i < 200; i++) {
        const row = await trx.selectFrom('t').select('name').where('id', '=', i).executeTakeFirstOrThrow();
        expect(row.name).toBe(`n${i}`);
      }
    });
    const texts = prepare.mock.calls.map(([text]) => text);
    // begin, insert, select, commit: each prepared once although run 402 times.
    expect(texts.length).toBe(new Set(texts).size);
    expect(texts.length).toBeLessThanOrEqual(4);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });

  it('keeps only the most recently used texts and still answers the evicted ones', () => {
    const sqlite = memory();
    const prepare = vi.spyOn(sqlite, 'prepare');
    const cached = cachingDatabase(sqlite, 2);
    const count = (n: number) => cached.prepare(`select ${n} as n`).all([]);
    expect(count(1)).toEqual([{ n: 1 }]);
    expect(count(2)).toEqual([{ n: 2 }]);
    expect(count(1)).toEqual([{ n: 1 }]); // 1 is now the newest, 2 the oldest
    expect(count(3)).toEqual([{ n: 3 }]); // evicts 2
    expect(count(1)).toEqual([{ n: 1 }]);
    expect(count(2)).toEqual([{ n: 2 }]); // prepared again
    expect(prepare.mock.calls.map(([text]) => text)).toEqual(['select 1 as n', 'select 2 as n', 'select 3 as n', 'select 2 as n']);
  });

  it('reuses a statement after the schema changed under it', async () => {
    const sqlite = memory();
    const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new DeskDialect(sqlite) });
    await db.insertInto('t').values({ id: 1, name: 'a' }).execute();
    const all = () => sql<Record<string, unknown>>`select * from t`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'a' }]);
    await sql`alter table t add column note text`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'a', note: null }]);
    await db.destroy();
  });
});
