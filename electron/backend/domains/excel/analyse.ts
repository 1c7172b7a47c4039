import { sql } from 'kysely';
import type { z } from 'zod';
import { REQUIRED_IMPORT_FIELDS, type ImportCategory, type ImportField, type ImportRowResult, type importSheetInput } from '../../../../shared/schemas/excel';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { notFound, refusal } from '../../lib/errors';
import { categoryKey, categoryPolicies } from './category-policies';
import { customerMatcher, type CustomerMatch } from './customer-match';
import { headerOf, planRow, type RowPlan } from './plan-row';
import type { ParsedSheet } from './read';
import { setImmediate as nextTurn } from 'node:timers/promises';

export type SheetInput = z.output<typeof importSheetInput>;

export interface NewModel {
  brand: string;
  model: string;
  /** As the first row naming the model writes it. */
  category: string;
  policyId: number;
}

export type AnalysedRow = RowPlan & CustomerMatch;

export interface Analysis {
  plans: AnalysedRow[];
  /** The models the import creates, by `brand|model` (lower case). */
  newModels: Map<string, NewModel>;
  categories: ImportCategory[];
}

/** A row is imported when nothing is wrong with it and it knows which customer it goes to. */
export const imported = (p: AnalysedRow) => p.problems.length === 0 && (p.target.kind === 'new' || p.target.kind === 'existing' || p.target.kind === 'sameAs');

const POLICY_PROBLEMS = new Set(['import.modelNeedsPolicy', 'import.modelNeedsPolicyUncategorised']);

/** Imported, or would be once the clerk chooses a policy for its category or its customer among several. */
const waitsOnlyForChoices = (p: AnalysedRow) => p.target.kind !== 'skipped' && p.problems.every((problem) => POLICY_PROBLEMS.has(problem.message.key));

/** How a model is known across the sheet and the database: brand and model, case aside. */
export const modelKeyOf = (unit: { brand: string; model: string }) => `${unit.brand}|${unit.model}`.toLowerCase();

/** Checks every row against the sheet and the database: who exists, which serials are taken, which policy. */
/** How long the analysis runs before the desk's waiting requests get their turn (import steps write for 6 ms). */
const SLICE_MS = 6;

