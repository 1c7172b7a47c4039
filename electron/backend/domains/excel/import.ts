import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import { translator } from '../../../../shared/i18n';
import { customerCreateInput } from '../../../../shared/schemas/customer';
import {
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportOpened,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
  type ImportRowResult,
  type importSheetInput,
} from '../../../../shared/schemas/excel';
import { unitCreateInput } from '../../../../shared/schemas/unit';
import { issueMessage } from '../../../../shared/validation';
import { refusal, refuse, notFound } from '../../lib/errors';
import type { Db } from '../../db/schema';
import type { ServiceContext } from '../../app/context';
import { insertCustomer } from '../customers/customers';
import { customerMatcher, type CustomerMatch } from './customer-match';
import { MAX_IMPORT_ROWS, cellDate, cellText, readWorkbook, sheetSummary, type ParsedSheet } from './read';
import { MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES, inspectWorkbookZip, megabytes, type ZipProblem } from './zip-guard';
import { getPolicy } from '../products/products';
import { getSettings } from '../admin/settings';
import { insertUnit } from '../units/units';

type Mapping = z.output<typeof importSheetInput>['mapping'];
type CustomerInput = z.output<typeof customerCreateInput>;
type UnitFields = Omit<z.output<typeof unitCreateInput>, 'customerId' | 'modelId'> & { brand: string; model: string; category: string };

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

const KINDS: Record<string, 'person' | 'organisation'> = { 个人: 'person', person: 'person', 单位: 'organisation', 公司: 'organisation', 企业: 'organisation', organisation: 'organisation', organization: 'organisation' };
const REGIONS: Record<string, 'urban' | 'suburban' | 'other'> = { 市区: 'urban', 城区: 'urban', urban: 'urban', 郊县: 'suburban', 郊区: 'suburban', 县城: 'suburban', suburban: 'suburban', 其他: 'other', other: 'other' };

/** Which mapped column a schema path points at, so a problem names the sheet's own header. */
const CUSTOMER_PATHS: Record<string, ImportField> = { name: 'customerName', kind: 'kind', region: 'region', addresses: 'address', contacts: 'contact', tags: 'tags', note: 'note' };

/** The sheet's own header of the column mapped to a field, so a problem names it. */
function headerOf(sheet: ParsedSheet, mapping: Mapping, field: ImportField): string | null {
  const index = mapping[field];
  return typeof index === 'number' ? (sheet.headers[index] ?? null) : null;
}

interface RowPlan {
  row: number;
  problems: ImportProblem[];
  customer: CustomerInput | null;
  unit: UnitFields | null;
  customerName: string;
  /** The serial as typed, shown on the row even when the unit itself is rejected. */
  serialText: string;
}

