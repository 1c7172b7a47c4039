import { z } from 'zod';
import { language } from './document';
import { id, isoDate, optionalText } from './common';
import type { ComplaintsReport, RepairsReport, SatisfactionReport } from './reports';
import { paperChoice, type Maker, type MakerForm } from './settle-base';

/* The monthly returns to a maker (seed 001's six forms), migration 0380. */

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'settle.errors.month' });
export const makerReturnsInput = z.strictObject({ makerId: id, month });
export const makerReturnsPaperInput = z.strictObject({ makerId: id, month, ...paperChoice });
export const makerReturnsExportInput = z.strictObject({ makerId: id, month, language });
export const makerReturnsSentInput = z.strictObject({ makerId: id, month, sentOn: isoDate, sentHow: optionalText(60) });
export const makerReturnsListInput = z.strictObject({ makerId: id.optional() });

/** One part fitted on one of the maker's units in the month (《每月零件更换清单》). */
export interface PartReplacedRow {
  ticketPartId: number;
  fittedOn: string;
  ticketNumber: string;
  serial: string;
  modelName: string;
  partNumber: string;
  partName: string;
  quantity: number;
  inWarranty: boolean;
  fault: string;
  /** The warranty claim the line went on, when it did. */
  claimNumber: string | null;
}

/** A unit of the maker's models sold in the month (《每月销售统计表》). */
export interface SaleRow {
  unitId: number;
  soldOn: string;
  serial: string;
  modelName: string;
  customerName: string;
  invoiceNumber: string | null;
  salePriceFen: number | null;
  soldBy: string | null;
}

/** A warranty return slip (保修回执卡) that came back in the month. */
export interface SlipRow {
  unitId: number;
  serial: string;
  modelName: string;
  customerName: string;
  soldOn: string | null;
  backOn: string;
  cardNumber: string;
}

export interface SalesStats {
  rows: SaleRow[];
  units: number;
  /** Sum of the prices written; units without one are counted in `unpriced`. */
  amountFen: number;
  unpriced: number;
  byModel: { modelName: string; units: number; amountFen: number }[];
  bySeller: { seller: string | null; units: number; amountFen: number }[];
}

export interface MakerReturnsPack {
  maker: Maker;
  month: string;
  from: string;
  to: string;
  /** The month had not ended when the pack was drawn: its figures may still change. */
  provisional: boolean;
  asOf: string;
  /** The maker's due day in the month after. */
  dueOn: string;
  /** The forms the maker asks for, in seed 001's order. */
  forms: MakerForm[];
  modelNames: string[];
  partsReplaced: { rows: PartReplacedRow[]; quantity: number; warrantyQuantity: number };
  repairs: RepairsReport;
  satisfaction: SatisfactionReport;
  complaints: ComplaintsReport;
  sales: SalesStats;
  slips: SlipRow[];
}

export interface MakerReturnsRecord {
  id: number;
  makerId: number;
  makerName: string;
  month: string;
  number: string | null;
  documentId: number | null;
  provisional: boolean;
  issuedOn: string | null;
  sentOn: string | null;
  sentHow: string | null;
  dueOn: string;
}

export interface ReturnsDue {
  makerId: number;
  makerName: string;
  month: string;
  dueOn: string;
  /** Days from today to the due day; negative when overdue. */
  daysLeft: number;
  /** The last pack issued for the month, if any. */
  number: string | null;
  provisional: boolean;
}
