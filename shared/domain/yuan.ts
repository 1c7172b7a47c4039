/**
 * Money typed at the desk is yuan with up to two decimals; the backend keeps integer fen.
 * The conversion is done on the digits, never by multiplying a float: 19.99 × 100 is
 * 1998.9999999999998 in binary floating point, and a receipt must not be a fen short.
 */
export type YuanParse = { ok: true; fen: number } | { ok: false; key: 'validation.wholeFen' | 'validation.notNegative' | 'validation.invalidType' };

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;

export function parseYuan(typed: string): YuanParse {
  // A Chinese input method gives full-width digits and stops; currency signs and group commas are decoration.
  const s = typed
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uff0e\u3002]/g, '.')
    .replace(/[\s,\uff0c\u00a5\uffe5]/g, '');
  if (s === '') return { ok: true, fen: 0 };
  if (s.startsWith('-')) return { ok: false, key: 'validation.notNegative' };
  const match = /^(\d{0,12})(?:\.(\d*))?$/.exec(s);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, key: 'validation.invalidType' };
  const whole = match[1] || '0';
  // Trailing zeros beyond the fen are harmless (12.500); any other third decimal is not money.
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { ok: false, key: 'validation.wholeFen' };
  return { ok: true, fen: Number(whole) * 100 + Number(decimals.padEnd(2, '0')) };
}

/** Fen back to what the clerk would type: 128000 → "1280.00" (no grouping, so it parses again). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
