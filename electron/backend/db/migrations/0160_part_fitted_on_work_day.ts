import { sql, type Kysely } from 'kysely';

/**
 * A part's fitted date was the day it was put on the ticket. A part packed at dispatch on the
 * 1st and fitted on the 3rd started its own cover two days early: the customer lost those days
 * and the monthly parts-replaced list put it in the wrong day, or month. From now on a part is
 * fitted on the day of the work (the ticket's resolution) unless the clerk set the day
 * (fitted_set = 1). Rows written before are corrected from their ticket's resolution, and the
 * count is kept in upgrade_notes for the data-check screen to say.
 *
 * The day is the desk's local day, as every other stamp's day is: computed here, not in SQL,
 * and written out (a migration imports nothing of the live code, which may change after it).
 */
const two = (n: number) => String(n).padStart(2, '0');
function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ticket_parts add column fitted_set integer not null default 0 check (fitted_set in (0, 1))`.execute(db);
  await sql`create table upgrade_notes (
    migration text primary key,
    at integer not null,
    key text not null,
    params text not null
  ) strict`.execute(db);
  const rows = await sql<{ id: number; fitted_on: string; resolved_at: number }>`
    select tp.id, tp.fitted_on, t.resolved_at from ticket_parts tp join tickets t on t.id = tp.ticket_id
    where t.resolved_at is not null`.execute(db);
  // One update per day to move to, not one per part: ten years of repairs hold many parts.
  const byDay = new Map<string, number[]>();
  for (const row of rows.rows) {
    const day = localDay(row.resolved_at);
    if (day === row.fitted_on) continue;
    const ids = byDay.get(day) ?? [];
    ids.push(row.id);
    byDay.set(day, ids);
  }
  let changed = 0;
  for (const [day, ids] of byDay) {
    // SQLite takes at most 32,766 values in one statement; a day of repairs is far below that.
    for (let i = 0; i < ids.length; i += 10_000) {
      const chunk = ids.slice(i, i + 10_000);
      await sql`update ticket_parts set fitted_on = ${day} where id in (${sql.join(chunk)})`.execute(db);
    }
    changed += ids.length;
  }
  if (changed > 0) {
    await sql`insert into upgrade_notes (migration, at, key, params)
      values ('0160_part_fitted_on_work_day', ${Date.now()}, 'health.upgrade.fittedDates', ${JSON.stringify({ count: changed })})`.execute(db);
  }
}
