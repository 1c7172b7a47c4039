/**
 * A warranty card number as the QR code on its return slip carries it (BXK-2026-000123), or as
 * someone types it: in lower case, with spaces for dashes, or the counter without its zeros.
 * Whole numbers only. Null when the text is not one (an unreadable or foreign code).
 */
export function cardNumberOf(text: string): string | null {
  const m = /^BXK[-\s]*(\d{4})[-\s]*(\d{1,7})$/i.exec(text.trim());
  return m ? `BXK-${m[1]}-${m[2]!.padStart(6, '0')}` : null;
}
