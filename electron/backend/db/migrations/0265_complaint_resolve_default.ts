import { sql, type Kysely } from 'kysely';

/**
 * The seeds resolve a complaint within 5 working days (98% of them) and reply within 2 (all of
 * them); the old default resolved within 2, a misreading. A desk that never changed the setting
 * gets 5; one that set its own keeps it. "Never changed": no stored service rules, or stored
 * rules that still hold the old default and never held anything else in the audit log (saving
 * the rules form writes every rule, the untouched default too). The data-check screen says what
 * happened, so a company that really promises 2 days can set it back.
 *
 * The old default is written out here: a migration means the same thing forever.
 */
const OLD = { amount: 2, unit: 'workingDays' };
const NEW = { amount: 5, unit: 'workingDays' };

type Resolve = { amount?: unknown; unit?: unknown };
type Stored = { complaintResolve?: Resolve } | null;
const isOld = (d: Resolve | undefined) => d?.amount === OLD.amount && d?.unit === OLD.unit;

function parse(text: string | null | undefined): Stored {
  if (!text) return null;
  try {
    return JSON.parse(text) as Stored;
  } catch {
    return null;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const row = (await sql<{ value: string }>`select value from settings where key = 'service'`.execute(db)).rows[0];
  // A new install (no customers, no complaints, nothing stored) simply starts on the new default.
  const used = (await sql<{ n: number }>`select (select count(*) from customers) + (select count(*) from complaints) as n`.execute(db)).rows[0]!.n > 0;
  let moved = false;
  if (!row) {
    // The default lived in the code: the same number now reads 5, and a desk in use is told.
    moved = used;
  } else {
    const stored = parse(row.value);
    if (stored && isOld(stored.complaintResolve) && !(await everDifferent(db))) {
      const value = JSON.stringify({ ...stored, complaintResolve: NEW });
      await sql`update settings set value = ${value} where key = 'service'`.execute(db);
      moved = true;
    }
  }
  if (moved) {
    await sql`insert into upgrade_notes (migration, at, key, params)
      values ('0265_complaint_resolve_default', ${Date.now()}, 'hours.upgrade.complaintResolve', ${JSON.stringify({ from: OLD.amount, to: NEW.amount })})`.execute(db);
  }
}

/** Whether the audit log shows the service rules ever holding another complaint resolution time. */
async function everDifferent(db: Kysely<unknown>): Promise<boolean> {
  const rows = await sql<{ before: string | null; after: string | null }>`
    select before, after from audit_rows where table_name = 'settings' and row_id = 'service'`.execute(db);
  for (const r of rows.rows) {
    for (const side of [r.before, r.after]) {
      const logged = parse(side) as { value?: unknown } | null;
      const value = typeof logged?.value === 'string' ? parse(logged.value) : null;
      if (value?.complaintResolve && !isOld(value.complaintResolve)) return true;
    }
  }
  return false;
}
