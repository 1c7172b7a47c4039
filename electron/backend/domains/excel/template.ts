import { translator, type LANGUAGES } from '../../../../shared/i18n';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from '../../../../shared/schemas/excel';
import type { ServiceContext } from '../../app/context';
import { getSettings } from '../admin/settings';
import { addListSheet, newWorkbook, saveWorkbook, type ColumnKind } from './sheet-writer';

/*
 * The import template: a workbook with exactly the columns the import reads, headed as the
 * import recognises them, one example row, drop-down lists and date checks where Excel and
 * WPS enforce them, and a notes sheet that says what each column takes. The clerk fills it
 * in and imports it; nothing needs matching by hand.
 */

const DATE_FIELDS = new Set<ImportField>(['purchaseDate', 'installDate', 'acceptanceDate', 'productionDate']);
/** Typed in as text, so Excel keeps the leading 0 of 0571-… and of serials like 00123. */
const kindOf = (field: ImportField): ColumnKind => (DATE_FIELDS.has(field) ? 'date' : 'text');
/** Rows below the header that get the drop-downs and date checks. */
const VALIDATED_ROWS = 1000;

export async function saveImportTemplate(ctx: ServiceContext, input: { language: (typeof LANGUAGES)[number] | null }): Promise<{ savedTo: string | null }> {
  const t = translator(input.language ?? (await getSettings(ctx)).language);
  const workbook = await newWorkbook(t);
  const header = (f: ImportField) => (REQUIRED_IMPORT_FIELDS.includes(f) ? `${t(`importer.fields.${f}`)}*` : t(`importer.fields.${f}`));
  const example = IMPORT_FIELDS.map((f) => t(`sheets.template.example.${f}`));
  const sheet = addListSheet(
    workbook,
    t('sheets.template.sheet'),
    IMPORT_FIELDS.map((f) => ({ header: header(f), kind: kindOf(f) })),
    [example],
  );
  const lists: Partial<Record<ImportField, string[]>> = {
    kind: [t('customerKind.person'), t('customerKind.organisation')],
    region: [t('region.urban'), t('region.suburban'), t('region.other')],
  };
  IMPORT_FIELDS.forEach((field, i) => {
    const list = lists[field];
    const note = t(`sheets.template.notes.${field}`);
    sheet.getCell(1, i + 1).note = note;
    for (let row = 2; row <= VALIDATED_ROWS + 1; row++) {
      const cell = sheet.getCell(row, i + 1);
      if (list) {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: true, errorTitle: header(field), error: t('sheets.template.listError', { values: list.join('、') }) };
      } else if (DATE_FIELDS.has(field)) {
        cell.dataValidation = {
          type: 'date',
          operator: 'between',
          allowBlank: true,
          formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
          showErrorMessage: true,
          errorTitle: header(field),
          error: t('sheets.template.dateError'),
        };
      }
    }
  });
  addListSheet(
    workbook,
    t('sheets.template.notesSheet'),
    [
      { header: t('sheets.template.column'), kind: 'text' },
      { header: t('sheets.template.required'), kind: 'text' },
      { header: t('sheets.template.explains'), kind: 'text' },
    ],
    [
      ...IMPORT_FIELDS.map((f) => [header(f), REQUIRED_IMPORT_FIELDS.includes(f) ? t('sheets.yes') : '', t(`sheets.template.notes.${f}`)]),
      ['', '', t('sheets.template.general')],
    ],
    { filter: false },
  );
  return { savedTo: await saveWorkbook(ctx, workbook, `${t('sheets.template.fileName')}.xlsx`) };
}
