import type { TFunction } from 'i18next';
import { formatDate, formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Unit } from '../../../../shared/schemas/unit';
import { checkboxes, signatureBlock, type Field } from '../kit/forms';
import { fieldTable } from '../kit/forms';
import { labelled, MM, type PageSetup } from '../kit/layout';
import type { Content } from '../kit/definition';
import type { SlipReturn } from './card-terms';

export interface ReturnSlipData {
  t: TFunction;
  lang: Language;
  setup: PageSetup;
  /** The warranty card's number: the slip is filed against it. */
  number: string;
  customer: Customer;
  unit: Unit;
  /** By when and where it goes back. */
  back: SlipReturn;
}

/** A text under `print.returnSlip.`. */
export const slipText = (s: ReturnSlipData) => (key: string, params?: Record<string, unknown>) => s.t(`print.returnSlip.${key}`, params ?? {});

/** "Please post back by 2026-04-02", or within N months of purchase when the purchase date is not known. */
export function dueLine(s: ReturnSlipData): string {
  const k = slipText(s);
  return s.back.due ? k('dueDate', { date: formatDate(s.back.due, s.lang) }) : k('dueMonths', { count: s.back.months });
}

/** What the desk knows comes printed; the rest (`write`) is left to fill in by hand. */
export function slipFields(s: ReturnSlipData, opinionHeight: number): Field[] {
  const { customer, unit } = s;
  const k = slipText(s);
  const purchase = unit.purchaseDate ? formatDate(unit.purchaseDate, s.lang) : '';
  return [
    { label: k('cardNumber'), value: s.number, bold: true },
    { label: k('phone'), value: formatPhone(customer.phone) },
    { label: k('customer'), value: customer.name, wide: true },
    { label: k('address'), value: customer.address ?? '', wide: true, write: !customer.address },
    { label: k('brandModel'), value: `${unit.brand} ${unit.model}`, wide: true, code: true },
    { label: k('serial'), value: unit.serial, wide: true, bold: true, code: true },
    { label: k('purchaseDate'), value: purchase, write: !purchase },
    { label: k('dealer'), value: '', write: true },
    { label: k('opinion'), value: '', wide: true, write: opinionHeight },
  ];
}

/**
 * The boxes to tick for the installation service. `drawn`: boxes drawn as lines; otherwise the
 * font's box (□), for a footer, where pdfmake misplaces lines drawn inside a table.
 */
export function satisfactionRow(s: ReturnSlipData, drawn = true): Content {
  const k = slipText(s);
  const choices = [k('satisfied'), k('neutral'), k('dissatisfied')];
  return {
    columns: [
      { width: 'auto', text: labelled(s.t, k('satisfaction'), ''), style: 'fieldLabel', noWrap: true },
      drawn
        ? { width: '*', stack: [checkboxes(choices, Math.round(9 * s.setup.scale))] }
        : { width: '*', text: choices.map((c) => `\u25a1 ${c}`).join('\u3000\u3000'), style: 'fieldValue' },
    ],
    columnGap: 6,
  };
}

/** The QR code's side: a 21-module code at 0.7 mm a module, which any 2D scanner at the desk reads. */
export const SLIP_QR_MM = 16;

/**
 * The slip's QR code: the card's number, so the slip back at the desk is marked returned by
 * scanning it (a 2D scanner types the number and Enter). The card's own QR holds the serial.
 */
export function slipQr(s: ReturnSlipData): Content {
  return { qr: s.number, fit: Math.round(SLIP_QR_MM * MM), eccLevel: 'M', alignment: 'left' };
}

/** Where it goes: posted to the recipient's address, or handed in when the company has none. */
export function sendToLine(s: ReturnSlipData): string {
  const k = slipText(s);
  return s.back.address ? k('postTo', { recipient: s.back.recipient, address: s.back.address }) : k('handTo', { recipient: s.back.recipient });
}

/**
 * The warranty return slip (保修回执卡) on a page of its own (A5's last page, or an A4 card too
 * long for the slip to fit under its cut line): the customer fills it in, signs and posts it
 * back. Rows tall enough to write in. It never breaks across pages: a slip cut in two cannot be
 * posted. (On A4 it sits below a cut line with its mailing face behind it: see slip-band.ts.)
 */
export function returnSlip(s: ReturnSlipData): Content {
  const { t, setup } = s;
  const k = slipText(s);
  const writeHeight = Math.round(40 * setup.scale);
  const gap = setup.gap * 1.6;
  const fields = fieldTable(slipFields(s, writeHeight * 4), 2, { writeHeight, rowHeight: Math.round(30 * setup.scale) });
  const slip: Content[] = [
    { text: k('title'), style: 'title', alignment: 'center' },
    { text: k('intro'), style: 'note', alignment: 'center', margin: [0, 0, 0, gap / 2] },
    fields,
    { stack: [satisfactionRow(s)], margin: [0, gap / 2, 0, 0] },
    // By when and where, across the slip (a long address has the width), then the signature.
    { stack: [{ text: dueLine(s), style: 'fieldValue', bold: true }, { text: sendToLine(s), style: 'fieldValue' }], margin: [0, gap, 0, 0] },
    {
      columns: [
        { width: '*', stack: [slipQr(s)], margin: [0, gap / 2, 0, 0] },
        { width: '60%', stack: [signatureBlock(t, [k('signature')], { height: gap * 2 })] },
      ],
      columnGap: 16,
    },
  ];
  return { stack: slip, unbreakable: true };
}
