import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerAuditFunctions } from '../../electron/backend/app/request-context';

/*
 * Issue 23 (memory): the audit triggers ask `desk_value` how to log a value instead of spelling
 * the rule out in SQL for every column. The log must read exactly as before: the rule as the
 * triggers wrote it until then, side by side with the function, over values of every kind.
 */
const BEFORE = (ref: string) =>
  `case typeof(${ref}) when 'blob' then '<' || length(${ref}) || ' bytes>' when 'text' then case when length(${ref}) > 2000 and substr(${ref}, 1, 48) like '%data:%;base64,%' then desk_digest(${ref}) else ${ref} end else ${ref} end`;
const NOW = (ref: string) => `coalesce(desk_value(${ref}), ${ref})`;

describe('a value as the log keeps it', () => {
  it('reads the same through desk_value as through the rule written out in SQL', () => {
    const sqlite = new Database(':memory:');
    registerAuditFunctions(sqlite);
    const picture = `data:image/png;base64,${'iVBORw0KGgo'.repeat(400)}`;
    const values: unknown[] = [
      null,
      0n,
      42n,
      -7n,
      2n ** 40n,
      3.25,
      '',
      '张三',
      '开机后不制冷，外机不转'.repeat(300), // long text, not a picture
      picture, // a logo
      picture.slice(0, 1500), // a short one is logged whole
      JSON.stringify(picture), // a setting's value: the picture as a JSON string
      picture.toUpperCase(), // LIKE folds ASCII case
      `${'x'.repeat(40)}${picture}`, // the URL starts past the 48th character: logged whole
      `😀${picture.slice(0, 1999 - 1)}`.slice(0, 2001), // 2,001 UTF-16 units, 2,000 characters
      `data:;base64,${'𠮷'.repeat(1980)}`, // 1,993 characters in 3,973 UTF-16 units: logged whole, as SQLite counts
      `data:;base64,${'𠮷'.repeat(1995)}`,
      Buffer.from([0, 1, 2, 3, 255]),
      Buffer.alloc(0),
    ];
    // Read from a column, as the triggers read old."x" and new."x" (integers stay integers).
    sqlite.exec('create table logged (n integer primary key, v)');
    const insert = sqlite.prepare('insert into logged (n, v) values (?, ?)');
    values.forEach((value, n) => insert.run(n, value));
    const read = (expression: (ref: string) => string) => sqlite.prepare(`select json_object('v', ${expression('v')}) from logged order by n`).pluck().all() as string[];
    expect(read(NOW)).toEqual(read(BEFORE));
    // And the cases it exists for are what they should be.
    const now = read(NOW);
    expect(now[9]).toMatch(/^\{"v":"data:image\/png;base64 \(\d+ chars, sha256 [0-9a-f]{16}\)"\}$/);
    expect(now[17]).toBe('{"v":"<5 bytes>"}');
    expect(now[2]).toBe('{"v":42}');
    expect(now[5]).toBe('{"v":3.25}');
  });
});
