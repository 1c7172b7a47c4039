/**
 * A record's number as its paper's barcode carries it (FW-2026-000123), or as someone types it:
 * in lower case, with spaces for dashes, or the counter without its zeros. Whole numbers only: a
 * fragment is not looked up. Null when the text is not one with this prefix.
 */
export function recordNumberOf(prefix: string, query: string): string | null {
  const m = new RegExp(`^${prefix}[-\\s]*(\\d{4})[-\\s]*(\\d{1,7})$`, 'i').exec(query.trim());
  return m ? `${prefix}-${m[1]}-${m[2]!.padStart(6, '0')}` : null;
}

/** A visit's number (FW), as its inspection form's barcode carries it. */
export const visitNumberOf = (query: string): string | null => recordNumberOf('FW', query);