function planRow(sheet: ParsedSheet, mapping: Mapping, row: { row: number; cells: (string | number | Date | null)[] }): RowPlan {
  const column = (field: ImportField) => headerOf(sheet, mapping, field);
  const raw = (field: ImportField) => (mapping[field] === null || mapping[field] === undefined ? undefined : row.cells[mapping[field]!]);
  const text = (field: ImportField) => cellText(raw(field));
  const date = (field: ImportField) => cellDate(raw(field), sheet.date1904) || null;
  const problems: ImportProblem[] = [];
  const problem = (field: ImportField | null, key: string, params?: Record<string, string | number>) =>
    problems.push({ column: field ? column(field) : null, message: { key, params } });

  const kindText = text('kind').toLowerCase();
  const regionText = text('region').toLowerCase();
  if (kindText && !KINDS[kindText]) problem('kind', 'import.badKind', { value: text('kind') });
  if (regionText && !REGIONS[regionText]) problem('region', 'import.badRegion', { value: text('region') });
  const phones = [text('phone'), text('phone2')].filter(Boolean).map((phone) => ({ phone }));
  const parsed = customerCreateInput.safeParse({
    kind: KINDS[kindText] ?? 'person',
    name: text('customerName'),
    region: REGIONS[regionText] ?? 'urban',
    phones,
    addresses: text('address') ? [{ address: text('address'), isDefault: true }] : [],
    contacts: text('contact') ? [{ name: text('contact') }] : [],
    tags: text('tags').split(/[,，;；、]/).map((t) => t.trim()).filter(Boolean),
    note: text('note') || null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      const field = head === 'phones' ? (index === 1 ? 'phone2' : 'phone') : (CUSTOMER_PATHS[String(head)] ?? null);
      problems.push({ column: field ? column(field) : null, message: issueMessage(issue) });
    }
  }

  let unit: UnitFields | null = null;
  const wantsUnit = ['brand', 'model', 'serial'].some((f) => text(f as ImportField));
  if (wantsUnit) {
    for (const field of ['brand', 'model', 'serial'] as const) if (!text(field)) problem(field, 'import.unitFieldMissing');
    const unitParsed = unitCreateInput.safeParse({
      customerId: 1,
      modelId: 1,
      serial: text('serial'),
      purchaseDate: date('purchaseDate'),
      installDate: date('installDate'),
      acceptanceDate: date('acceptanceDate'),
      productionDate: date('productionDate'),
      invoiceNumber: text('invoiceNumber') || null,
      siteAddress: text('siteAddress') || null,
      locationNote: text('locationNote') || null,
    });
    if (unitParsed.success) {
      const { customerId: _c, modelId: _m, ...fields } = unitParsed.data;
      unit = { ...fields, brand: text('brand'), model: text('model'), category: text('category') };
    } else {
      for (const issue of unitParsed.error.issues) {
        const field = String(issue.path[0]) as ImportField;
        if (field === 'serial' && !text('serial')) continue; // already said: missing
        problems.push({ column: column(field), message: issueMessage(issue) });
      }
    }
  }
  return { row: row.row, problems, customer: parsed.success ? parsed.data : null, unit, customerName: text('customerName'), serialText: text('serial') };
}

interface Analysis {
  plans: (RowPlan & CustomerMatch)[];
  newModels: Map<string, { brand: string; model: string; category: string }>;
}

/** Checks every row against the sheet and the database: who exists, which serials are taken. */
async function analyse(ctx: ServiceContext, db: Db, input: z.output<typeof importSheetInput>): Promise<Analysis> {
  const session = sessionsOf(ctx).get(input.token);
  const sheet = session?.sheets.find((s) => s.name === input.sheet);
  if (!sheet) throw notFound('errors.importExpired');
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (input.mapping[field] === undefined || input.mapping[field] === null) {
      throw refusal('VALIDATION', 'errors.importFieldUnmapped', { field }, { fields: { [`mapping.${field}`]: [{ key: 'validation.required' }] } });
    }
  }
  if (input.defaultPolicyId !== null) await getPolicy(ctx, input.defaultPolicyId, db);
  const plans = sheet.rows.map((row) => planRow(sheet, input.mapping, row));

  const column = (field: ImportField) => headerOf(sheet, input.mapping, field);
  const phonesOf = (plan: RowPlan) => plan.customer?.phones.map((p) => p.phone) ?? [];
  const customers = await customerMatcher(db, plans.flatMap(phonesOf), [column('phone'), column('phone2')]);
  const models = new Map((await db.selectFrom('product_models').select(['id', 'brand', 'model']).execute()).map((m) => [`${m.brand}|${m.model}`.toLowerCase(), m.id]));
  const seenSerials = new Set<string>();
  const newModels = new Map<string, { brand: string; model: string; category: string }>();
  const serialCol = column('serial');
  const out: Analysis['plans'] = [];
  for (const plan of plans) {
    const match = plan.customer ? customers.match(plan.row, plan.customer.name, phonesOf(plan)) : { target: { kind: 'new' as const }, warnings: [] };
    if (plan.unit) {
      const modelKey = `${plan.unit.brand}|${plan.unit.model}`.toLowerCase();
      const serialKey = `${modelKey}|${plan.unit.serial.toLowerCase()}`;
      const modelId = models.get(modelKey);
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
      } else if (input.defaultPolicyId === null) {
        plan.problems.push({ column: column('model'), message: { key: 'import.modelNeedsPolicy', params: { brand: plan.unit.brand, model: plan.unit.model } } });
      } else if (plan.problems.length === 0) newModels.set(modelKey, { brand: plan.unit.brand, model: plan.unit.model, category: plan.unit.category });
      seenSerials.add(serialKey);
    }
    // Only a row that will be imported makes a customer the rows below can join.
    if (plan.customer && plan.problems.length === 0 && match.target.kind === 'new') customers.remember(plan.row, plan.customer.name, phonesOf(plan));
    out.push({ ...plan, ...match });
  }
  return { plans: out, newModels };
}