export async function analyse(ctx: ServiceContext, db: Db, sheet: ParsedSheet | undefined, input: SheetInput): Promise<Analysis> {
  if (!sheet) throw notFound('errors.importExpired');
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (input.mapping[field] === undefined || input.mapping[field] === null) {
      throw refusal('VALIDATION', 'errors.importFieldUnmapped', { field }, { fields: { [`mapping.${field}`]: [{ key: 'validation.required' }] } });
    }
  }
  const plans = sheet.rows.map((row) => planRow(sheet, input.mapping, row));
  const choices = new Map(input.customerChoices.map((c) => [c.row, c.choice]));

  const column = (field: ImportField) => headerOf(sheet, input.mapping, field);
  const phonesOf = (plan: RowPlan) => plan.customer?.phones.map((p) => p.phone) ?? [];
  const customers = await customerMatcher(db, plans.flatMap(phonesOf), [column('phone'), column('phone2')]);
  const models = new Map((await db.selectFrom('product_models').select(['id', 'brand', 'model']).execute()).map((m) => [modelKeyOf(m), m.id]));
  const keys = new Set(plans.flatMap((p) => (p.unit ? [categoryKey(p.unit.category)] : [])));
  const policies = await categoryPolicies(ctx, db, keys, input.categoryPolicies);

  const seenSerials = new Set<string>();
  const newModels = new Map<string, NewModel>();
  // Per category: its spelling in the sheet, its rows and the models it names that are not on file.
  const byCategory = new Map<string, { category: string; rows: number; unknown: Map<string, string>; namesUnknown: boolean }>();
  const modelCategory = new Map<string, string>();
  const serialCol = column('serial');
  const out: AnalysedRow[] = [];
  let slice = performance.now();
  for (const plan of plans) {
    // The desk answers between slices: SQLite's calls are synchronous and their promises settle
    // at once, so without a turn of the event loop 50,000 rows would hold every search for a second.
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
    const match: CustomerMatch = plan.customer
      ? customers.match(plan.row, plan.customer.name, phonesOf(plan), choices.get(plan.row))
      : { target: { kind: 'new' }, reason: 'phoneNotOnFile', candidates: [], warnings: [] };
    if (plan.unit) {
      const key = categoryKey(plan.unit.category);
      const group = byCategory.get(key) ?? { category: plan.unit.category, rows: 0, unknown: new Map(), namesUnknown: false };
      group.rows += 1;
      byCategory.set(key, group);
      const modelKey = modelKeyOf(plan.unit);
      const serialKey = `${modelKey}|${plan.unit.serial.toLowerCase()}`;
      const modelId = models.get(modelKey);
      // A model named on several rows is filed under the category of the first.
      if (!modelCategory.has(modelKey)) modelCategory.set(modelKey, key);
      const ownKey = modelCategory.get(modelKey)!;
      if (modelId === undefined) byCategory.get(ownKey)!.namesUnknown = true;
      const policyId = policies.get(ownKey)?.policyId ?? null;
      if (seenSerials.has(serialKey)) plan.problems.push({ column: serialCol, message: { key: 'import.serialTwice', params: { serial: plan.unit.serial } } });
      else if (modelId !== undefined) {
        const taken = await db
          .selectFrom('units as u')
          .innerJoin('customers as c', 'c.id', 'u.customer_id')
          .select(['u.id', 'c.name'])
          .where('u.model_id', '=', modelId)
          .where(sql<boolean>`u.serial = ${plan.unit.serial} collate nocase`)
          .executeTakeFirst();
        if (taken) plan.problems.push({ column: serialCol, message: { key: 'import.serialTaken', params: { serial: plan.unit.serial, customer: taken.name } } });
      } else if (policyId === null) {
        const category = byCategory.get(ownKey)?.category ?? '';
        plan.problems.push({ column: column('model'), message: { key: category ? 'import.modelNeedsPolicy' : 'import.modelNeedsPolicyUncategorised', params: { brand: plan.unit.brand, model: plan.unit.model, category } } });
      }
      seenSerials.add(serialKey);
    }
    const row: AnalysedRow = { ...plan, ...match, warnings: [...plan.notes, ...match.warnings] };
    // The category table offers a policy for the models the import will create: those of rows
    // that go in, or would once that policy is chosen (or the clerk picks their customer). A row
    // refused for anything else, or skipped, creates nothing and is not listed.
    if (plan.unit && !models.has(modelKeyOf(plan.unit)) && waitsOnlyForChoices(row)) {
      byCategory.get(modelCategory.get(modelKeyOf(plan.unit))!)?.unknown.set(modelKeyOf(plan.unit), `${plan.unit.brand} ${plan.unit.model}`);
    }
    if (imported(row) && plan.unit && !models.has(modelKeyOf(plan.unit)) && !newModels.has(modelKeyOf(plan.unit))) {
      const ownKey = modelCategory.get(modelKeyOf(plan.unit))!;
      newModels.set(modelKeyOf(plan.unit), { brand: plan.unit.brand, model: plan.unit.model, category: plan.unit.category, policyId: policies.get(ownKey)!.policyId! });
    }
    // Only a row that will be imported as a new customer makes one the rows below can join.
    if (plan.customer && imported(row) && match.target.kind === 'new') customers.remember(plan.row, plan.customer.name, phonesOf(plan), plan.customer.addresses[0]?.address ?? null);
    out.push(row);
  }
  const categories: ImportCategory[] = [...byCategory].map(([key, group]) => {
    const newOnes = [...group.unknown.values()];
    const policy = policies.get(key)!;
    return newOnes.length === 0
      ? { category: group.category, rows: group.rows, newModels: [], policyId: null, source: group.namesUnknown ? 'noneNew' : 'onFile' }
      : { category: group.category, rows: group.rows, newModels: newOnes, policyId: policy.policyId, source: policy.source };
  });
  return { plans: out, newModels, categories };
}

const CUSTOMER_STATE = { existing: 'existing', sameAs: 'sameAsAbove', new: 'new', ambiguous: 'ambiguous', skipped: 'skipped' } as const;

export function toResult(p: AnalysedRow): ImportRowResult {
  const t = p.target;
  const ref = t.kind === 'existing' || t.kind === 'sameAs' ? t.ref : null;
  return {
    row: p.row,
    ok: imported(p),
    customerName: p.customerName,
    serial: p.unit?.serial ?? (p.serialText || null),
    customer: CUSTOMER_STATE[t.kind],
    targetName: ref ? ref.name : p.customerName,
    targetId: ref?.id ?? null,
    targetRow: ref?.row ?? null,
    targetPhone: ref ? ref.phone : (p.customer?.phones[0]?.phone ?? null),
    reason: p.reason,
    candidates: p.candidates,
    category: p.unit ? p.unit.category : null,
    problems: p.problems,
    warnings: p.warnings,
  };
}
