import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'kysely';
import { translator } from '../../../../shared/i18n';
import type { ImportOpened, ImportPreview, ImportResult } from '../../../../shared/schemas/excel';
import { refuse } from '../../lib/errors';
import type { ServiceContext } from '../../app/context';
import { insertCustomer } from '../customers/customers';
import { getSettings } from '../admin/settings';
import { insertUnit } from '../units/units';
import { analyse, imported, modelKeyOf, toResult, type AnalysedRow, type SheetInput } from './analyse';
import { recordBatch, type CreatedRows } from './batches';
import { MAX_IMPORT_ROWS, readWorkbook, sheetSummary, type ParsedSheet } from './read';
import { MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES, inspectWorkbookZip, megabytes, type ZipProblem } from './zip-guard';

/** Workbooks opened for import, kept until the desk confirms or opens another. */
const sessions = new WeakMap<ServiceContext, Map<string, { fileName: string; sheets: ParsedSheet[] }>>();
function sessionsOf(ctx: ServiceContext) {
  let map = sessions.get(ctx);
  if (!map) sessions.set(ctx, (map = new Map()));
  return map;
}

export async function openImport(ctx: ServiceContext): Promise<ImportOpened | null> {
  // The file comes from the system's open dialog, never from a path the renderer names.
  const file = await ctx.platform.chooseOpenPath([{ name: 'Excel', extensions: ['xlsx'] }]);
  if (!file) return null;
  const fileName = basename(file);
  const sheets = await readImportFile(ctx, file, fileName);
  if (sheets.length === 0) throw refuse('errors.importEmpty', { file: fileName });
  const tooLong = sheets.find((s) => s.found > MAX_IMPORT_ROWS);
  if (tooLong) throw refuse('errors.importTooManyRows', { file: fileName, sheet: tooLong.name, rows: tooLong.found, limit: MAX_IMPORT_ROWS });
  const token = randomUUID();
  const map = sessionsOf(ctx);
  map.clear();
  map.set(token, { fileName, sheets });
  return { token, fileName, sheets: sheets.map(sheetSummary) };
}

/** Reads a workbook only once its sizes, on disk and inflated, are known to be sane. */
async function readImportFile(ctx: ServiceContext, file: string, fileName: string): Promise<ParsedSheet[]> {
  const size = statSync(file).size;
  if (size > MAX_WORKBOOK_BYTES) throw refuse('errors.importFileTooBig', { file: fileName, size: megabytes(size), limit: megabytes(MAX_WORKBOOK_BYTES) });
  let problem: ZipProblem | null;
  try {
    const data = readFileSync(file);
    problem = await inspectWorkbookZip(data);
    if (!problem) return await readWorkbook(data);
  } catch (error) {
    ctx.logger.warn('import: unreadable workbook', { file, error: (error as Error).message });
    throw refuse('errors.importUnreadable', { file: fileName });
  }
  ctx.logger.warn('import: workbook refused before inflating', { file, problem });
  if (problem.kind === 'unpackedTooBig') {
    throw refuse('errors.importUnpackedTooBig', { file: fileName, size: megabytes(problem.unpackedBytes), limit: megabytes(MAX_UNPACKED_BYTES) });
  }
  throw refuse('errors.importSuspiciousZip', { file: fileName });
}

function sheetOf(ctx: ServiceContext, input: SheetInput): ParsedSheet | undefined {
  return sessionsOf(ctx).get(input.token)?.sheets.find((s) => s.name === input.sheet);
}

export async function previewImport(ctx: ServiceContext, input: SheetInput): Promise<ImportPreview> {
  const { plans, newModels, categories } = await analyse(ctx, ctx.db, sheetOf(ctx, input), input);
  const ok = plans.filter(imported);
  const firstOk = new Set(ok.slice(0, 200));
  const waiting = (p: AnalysedRow) => p.problems.length === 0 && p.target.kind === 'ambiguous';
  const skipped = (p: AnalysedRow) => p.problems.length === 0 && p.target.kind === 'skipped';
  return {
    // Every row not imported, warned or with a choice to make, and the first good ones for a look: the counts say the rest.
    rows: plans.filter((p) => !imported(p) || p.warnings.length > 0 || p.candidates.length > 0 || firstOk.has(p)).map(toResult),
    total: plans.length,
    okCount: ok.length,
    errorCount: plans.filter((p) => p.problems.length > 0).length,
    warnedCount: ok.filter((p) => p.warnings.length > 0).length,
    ambiguousCount: plans.filter(waiting).length,
    skippedCount: plans.filter(skipped).length,
    newCustomers: ok.filter((p) => p.target.kind === 'new').length,
    existingCustomers: ok.filter((p) => p.target.kind === 'existing').length,
    newUnits: ok.filter((p) => p.unit).length,
    newModels: [...newModels.values()].map((m) => `${m.brand} ${m.model}`),
    categories,
  };
}

/** Imports every good row in one transaction, all of them or, on any failure, none, and keeps it as a batch. */
export async function commitImport(ctx: ServiceContext, input: SheetInput): Promise<ImportResult> {
  const session = sessionsOf(ctx).get(input.token);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { plans, newModels } = await analyse(ctx, trx, sheetOf(ctx, input), input);
    const now = ctx.now().getTime();
    const t = translator((await getSettings(ctx, trx)).language);
    const created: CreatedRows = { customers: [], units: [], models: [] };
    const modelIds = new Map<string, number>();
    for (const [key, m] of newModels) {
      const { id } = await trx
        .insertInto('product_models')
        .values({ brand: m.brand, model: m.model, category: m.category || t('import.uncategorised'), policy_id: m.policyId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      modelIds.set(key, id);
      created.models.push(id);
    }
    const createdByRow = new Map<number, number>();
    const counts = { customersCreated: 0, customersReused: 0, unitsCreated: 0 };
    for (const plan of plans) {
      if (!imported(plan) || !plan.customer) continue;
      let customerId: number;
      if (plan.target.kind === 'new') {
        customerId = await insertCustomer(trx, plan.customer, now);
        createdByRow.set(plan.row, customerId);
        created.customers.push(customerId);
        counts.customersCreated += 1;
      } else if (plan.target.kind === 'existing' || plan.target.kind === 'sameAs') {
        // On file (its id), or the customer a row above has just created (its row).
        customerId = plan.target.ref.id ?? createdByRow.get(plan.target.ref.row!)!;
        counts.customersReused += 1;
      } else continue;
      if (plan.unit) {
        const modelId =
          modelIds.get(modelKeyOf(plan.unit)) ??
          (await trx.selectFrom('product_models').select('id').where(sql<boolean>`brand = ${plan.unit.brand} collate nocase and model = ${plan.unit.model} collate nocase`).executeTakeFirstOrThrow()).id;
        const { brand: _b, model: _m, category: _c, ...unit } = plan.unit;
        created.units.push(await insertUnit(ctx, trx, { ...unit, customerId, modelId }, now));
        counts.unitsCreated += 1;
      }
    }
    const rejected = plans.filter((p) => !imported(p)).map(toResult);
    const batch = await recordBatch(trx, {
      fileName: session!.fileName,
      sheet: input.sheet,
      at: now,
      counts: { ...counts, modelsCreated: newModels.size, rowsNotImported: rejected.length },
      created,
    });
    return { ...counts, modelsCreated: newModels.size, rejected, batch };
  });
  sessionsOf(ctx).delete(input.token);
  return result;
}
