import { describe, expect, it } from 'vitest';
import { BASIC_TERMS, STANDARD_TERMS } from '../../shared/domain/sla';
import { SEVERITIES, TICKET_SOURCES, TICKET_STATUSES } from '../../shared/domain/ticket-status';
import { openTestBackend } from '../support/backend';

/*
 * One test per migration from 0080 on: rows at the old version, migrate, check the rows (and the
 * query plan where an index is the point). A migration imports nothing of the live code, so these
 * tests are where it meets today's rules.
 */

describe('migration 0070 (tickets), its values written out', () => {
  it('seeds the two service levels with the terms the rules still start from', async () => {
    const backend = await openTestBackend();
    const rows = backend.store.sqlite.prepare('select name, is_default, terms from service_levels order by id').all() as { name: string; is_default: number; terms: string }[];
    expect(rows.map((r) => [r.name, r.is_default])).toEqual([
      ['标准服务', 1],
      ['基础服务', 0],
    ]);
    expect(JSON.parse(rows[0]!.terms)).toEqual(STANDARD_TERMS);
    expect(JSON.parse(rows[1]!.terms)).toEqual(BASIC_TERMS);
    await backend.close();
  });

  it('checks each ticket against the statuses, sources and severities the rules know', async () => {
    const backend = await openTestBackend();
    const sql = (backend.store.sqlite.prepare("select sql from sqlite_master where name = 'tickets'").get() as { sql: string }).sql;
    const listed = (column: string) => {
      const m = new RegExp(`${column} in \\(([^)]*)\\)`).exec(sql);
      return m ? m[1]!.split(',').map((v) => v.trim().replace(/'/g, '')) : [];
    };
    expect(listed('status')).toEqual([...TICKET_STATUSES]);
    expect(listed('source')).toEqual([...TICKET_SOURCES]);
    expect(listed('severity')).toEqual([...SEVERITIES]);
    await backend.close();
  });
});
