import type { z } from 'zod';
import { customerCreateInput } from '../../../../shared/schemas/customer';
import type { ImportField, ImportProblem, importSheetInput } from '../../../../shared/schemas/excel';
import { unitCreateInput } from '../../../../shared/schemas/unit';
import { issueMessage } from '../../../../shared/validation';
import { LANGUAGES, translator } from '../../../../shared/i18n';
import { readPhoneCell, splitAddresses, splitPhones } from './phones';
import { cellDate, cellText, type Cell, type ParsedSheet } from './read';

export type Mapping = z.output<typeof importSheetInput>['mapping'];
export type CustomerInput = z.output<typeof customerCreateInput>;
export type UnitFields = Omit<z.output<typeof unitCreateInput>, 'customerId' | 'modelId'> & { brand: string; model: string; category: string };

/** Words for a customer's kind and region as typed, and as the desk's own export writes them in either language. */
export const labels = <K extends string>(path: string, keys: readonly K[]) =>
  Object.fromEntries(LANGUAGES.flatMap((lang) => keys.map((k) => [String(translator(lang)(`${path}.${String(k)}`)).toLowerCase(), k]))) as Record<string, K>;
const KINDS: Record<string, 'person' | 'organisation'> = {
  个人: 'person', person: 'person', 单位: 'organisation', 公司: 'organisation', 企业: 'organisation', organisation: 'organisation', organization: 'organisation',
  ...labels('customerKind', ['person', 'organisation'] as const),
};
const REGIONS: Record<string, 'urban' | 'suburban' | 'other'> = {
  市区: 'urban', 城区: 'urban', urban: 'urban', 郊县: 'suburban', 郊区: 'suburban', 县城: 'suburban', suburban: 'suburban', 其他: 'other', other: 'other',
  ...labels('region', ['urban', 'suburban', 'other'] as const),
};

/** A contact as typed or exported: "王经理（采购） 13900001111", one a line; the role and phone may be left out. */
function contactsOf(text: string): { name: string; role: string | null; phone: string | null }[] {
  return splitAddresses(text).map((line) => {
    const m = /^(.*?)\s*(?:[（(]([^）)]*)[）)])?\s*(\+?[\d][\d\s-]{5,})?$/.exec(line);
    const name = (m?.[1] ?? '').trim();
    return name ? { name, role: m?.[2]?.trim() || null, phone: m?.[3]?.trim() || null } : { name: line, role: null, phone: null };
  });
}

/** Which mapped column a schema path points at, so a problem names the sheet's own header. */
const CUSTOMER_PATHS: Record<string, ImportField> = { name: 'customerName', kind: 'kind', region: 'region', addresses: 'address', contacts: 'contact', tags: 'tags', note: 'note' };

/** The sheet's own header of the column mapped to a field, so a problem names it. */
export function headerOf(sheet: ParsedSheet, mapping: Mapping, field: ImportField): string | null {
  const index = mapping[field];
  return typeof index === 'number' ? (sheet.headers[index] ?? null) : null;
}

export interface RowPlan {
  row: number;
  problems: ImportProblem[];
  /** What the import read otherwise than the cell shows (a phone stored as a number), said on the row. */
  notes: ImportProblem[];
  customer: CustomerInput | null;
  unit: UnitFields | null;
  customerName: string;
  /** The serial as typed, shown on the row even when the unit itself is rejected. */
  serialText: string;
}

/** One row of the sheet as a customer and maybe a unit, with what is wrong with it (nothing looked up yet). */
export function planRow(sheet: ParsedSheet, mapping: Mapping, row: { row: number; cells: Cell[] }): RowPlan {
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
  const notes: ImportProblem[] = [];
  // Each phone with the column it came from, so a problem names the sheet's own header.
  const phoneSources: ImportField[] = [];
  const phones: { phone: string }[] = [];
  for (const field of ['phone', 'phone2'] as const) {
    const reading = readPhoneCell(raw(field));
    if (reading.kind === 'notAPhone') problem(field, 'sheets.phoneNumberCell', { value: reading.stored });
    else {
      if (reading.kind === 'restored') notes.push({ column: column(field), message: { key: 'sheets.phoneRestored', params: { stored: reading.stored, phone: reading.text } } });
      for (const phone of splitPhones(reading.text)) {
        phones.push({ phone });
        phoneSources.push(field);
      }
    }
  }
  const parsed = customerCreateInput.safeParse({
    kind: KINDS[kindText] ?? 'person',
    name: text('customerName'),
    region: REGIONS[regionText] ?? 'urban',
    phones,
    addresses: splitAddresses(text('address')).map((address, i) => ({ address, isDefault: i === 0 })),
    contacts: contactsOf(text('contact')),
    tags: text('tags').split(/[,，;；、]/).map((t) => t.trim()).filter(Boolean),
    note: text('note') || null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      // A number cell that is no phone is already said; "a phone is required" would say it twice.
      if (head === 'phones' && index === undefined && problems.some((p) => p.message.key === 'sheets.phoneNumberCell')) continue;
      const field = head === 'phones' ? (phoneSources[Number(index)] ?? 'phone') : (CUSTOMER_PATHS[String(head)] ?? null);
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
  return { row: row.row, problems, notes, customer: parsed.success ? parsed.data : null, unit, customerName: text('customerName'), serialText: text('serial') };
}
