import { LANGUAGES, translator } from '../../../../shared/i18n';
import { TICKET_IMPORT_FIELDS, type TicketImportField } from '../../../../shared/schemas/ticket-import';

/*
 * A tickets sheet's columns, known by the headers the desk's own export writes (either language)
 * and the few other names a sheet from another system gives them.
 */

const norm = (h: string) => h.replace(/[\s*:：()（）]/g, '').toLowerCase();

const OTHER_NAMES: Partial<Record<TicketImportField, string[]>> = {
  number: ['工单编号', '维修单号', '单号', 'ticket', 'ticketnumber'],
  reportedAt: ['报修日期', '报修时间', '受理日期', 'reportedat', 'date'],
  customer: ['客户名称', '客户姓名', '用户', 'customername'],
  customerPhone: ['客户手机', '手机', 'mobile'],
  fault: ['故障', '故障现象', '报修内容', 'fault'],
  serial: ['机身编号', '出厂编号', 'sn'],
  technicians: ['维修员', '技术员', '师傅', 'technician'],
};

const KNOWN = Object.fromEntries(
  TICKET_IMPORT_FIELDS.map((f) => [f, [...LANGUAGES.map((lang) => norm(String(translator(lang)(`sheets.ticketList.${f}`)))), ...(OTHER_NAMES[f] ?? []).map(norm)]]),
) as Record<TicketImportField, string[]>;

/** Each field's column by its header, the export's own names first; a column is given to one field. */
export function suggestTicketMapping(headers: string[]): Partial<Record<TicketImportField, number>> {
  const names = headers.map(norm);
  const taken = new Set<number>();
  const out: Partial<Record<TicketImportField, number>> = {};
  for (const pass of [0, 1] as const) {
    for (const field of TICKET_IMPORT_FIELDS) {
      if (out[field] !== undefined) continue;
      const words = pass === 0 ? KNOWN[field].slice(0, LANGUAGES.length) : KNOWN[field];
      const index = names.findIndex((h, i) => !taken.has(i) && words.includes(h));
      if (index >= 0) {
        out[field] = index;
        taken.add(index);
      }
    }
  }
  return out;
}

/** A sheet holds tickets when its number, report time and status columns are all known. */
export const holdsTickets = (suggested: Partial<Record<TicketImportField, number>>) =>
  suggested.number !== undefined && suggested.reportedAt !== undefined && suggested.status !== undefined;
