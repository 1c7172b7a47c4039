import type { TFunction } from 'i18next';
import { formatDate, formatPhone } from '../../../../shared/format';
import type { Language } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/schemas/customer';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Unit } from '../../../../shared/schemas/unit';
import { checkboxes, cutLine, fieldTable, signatureBlock } from '../kit/forms';
import { labelled, type PageSetup } from '../kit/layout';
import type { Content } from '../kit/definition';

export interface ReturnSlipData {
  t: TFunction;
  lang: Language;
  setup: PageSetup;
  /** The warranty card's number: the slip is filed against it. */
  number: string;
  settings: Settings;
  customer: Customer;
  unit: Unit;
}

/**
 * The warranty return slip (保修回执卡) the customer fills in, signs and posts back: what the
 * desk knows comes printed, the rest has room to write by hand. Below a dashed cut line on the
 * card's own page; `detached`, on a page of its own (starting it, unless `pageBreak` is false
 * because something else starts that page), without the line.
 * It never breaks across pages: a slip cut in two cannot be posted.
 */
export function returnSlip(s: ReturnSlipData, options: { detached: boolean; pageBreak?: boolean }): Content {
  const { t, setup, customer, unit, settings } = s;
  const k = (key: string, params?: Record<string, unknown>) => t(`print.returnSlip.${key}`, params ?? {});
  const blank = '';
  const purchase = unit.purchaseDate ? formatDate(unit.purchaseDate, s.lang) : blank;
  // On a page of its own the slip has room to spare: taller rows, easier to write in.
  const roomy = options.detached;
  const writeHeight = Math.round((roomy ? 40 : 22) * setup.scale);
  const fields = fieldTable(
    [
      { label: k('cardNumber'), value: s.number, bold: true },
      { label: k('phone'), value: formatPhone(customer.phone) },
      { label: k('customer'), value: customer.name, wide: true },
      { label: k('address'), value: customer.address ?? blank, wide: true, write: !customer.address },
      { label: k('brandModel'), value: `${unit.brand} ${unit.model}`, wide: true, code: true },
      { label: k('serial'), value: unit.serial, wide: true, bold: true, code: true },
      { label: k('purchaseDate'), value: purchase, write: !purchase },
      { label: k('dealer'), value: blank, write: true },
      { label: k('opinion'), value: blank, wide: true, write: writeHeight * (roomy ? 4 : 1) },
    ],
    2,
    { writeHeight, rowHeight: roomy ? Math.round(30 * setup.scale) : 0 },
  );
  const sendTo = settings.address
    ? k('postTo', { company: settings.companyName, address: settings.address })
    : k('handTo', { company: settings.companyName });
  const gap = setup.gap * (roomy ? 1.6 : 1);
  const slip: Content[] = [
    { text: k('title'), style: options.detached ? 'title' : 'subtitle', alignment: 'center' },
    { text: k('intro'), style: 'note', alignment: 'center', margin: [0, 0, 0, gap / 2] },
    fields,
    {
      columns: [
        { width: 'auto', text: labelled(t, k('satisfaction'), ''), style: 'fieldLabel', noWrap: true },
        { width: '*', stack: [checkboxes([k('satisfied'), k('neutral'), k('dissatisfied')], Math.round(9 * setup.scale))] },
      ],
      columnGap: 6,
      margin: [0, gap / 2, 0, 0],
    },
    {
      columns: [
        { width: '*', text: sendTo, style: 'fieldValue', bold: true, margin: [0, gap * 2, 0, 0] },
        { width: setup.paper === 'A4' ? '42%' : '52%', stack: [signatureBlock(t, [k('signature')], { height: gap * (roomy ? 2.5 : 1.5) })] },
      ],
      columnGap: 16,
    },
  ];
  if (options.detached) return { stack: slip, unbreakable: true, ...((options.pageBreak ?? true) ? { pageBreak: 'before' as const } : {}) };
  return {
    stack: [cutLine(k('cutHere'), setup.contentWidth), { stack: slip, margin: [0, gap / 2, 0, 0] }],
    unbreakable: true,
    margin: [0, gap * 1.5, 0, 0],
  };
}
