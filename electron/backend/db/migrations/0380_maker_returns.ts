import { sql, type Kysely } from 'kysely';

/*
 * The monthly returns to a maker (seed 001: by a fixed day each month the parts-replaced list,
 * the repair monthly report, the satisfaction and opinion statistics, the sales statistics and
 * the warranty return slips go to the maker's service department).
 *
 * - units.sale_price_fen / sold_by: what the unit was sold for and who sold it, for the monthly
 *   sales statistics (the day sold is the unit's purchase date, already kept).
 * - maker_returns: one row per maker and month, the last pack issued (its archived document and
 *   number, provisional when the month had not ended) and the day it was sent, so the Desk can
 *   remind before the due day and stop reminding once it went.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table units add column sale_price_fen integer check (sale_price_fen is null or sale_price_fen >= 0)`,
    sql`alter table units add column sold_by text`,
    sql`create table maker_returns (
      id integer primary key,
      maker_id integer not null references makers (id),
      month text not null check (length(month) = 7),
      document_id integer references documents (id),
      number text,
      provisional integer not null default 0 check (provisional in (0, 1)),
      issued_on text,
      sent_on text,
      sent_how text,
      created_at integer not null,
      updated_at integer not null,
      unique (maker_id, month)
    ) strict`,
  ];
  for (const statement of statements) await statement.execute(db);
}
