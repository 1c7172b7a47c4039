/**
 * A visit number as the 2D barcode on its inspection form carries it (FW-2026-000123), or as
 * someone types it: in lower case, with spaces for dashes, or the counter without its zeros.
 * Whole numbers only: a fragment is not looked up. Null when the text is not one.
 */
export function visitNumberOf(query: string): string | null {
  const m = /^FW[-\s]*(\d{4})[-\s]*(\d{1,7})$/i.exec(query.trim());
  return m ? `FW-${m[1]}-${m[2]!.padStart(6, '0')}` : null;
}
