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
  /** Practice installations and maintenance contracts on sample customers (their units, visits and results go with them). */
  installations: number[];
  contracts: number[];
  /** Manuals issued for those installations: their records, then their archived papers. */
  manualIssues: number[];
  documents: { id: number; file_name: string }[];
  models: number[];
  technicians: number[];
  parts: number[];
  policies: number[];
  /** Manual content the sample brought, unless edited since or printed in an issued manual. */
  manualContents: number[];
  /**
   * Maker's claims, feedback, refunds, exchanges and scrapping records on sample units or
   * tickets: money and stock the desk accounts for, never taken away with the sample.
   */
  settled: number;
  /** Sample records kept because real ones use them. */
  kept: number;
}

const CHUNK = 500;

/** `ids` of `table` whose `column` is one of `values`, read in chunks (SQLite's parameter limit). */
async function idsWhere(db: Db, table: 'units' | 'tickets' | 'complaints' | 'customers' | 'installations' | 'maintenance_contracts' | 'manual_issues', column: string, values: number[]): Promise<number[]> {
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
  const installations = await idsWhere(db, 'installations', 'customer_id', customers);
  const contracts = await idsWhere(db, 'maintenance_contracts', 'customer_id', customers);
  const manualIssues = await idsWhere(db, 'manual_issues', 'installation_id', installations);
  const visits: number[] = [];
  for (let i = 0; i < contracts.length; i += CHUNK) visits.push(...(await db.selectFrom('visits').select('id').where('contract_id', 'in', contracts.slice(i, i + CHUNK)).execute()).map((v) => v.id));
  const documents: SampleScope['documents'] = [];
  const papersOf = [['unit', units], ['ticket', tickets], ['customer', customers], ['installation', installations], ['contract', contracts], ['visit', visits]] as const;
  for (const [type, ids] of papersOf) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      documents.push(...(await db.selectFrom('documents').select(['id', 'file_name']).where('record_type', '=', type).where('record_id', 'in', ids.slice(i, i + CHUNK)).execute()));
    }
  }

  // Shared records stay while a record that stays uses them.
  const leavingUnits = new Set(units);
  const leavingTickets = new Set(tickets);
  const realUnits = (await db.selectFrom('units').select(['id', 'model_id', 'policy_version_id']).execute()).filter((u) => !leavingUnits.has(u.id));
  const real = (row: { ticket_id: number | null }) => row.ticket_id !== null && !leavingTickets.has(row.ticket_id);
  // A model a checklist, manual content, spare or replacement refers to is in use too.
  const usedModels = new Set<number | null>([
    ...realUnits.map((u) => u.model_id),
    ...(await db.selectFrom('checklists').select('model_id').execute()).map((c) => c.model_id),
    ...(await db.selectFrom('manual_contents').select('model_id').execute()).map((c) => c.model_id),
    ...(await db.selectFrom('parts').select('share_model_id').execute()).map((p) => p.share_model_id),
    ...(await db.selectFrom('product_models').select('replacement_model_id').execute()).map((m) => m.replacement_model_id),
    ...(await db.selectFrom('feedback_forms').select('model_id').execute()).map((f) => f.model_id),
  ]);
  const models = of('product_models').filter((id) => !usedModels.has(id));
  // One record may name both a sample unit and a sample ticket: counted once.
  const settledRecords = new Set<string>();
  for (const [table, column, ids] of [
    ['warranty_claim_lines', 'unit_id', units],
    ['warranty_claim_lines', 'ticket_id', tickets],
    ['feedback_forms', 'unit_id', units],
    ['feedback_forms', 'ticket_id', tickets],
    ['sanbao_settlements', 'unit_id', units],
    ['sanbao_settlements', 'new_unit_id', units],
    ['sanbao_settlements', 'ticket_id', tickets],
    ['scrap_records', 'unit_id', units],
  ] as const) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await db
        .selectFrom(table)
        .select('id')
        .where(sql.ref(column), 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) settledRecords.add(`${table}:${r.id}`);
    }
  }
  const settled = settledRecords.size;
  const leavingInstallations = new Set(installations);
  const usedTechnicians = new Set([
    ...(await db.selectFrom('ticket_technicians').select(['ticket_id', 'technician_id']).execute()).filter(real).map((r) => r.technician_id),
    ...(await db.selectFrom('installation_technicians').select(['installation_id', 'technician_id']).execute()).filter((r) => !leavingInstallations.has(r.installation_id)).map((r) => r.technician_id),
  ]);
  const technicians = of('technicians').filter((id) => !usedTechnicians.has(id));
  const usedParts = new Set(
    [...(await db.selectFrom('ticket_parts').select(['ticket_id', 'part_id']).execute()), ...(await db.selectFrom('stock_moves').select(['ticket_id', 'part_id']).execute())]
      .filter(real)
      .map((r) => r.part_id),
  );
  // Parts on a maker's claim or a scrapping record are the desk's accounts: they stay.
  for (const r of [...(await db.selectFrom('warranty_claim_lines').select('part_id').execute()), ...(await db.selectFrom('scrap_records').select('part_id').execute())]) {
    if (r.part_id !== null) usedParts.add(r.part_id);
  }
  const parts = of('parts').filter((id) => !usedParts.has(id));
  const versions = await db.selectFrom('warranty_policy_versions').select(['id', 'policy_id']).execute();
  const policyOfVersion = new Map(versions.map((v) => [v.id, v.policy_id]));
  const leavingModels = new Set(models);
  const realModels = (await db.selectFrom('product_models').select(['id', 'policy_id']).execute()).filter((m) => !leavingModels.has(m.id));
  const usedPolicies = new Set([...realModels.map((m) => m.policy_id), ...realUnits.map((u) => policyOfVersion.get(u.policy_version_id))]);
  const policies = of('warranty_policies').filter((id) => !usedPolicies.has(id));

  // Content someone went on writing, or that a manual was printed from, is the desk's own now.
  const edited = new Set((await db.selectFrom('manual_content_versions').select('content_id').where('version', '>', 1).execute()).map((v) => v.content_id));
  const leavingIssues = new Set(manualIssues);
  const printed = new Set(
    (await db.selectFrom('manual_issues').select(['id', 'versions']).execute())
      .filter((i) => !leavingIssues.has(i.id))
      .flatMap((i) => (JSON.parse(i.versions) as { contentId: number | null }[]).map((v) => v.contentId)),
  );
  const manualContents = of('manual_contents').filter((id) => !edited.has(id) && !printed.has(id));

  const kept =
    of('product_models').length - models.length + of('technicians').length - technicians.length + of('parts').length - parts.length + of('warranty_policies').length - policies.length + of('manual_contents').length - manualContents.length;
  return { customers, units, tickets, complaints, installations, contracts, manualIssues, documents, models, technicians, parts, policies, manualContents, settled, kept };
}
