import type { Cell } from './read';

/*
 * A phone typed into a "General" column is stored by the spreadsheet as a number: 02158889999
 * comes back as 2158889999 and +8613900139000 as 8613900139000. What the clerk typed can be
 * told again only where one reading is possible; this module says which, and the import shows
 * the correction on the row.
 */

const MOBILE = /^1[3-9]\d{9}$/;
const SERVICE = /^[48]00\d{7}$/;
/** A landline without its leading 0: 10 and 2x take eight digits after them, the four-digit area codes seven or eight. */
const LANDLINE_WITHOUT_ZERO = /^(?:(?:10|2\d)\d{8}|[3-9]\d{2}\d{7,8})$/;
/** A mobile or a landline (without its 0) with China's code in front and its + lost. */
const WITH_COUNTRY = /^86(?:1[3-9]\d{9}|(?:10|2\d)\d{8}|[3-9]\d{9,10})$/;

export type PhoneReading =
  /** The cell reads as it is. */
  | { kind: 'asIs'; text: string }
  /** A number cell whose digits the clerk typed otherwise: the restored text. */
  | { kind: 'restored'; text: string; stored: string }
  /** A number cell that no reading makes a phone (too short, a fraction, a huge number). */
  | { kind: 'notAPhone'; stored: string };

/** Only a number cell, or digits alone as a CSV writes a number cell out, lost anything. */
export function readPhoneCell(cell: Cell | undefined): PhoneReading {
  if (cell === null || cell === undefined) return { kind: 'asIs', text: '' };
  if (cell instanceof Date) return { kind: 'notAPhone', stored: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'string' && !/^\d+$/.test(cell.trim())) return { kind: 'asIs', text: cell.trim() };
  if (typeof cell === 'number' && (!Number.isSafeInteger(cell) || cell <= 0)) return { kind: 'notAPhone', stored: String(cell) };
  const digits = String(cell).trim();
  if (MOBILE.test(digits) || SERVICE.test(digits) || digits.startsWith('0')) return { kind: 'asIs', text: digits };
  if (WITH_COUNTRY.test(digits)) return { kind: 'restored', text: `+${digits}`, stored: digits };
  if (LANDLINE_WITHOUT_ZERO.test(digits)) return { kind: 'restored', text: `0${digits}`, stored: digits };
  // Typed as text, digits that are no phone are the clerk's own: validation names them.
  return typeof cell === 'number' ? { kind: 'notAPhone', stored: digits } : { kind: 'asIs', text: digits };
}

/**
 * Several phones or addresses in one cell, as the export writes them and as people type them:
 * one a line (Alt+Enter in Excel), or between commas, semicolons or 、 for phones. Addresses
 * are split at line breaks and semicolons only, since a Chinese address may hold a comma.
 */
export function splitPhones(text: string): string[] {
  return text
    .split(/[\n\r,，;；、/]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function splitAddresses(text: string): string[] {
  return text
    .split(/[\n\r;；]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}
