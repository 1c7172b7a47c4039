import { FAULT_CATEGORIES, SEVERITIES, TICKET_SOURCES, TICKET_STATUSES, type FaultCategory, type Severity, type TicketSource, type TicketStatus } from '../../../../shared/domain/ticket-status';
import { LANGUAGES, translator } from '../../../../shared/i18n';
import { REGIONS, foldPhone, type Region } from '../../../../shared/schemas/customer';
import { plainCharacters } from '../../../../shared/schemas/common';
import type { ImportProblem } from '../../../../shared/schemas/excel';
import type { TicketImportField, ticketImportInput } from '../../../../shared/schemas/ticket-import';
import type { z } from 'zod';
import { labels } from './plan-row';
import { cellText, type Cell, type ParsedSheet } from './read';

/*
 * One row of a tickets sheet as the facts of a ticket, checked on their own (nothing looked up
 * yet): the words the desk's own export writes in either language (状态 "已结单" or "Closed"),
 * moments as date-time cells or typed, money in yuan. What is looked up on file (the customer,
 * the unit, the technicians, a ticket of the same number) is ticket-import.ts's part.
 */

export type TicketMapping = z.output<typeof ticketImportInput>['mapping'];

const STATUSES = { ...Object.fromEntries(TICKET_STATUSES.map((k) => [k.toLowerCase(), k])), ...labels('ticketing.status', TICKET_STATUSES) } as Record<string, TicketStatus>;
const SEVERITY = { ...Object.fromEntries(SEVERITIES.map((k) => [k, k])), ...labels('ticketing.severity', SEVERITIES) } as Record<string, Severity>;
const SOURCES = { ...Object.fromEntries(TICKET_SOURCES.map((k) => [k.toLowerCase(), k])), ...labels('ticketing.source', TICKET_SOURCES) } as Record<string, TicketSource>;
const FAULTS = { ...Object.fromEntries(FAULT_CATEGORIES.map((k) => [k.toLowerCase(), k])), ...labels('ticketing.faultCategory', FAULT_CATEGORIES) } as Record<string, FaultCategory>;
const REGION = { ...Object.fromEntries(REGIONS.map((k) => [k, k])), ...labels('region', REGIONS) } as Record<string, Region>;
const YES_NO: Record<string, boolean> = {
  ...Object.fromEntries(LANGUAGES.flatMap((lang) => [[String(translator(lang)('sheets.yes')).toLowerCase(), true], [String(translator(lang)('sheets.no')).toLowerCase(), false]])),
  是: true, 否: false, yes: true, no: false, y: true, n: false, true: true, false: false, '1': true, '0': false, 保修: true, 保外: false,
};

/** The choices a cell may name, in the desk's language, for the refusal. */
function choices(path: string, keys: readonly string[], lang: (typeof LANGUAGES)[number]): string {
  const t = translator(lang);
  return keys.map((k) => String(t(`${path}.${k}`))).join('、');
}

/**
 * A moment as the export writes it (a date-time cell: the desk's wall-clock time), an Excel day
 * number with its fraction, or typed: 2025-03-01 10:30, 2025/3/1 10:30:15, 2025年3月1日 10:30.
 * Answers ms, or null when the cell is not a moment; seconds are kept, milliseconds not (a
 * spreadsheet keeps none).
 */
export function cellMoment(cell: Cell | undefined, date1904: boolean): number | null {
  if (cell === null || cell === undefined) return null;
  const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => {
    const at = new Date(y, mo - 1, d, h, mi, s);
    return at.getFullYear() === y && at.getMonth() === mo - 1 && at.getDate() === d && h < 24 && mi < 60 && s < 60 ? at.getTime() : null;
  };
  if (cell instanceof Date) {
    // A date cell is read as the UTC moment of its wall-clock time: the same figures, here.
    const c = new Date(Math.round(cell.getTime() / 1000) * 1000);
    return local(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), c.getUTCHours(), c.getUTCMinutes(), c.getUTCSeconds());
  }
  if (typeof cell === 'number') {
    if (!(cell > 20000 && cell < 80000)) return null;
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return cellMoment(new Date(epoch + Math.round(cell * 86_400) * 1000), false);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(plainCharacters(cell).trim());
  return m ? local(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) : null;
}

