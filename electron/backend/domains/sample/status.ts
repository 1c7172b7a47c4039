import { sql } from 'kysely';
import type { SampleStatus } from '../../../../shared/schemas/sample';
import type { ServiceContext } from '../../app/context';

/**
 * Whether sample data is here and how much would go with it, practice included. Asked by every
 * screen that shows the reminder, so it is three indexed counts, not the full removal plan.
 */
export async function sampleStatus(ctx: ServiceContext): Promise<SampleStatus> {
  const any = await ctx.db.selectFrom('sample_records').select('row_id').limit(1).executeTakeFirst();
  if (!any) return { loaded: false, counts: { customers: 0, units: 0, tickets: 0 } };
  const { rows } = await sql<{ customers: number; units: number; tickets: number }>`
    with sc as (select row_id as id from sample_records where table_name = 'customers'),
         su as (select row_id as id from sample_records where table_name = 'units'
                union select id from units where customer_id in (select id from sc))
    select
      (select count(*) from sc) as customers,
      (select count(*) from su) as units,
      (select count(*) from tickets where id in (select row_id from sample_records where table_name = 'tickets')
         or customer_id in (select id from sc) or unit_id in (select id from su)) as tickets`.execute(ctx.db);
  const r = rows[0]!;
  return { loaded: true, counts: { customers: r.customers, units: r.units, tickets: r.tickets } };
}