const CUSTOMER_STATE = { existing: 'existing', sameAs: 'sameAsAbove', new: 'new' } as const;

function toResult(p: Analysis['plans'][number]): ImportRowResult {
  return {
    row: p.row,
    ok: p.problems.length === 0,
    customerName: p.customerName,
    serial: p.unit?.serial ?? (p.serialText || null),
    customer: CUSTOMER_STATE[p.target.kind],
    targetName: p.target.kind === 'new' ? p.customerName : p.target.name,
    targetId: p.target.kind === 'existing' ? p.target.id : null,
    problems: p.problems,
    warnings: p.warnings,
  };
}

export async function previewImport(ctx: ServiceContext, input: z.output<typeof importSheetInput>): Promise<ImportPreview> {
  const { plans, newModels } = await analyse(ctx, ctx.db, input);
  const ok = plans.filter((p) => p.problems.length === 0);
  const firstOk = new Set(ok.slice(0, 200));
  return {
    // Every rejected or warned row, and the first good ones for a look: the counts say the rest.
    rows: plans.filter((p) => p.problems.length > 0 || p.warnings.length > 0 || firstOk.has(p)).map(toResult),
    total: plans.length,
    okCount: ok.length,
    errorCount: plans.length - ok.length,
    warnedCount: ok.filter((p) => p.warnings.length > 0).length,
    newCustomers: ok.filter((p) => p.target.kind === 'new').length,
    existingCustomers: ok.filter((p) => p.target.kind === 'existing').length,
    newUnits: ok.filter((p) => p.unit).length,
    newModels: [...newModels.values()].map((m) => `${m.brand} ${m.model}`),
  };
}

/** Imports every good row in one transaction: all of them or, on any failure, none. */
export async function commitImport(ctx: ServiceContext, input: z.output<typeof importSheetInput>): Promise<ImportResult> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { plans, newModels } = await analyse(ctx, trx, input);
    const now = ctx.now().getTime();
    const t = translator((await getSettings(ctx, trx)).language);
    const modelIds = new Map<string, number>();
    for (const [key, m] of newModels) {
      const { id } = await trx
        .insertInto('product_models')
        .values({ brand: m.brand, model: m.model, category: m.category || t('import.uncategorised'), policy_id: input.defaultPolicyId!, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      modelIds.set(key, id);
    }
    const createdByRow = new Map<number, number>();
    const counts = { customersCreated: 0, customersReused: 0, unitsCreated: 0 };
    for (const plan of plans) {
      if (plan.problems.length > 0 || !plan.customer) continue;
      let customerId: number;
      if (plan.target.kind === 'new') {
        customerId = await insertCustomer(trx, plan.customer, now);
        createdByRow.set(plan.row, customerId);
        counts.customersCreated += 1;
      } else {
        customerId = plan.target.kind === 'existing' ? plan.target.id : createdByRow.get(plan.target.row)!;
        counts.customersReused += 1;
      }
      if (plan.unit) {
        const key = `${plan.unit.brand}|${plan.unit.model}`.toLowerCase();
        const modelId =
          modelIds.get(key) ??
          (await trx.selectFrom('product_models').select('id').where(sql<boolean>`brand = ${plan.unit.brand} collate nocase and model = ${plan.unit.model} collate nocase`).executeTakeFirstOrThrow()).id;
        const { brand: _b, model: _m, category: _c, ...unit } = plan.unit;
        await insertUnit(ctx, trx, { ...unit, customerId, modelId }, now);
        counts.unitsCreated += 1;
      }
    }
    return { ...counts, modelsCreated: newModels.size, rejected: plans.filter((p) => p.problems.length > 0).map(toResult) };
  });
  sessionsOf(ctx).delete(input.token);
  return result;
}