/** Yuan as a number cell, or typed "¥1,234.50" / "150.5元": fen, or null when it is not an amount. */
export function cellFen(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? Math.round(cell * 100) : null;
  const text = plainCharacters(cellText(cell)).replace(/[¥￥,\s元]|RMB|CNY/gi, '');
  return /^\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : null;
}

/** "格力 KFR-35GW · 00123" as the export writes a unit: brand (first word), model, serial. */
export function splitUnitLabel(label: string): { brand: string; model: string; serial: string | null } {
  const at = label.lastIndexOf(' · ');
  const name = (at >= 0 ? label.slice(0, at) : label).trim();
  const serial = at >= 0 ? label.slice(at + 3).trim() || null : null;
  const space = name.indexOf(' ');
  return { brand: space >= 0 ? name.slice(0, space) : name, model: space >= 0 ? name.slice(space + 1).trim() : '', serial };
}

export interface TicketFacts {
  number: string;
  reportedAt: number;
  status: TicketStatus;
  severity: Severity;
  source: TicketSource;
  faultCategory: FaultCategory;
  customerName: string;
  customerPhone: string;
  contactPhone: string | null;
  unitLabel: string;
  serial: string | null;
  region: Region | null;
  fault: string;
  technicians: string[];
  inWarranty: boolean;
  diagnosis: string | null;
  cause: string | null;
  action: string | null;
  answeredAt: number | null;
  arrivedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  totalFen: number;
  paidFen: number;
}

export interface TicketRowPlan {
  row: number;
  /** As typed, for the row's line in the preview even when it is refused. */
  number: string;
  customerName: string;
  unitText: string;
  status: TicketStatus | null;
  facts: TicketFacts | null;
  problems: ImportProblem[];
}

/** The longest text each field keeps: the ticket's own limits. */
const MAX: Partial<Record<TicketImportField, number>> = { number: 40, customer: 100, fault: 2000, diagnosis: 2000, cause: 2000, action: 2000, unit: 200, serial: 80, technicians: 500 };

