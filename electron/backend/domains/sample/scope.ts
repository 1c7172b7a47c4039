import { sql } from 'kysely';
import type { Db } from '../../db/schema';
import type { SampleTable } from '../../db/tables/registry';

/**
 * Everything removing the sample data takes: the records it added, and the practice done on
 * them (a ticket, a unit or a complaint added on a sample customer is practice too, as is a
 * customer merged into one). What the sample added for shared use (models, technicians, parts,
 * policies) goes only while no real record uses it.
 */
export interface SampleScope {
  customers: number[];
  units: number[];
  tickets: number[];
  complaints: number[];
  documents: { id: number; file_name: string }[];
  models: number[];
  technicians: number[];
  parts: number[];
  policies: number[];
  /** Sample records kept because real ones use them. */
  kept: number;
}

const CHUNK = 500;

/** `ids` of `table` whose `column` is one of `values`, read in chunks (SQLite's parameter limit). */
async function idsWhere(db: Db, table: 'units' | 'tickets' | 'complaints' | 'customers', column: string, values: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where(sql.ref(column), 'in', values.slice(i, i + CHUNK))
      .execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

const union = (...lists: number[][]) => [...new Set(lists.flat())].sort((a, b) => a - b);

export async function marked(db: Db): Promise<Map<SampleTable, number[]>> {
  const rows = await db.selectFrom('sample_records').select(['table_name', 'row_id']).execute();
  const out = new Map<SampleTable, number[]>();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.row_id]);
  return out;
}

export async function sampleScope(db: Db): Promise<SampleScope> {
  const mine = await marked(db);
  const of = (table: SampleTable) => mine.get(table) ?? [];
  const customers = union(of('customers'), await idsWhere(db, 'customers', 'merged_into_id', of('customers')));
  const units = union(of('units'), await idsWhere(db, 'units', 'customer_id', customers));
  const tickets = union(of('tickets'), await idsWhere(db, 'tickets', 'customer_id', customers), await idsWhere(db, 'tickets', 'unit_id', units));
  const complaints = union(of('complaints'), await idsWhere(db, 'complaints', 'customer_id', customers), await idsWhere(db, 'complaints', 'ticket_id', tickets));
  const documents: SampleScope['documents'] = [];
  for (const [type, ids] of [['unit', units], ['ticket', tickets]] as const) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      documents.push(...(await db.selectFrom('documents').select(['id', 'file_name']).where('record_type', '=', type).where('record_id', 'in', ids.slice(i, i + CHUNK)).execute()));
    }
  }

  // Shared records stay while a record that stays uses them.
  const leavingUnits = new Set(units);
  const leavingTickets = new Set(tickets);
  const realUnits = (await db.selectFrom('units').select(['id', 'model_id', 'policy_version_id']).execute()).filter((u) => !leavingUnits.has(u.id));
  const real = (row: { ticket_id: number | null }) => row.ticket_id !== null && !leavingTickets.has(row.ticket_id);
  const usedModels = new Set(realUnits.map((u) => u.model_id));
  const models = of('product_models').filter((id) => !usedModels.has(id));
  const usedTechnicians = new Set((await db.selectFrom('ticket_technicians').select(['ticket_id', 'technician_id']).execute()).filter(real).map((r) => r.technician_id));
  const technicians = of('technicians').filter((id) => !usedTechnicians.has(id));
  const usedParts = new Set(
    [...(await db.selectFrom('ticket_parts').select(['ticket_id', 'part_id']).execute()), ...(await db.selectFrom('stock_moves').select(['ticket_id', 'part_id']).execute())]
      .filter(real)
      .map((r) => r.part_id),
  );
  const parts = of('parts').filter((id) => !usedParts.has(id));
  const versions = await db.selectFrom('warranty_policy_versions').select(['id', 'policy_id']).execute();
  const policyOfVersion = new Map(versions.map((v) => [v.id, v.policy_id]));
  const leavingModels = new Set(models);
  const realModels = (await db.selectFrom('product_models').select(['id', 'policy_id']).execute()).filter((m) => !leavingModels.has(m.id));
  const usedPolicies = new Set([...realModels.map((m) => m.policy_id), ...realUnits.map((u) => policyOfVersion.get(u.policy_version_id))]);
  const policies = of('warranty_policies').filter((id) => !usedPolicies.has(id));

  const kept = of('product_models').length - models.length + of('technicians').length - technicians.length + of('parts').length - parts.length + of('warranty_policies').length - policies.length;
  return { customers, units, tickets, complaints, documents, models, technicians, parts, policies, kept };
}
