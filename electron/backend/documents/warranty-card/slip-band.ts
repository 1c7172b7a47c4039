import { formatPhone } from '../../../../shared/format';
import type { Content } from '../kit/definition';
import { cutLine, fieldTable, signatureBlock, type Field } from '../kit/forms';
import { labelled, MM } from '../kit/layout';
import { dueLine, satisfactionRow, sendToLine, SLIP_QR_MM, slipFields, slipQr, slipText, type ReturnSlipData } from './return-slip';

/*
 * A4's return slip is a band across the bottom of the sheet: on the back (page 2) the slip to
 * fill in, on the front (page 1) behind it the slip's mailing face (recipient, address, stamp).
 * Both are drawn in the bottom margin, at the same height on both pages, so a sheet printed on
 * both sides loses nothing of the card when the slip is cut off, and the slip posts as a card;
 * printed on one side, the face is a spare address label. The band's height is worked out from
 * the data before the layout (pdfmake clips a footer taller than its margin without a word), so
 * it always overestimates; data too long for it gets the slip on a page of its own instead.
 */

export interface SlipBand {
  /** Points the band takes above the page footer, the same on both sides of the sheet. */
  height: number;
  /** Page 1's band: the slip's mailing face. */
  face: Content;
  /** Page 2's band: the slip to fill in. */
  slip: Content;
}

/** A band taller than this share of the page would leave the card too little of its page. */
const MOST_OF_PAGE = 0.4;
/** A stamp is at most 30 mm tall; its box, with room round it. */
const STAMP_MM = { w: 24, h: 28 };
const WIDE_CHARACTER = /[\u2e80-\uffff]/u;

/**
 * Width of a text at `size` points, never less than the font draws it: a Chinese character is
 * one em, anything else is taken as 0.72 em (the widest Latin letters, W and M, are about 0.9;
 * the average is well under 0.6, so a line of them is overestimated, not under).
 */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += WIDE_CHARACTER.test(ch) ? size : size * 0.72;
  return width;
}

/** Lines a text takes in `width` points: one more than the widths say once it wraps (a word that does not fit moves down whole). */
function lineCount(text: string, width: number, size: number): number {
  const n = Math.ceil(textWidth(text, size) / Math.max(width, 1));
  return n <= 1 ? 1 : n + 1;
}

export function slipBand(s: ReturnSlipData): SlipBand | null {
  const { setup, t } = s;
  const k = slipText(s);
  const size = (style: string, fallback: number) => setup.styles[style]?.fontSize ?? fallback;
  const body = size('fieldValue', 9.5);
  const label = size('fieldLabel', 8.5);
  const small = size('note', 8);
  const subtitle = size('subtitle', 12);
  const line = (pt: number) => pt * setup.lineHeight;
  const { gap, contentWidth } = setup;
  // A row's padding and rule, as the grid draws them (`fields`; `fieldsTight` is less).
  const cell = 5;

  // The slip: title and deadline, the grid, the boxes to tick and the place to sign.
  const writeHeight = Math.round(24 * setup.scale);
  const fields = slipFields(s, writeHeight);
  const labelWidth = Math.max(...fields.map((f) => textWidth(f.label, label))) + 8;
  const wideValue = contentWidth - labelWidth - 8;
  const rowHeight = (f: Field) => Math.max(typeof f.write === 'number' ? f.write : f.write ? writeHeight : 0, lineCount(f.value, wideValue, body) * line(body)) + cell;
  // Two short fields share a row; the grid's rows are the wide fields and the pairs.
  const rows: number[] = [];
  let pair: number | null = null;
  for (const f of fields) {
    if (f.wide) rows.push(rowHeight(f));
    else if (pair === null) pair = rowHeight(f);
    else {
      rows.push(Math.max(pair, rowHeight(f)));
      pair = null;
    }
  }
  if (pair !== null) rows.push(pair);
  const signing = gap * 1.5 + 2 * line(label) + 8 + 4;
  // The satisfaction row, beside it the signature and the QR code, whichever is tallest (the row may wrap to two lines beside them).
  const qr = SLIP_QR_MM * MM + 4;
  const slipHeight = line(small) + gap / 2 + line(subtitle) + 2 + rows.reduce((a, b) => a + b, 0) + gap / 2 + Math.max(2 * line(body) + 4, signing, qr);

  // The mailing face: recipient and address beside the stamp's box.
  const faceWidth = contentWidth - STAMP_MM.w * MM - 12;
  const recipient = labelled(t, k('face.to'), s.back.recipient);
  const address = s.back.address ? labelled(t, k('face.address'), s.back.address) : sendToLine(s);
  const sender = labelled(t, k('face.from'), `${s.customer.name} ${formatPhone(s.customer.phone)}`);
  const faceLines = [recipient, address, sender].reduce((n, text) => n + lineCount(text, faceWidth, body), 0);
  const faceHeight = line(small) + gap / 2 + Math.max(line(subtitle) + line(body) + 2 + faceLines * line(body) + gap, STAMP_MM.h * MM);

  const height = Math.ceil(Math.max(slipHeight, faceHeight) + 6);
  if (height > setup.contentHeight * MOST_OF_PAGE) return null;

  const slip: Content = {
    stack: [
      cutLine(k('cutHere'), contentWidth),
      {
        columns: [
          { width: 'auto', text: k('title'), style: 'subtitle' },
          { width: '*', text: dueLine(s), style: 'fieldValue', bold: true, alignment: 'right', margin: [0, subtitle - body, 0, 0] },
        ],
        columnGap: 12,
        margin: [0, gap / 2, 0, 2],
      },
      fieldTable(fields, 2, { writeHeight }),
      {
        columns: [
          { width: '*', stack: [satisfactionRow(s, false)], margin: [0, gap / 2, 0, 0] },
          { width: '42%', stack: [signatureBlock(t, [k('signature')], { height: gap * 1.5 })] },
          { width: SLIP_QR_MM * MM, stack: [slipQr(s)], margin: [0, 4, 0, 0] },
        ],
        columnGap: 16,
      },
    ],
  };
  const stamp: Content = {
    width: STAMP_MM.w * MM,
    stack: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: STAMP_MM.w * MM, h: STAMP_MM.h * MM, lineWidth: 0.5, lineColor: '#8c8c8c', dash: { length: 3, space: 2 } }] },
      { text: k('face.stamp'), style: 'small', alignment: 'center', margin: [0, (STAMP_MM.h * MM) / 2 - line(small) / 2 - STAMP_MM.h * MM, 0, 0] },
    ],
  };
  const face: Content = {
    stack: [
      cutLine(k('cutHereFace'), contentWidth),
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: k('face.title'), style: 'subtitle' },
              { text: dueLine(s), style: 'fieldValue', bold: true, margin: [0, 2, 0, gap / 2] },
              { text: recipient, style: 'fieldValue', bold: true },
              { text: address, style: 'fieldValue' },
              { text: sender, style: 'fieldValue', margin: [0, gap / 2, 0, 0] },
            ],
          },
          stamp,
        ],
        columnGap: 12,
        margin: [0, gap / 2, 0, 0],
      },
    ],
  };
  return { height, face, slip };
}