/** One row as a ticket's facts, with every problem it has on its own. */
export function planTicketRow(sheet: ParsedSheet, mapping: TicketMapping, row: { row: number; cells: Cell[] }, now: number, lang: (typeof LANGUAGES)[number]): TicketRowPlan {
  const problems: ImportProblem[] = [];
  const header = (field: TicketImportField) => {
    const index = mapping[field];
    return typeof index === 'number' ? (sheet.headers[index] ?? null) : null;
  };
  const problem = (field: TicketImportField | null, key: string, params?: Record<string, string | number>) =>
    problems.push({ column: field ? header(field) : null, message: { key: `sheets.ticketImport.errors.${key}`, params } });
  const raw = (field: TicketImportField) => (mapping[field] === null || mapping[field] === undefined ? undefined : row.cells[mapping[field]!]);
  const text = (field: TicketImportField, required = false): string => {
    const value = cellText(raw(field));
    if (required && !value) problem(field, 'required');
    const max = MAX[field];
    if (max && [...value].length > max) problem(field, 'tooLong', { max });
    return value;
  };
  const choice = <K extends string>(field: TicketImportField, map: Record<string, K>, path: string, keys: readonly K[], fallback: K | null): K | null => {
    const value = text(field);
    if (!value) return fallback;
    const found = map[value.toLowerCase()];
    if (!found) problem(field, 'badChoice', { value, values: choices(path, keys, lang) });
    return found ?? null;
  };
  const moment = (field: TicketImportField, required = false): number | null => {
    const cell = raw(field);
    if (cell === null || cell === undefined || cellText(cell) === '') {
      if (required) problem(field, 'required');
      return null;
    }
    const at = cellMoment(cell, sheet.date1904);
    if (at === null) problem(field, 'badMoment', { value: cellText(cell) });
    else if (at > now + 60_000) problem(field, 'inFuture', { value: cellText(cell) });
    return at;
  };
  const money = (field: TicketImportField): number => {
    const cell = raw(field);
    if (cell === null || cell === undefined || cellText(cell) === '') return 0;
    const fen = cellFen(cell);
    if (fen === null) problem(field, 'badMoney', { value: cellText(cell) });
    return fen ?? 0;
  };

  const number = text('number', true);
  const customerName = text('customer', true);
  const unitText = text('unit');
  const serialText = text('serial');
  const status = choice('status', STATUSES, 'ticketing.status', TICKET_STATUSES, null);
  if (!text('status')) problem('status', 'required');
  const severity = choice('severity', SEVERITY, 'ticketing.severity', SEVERITIES, 'ordinary');
  const source = choice('source', SOURCES, 'ticketing.source', TICKET_SOURCES, 'phone');
  const faultCategory = choice('faultCategory', FAULTS, 'ticketing.faultCategory', FAULT_CATEGORIES, 'other');
  const region = choice('region', REGION, 'region', REGIONS, null);
  const fault = text('fault', true);
  const phone = foldPhone(text('customerPhone', true));
  const contact = text('contactPhone');
  const warrantyText = text('inWarranty');
  const inWarranty = warrantyText ? YES_NO[warrantyText.toLowerCase()] : false;
  if (inWarranty === undefined) problem('inWarranty', 'badYesNo', { value: warrantyText });
  const reportedAt = moment('reportedAt', true);
  const answeredAt = moment('answeredAt');
  const arrivedAt = moment('arrivedAt');
  const resolvedAt = moment('resolvedAt');
  const closedAt = moment('closedAt');
  if (reportedAt !== null) {
    for (const [field, at] of [['answeredAt', answeredAt], ['arrivedAt', arrivedAt], ['resolvedAt', resolvedAt], ['closedAt', closedAt]] as const) {
      if (at !== null && at < reportedAt) problem(field, 'beforeReported');
    }
  }
  const statusName = status ? String(translator(lang)(`ticketing.status.${status}`)) : '';
  if (status && ['resolved', 'calledBack', 'closed'].includes(status) && resolvedAt === null && !problems.some((p) => p.column === header('resolvedAt'))) problem('resolvedAt', 'needsResolved', { status: statusName });
  if (status === 'closed' && closedAt === null && !problems.some((p) => p.column === header('closedAt'))) problem('closedAt', 'needsClosed', { status: statusName });
  if (resolvedAt !== null && closedAt !== null && closedAt < resolvedAt) problem('closedAt', 'closedBeforeResolved');
  const totalFen = money('total');
  const paidFen = money('paid');
  if (inWarranty && totalFen > 0) problem('total', 'chargedInWarranty', { total: (totalFen / 100).toFixed(2) });
  if (!unitText && !serialText) problem('unit', 'noUnit');
  const [diagnosis, cause, action] = (['diagnosis', 'cause', 'action'] as const).map((f) => text(f) || null);
  const technicians = text('technicians')
    .split(/[、,，;；/\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

  const facts: TicketFacts | null =
    problems.length === 0 && status && severity && source && faultCategory && reportedAt !== null
      ? {
          number,
          reportedAt,
          status,
          severity,
          source,
          faultCategory,
          customerName,
          customerPhone: phone,
          contactPhone: contact ? foldPhone(contact) : null,
          unitLabel: unitText,
          serial: serialText || splitUnitLabel(unitText).serial,
          region,
          fault,
          technicians,
          inWarranty: inWarranty === true,
          diagnosis: diagnosis ?? null,
          cause: cause ?? null,
          action: action ?? null,
          answeredAt,
          arrivedAt,
          resolvedAt,
          closedAt,
          totalFen,
          paidFen,
        }
      : null;
  return { row: row.row, number, customerName, unitText: unitText || serialText, status, facts, problems };
}
