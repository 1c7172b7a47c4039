import type Database from 'better-sqlite3';

export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Makes the triggers named `prefix…` exactly `wanted` (name → CREATE TRIGGER text): those that
 * differ or are no longer wanted are dropped, the missing ones created, in one transaction.
 * Nothing is written when they already match, so a read-only file still opens.
 */
export function syncTriggers(sqlite: Database.Database, prefix: string, wanted: Map<string, string>): { created: number; dropped: number } {
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const existing = new Map(
    (sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and name like ? escape '\\'").all(like) as { name: string; sql: string }[]).map((r) => [r.name, r.sql]),
  );
  const drop = [...existing.keys()].filter((name) => wanted.get(name) !== existing.get(name));
  const create = [...wanted.keys()].filter((name) => existing.get(name) !== wanted.get(name));
  if (drop.length === 0 && create.length === 0) return { created: 0, dropped: 0 };
  sqlite.transaction(() => {
    for (const name of drop) sqlite.exec(`drop trigger ${quoteName(name)}`);
    for (const name of create) sqlite.exec(wanted.get(name)!);
  })();
  return { created: create.length, dropped: drop.length };
}
